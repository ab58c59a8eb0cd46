import Foundation
import PortcullisCore

/// RP-01 for one sample: is an anonymous GET answered with a 302/303 to the identity provider's authorization
/// endpoint?
struct LoginRedirectVerdict: Sendable {
    var sample: ProbeResponse
    var outcome: Observation.Outcome
    var reason: String
    /// The authorization request the redirect carries, when it is one.
    var request: AuthorizationRequest?

    init(sample: ProbeResponse, issuer: URL?, authorizationEndpoint: URL?) {
        self.sample = sample
        if let failure = sample.failure {
            (outcome, reason) = (.needsReview, "The entry URL gave no response (\(failure))")
            return
        }
        guard sample.isRedirect, let raw = sample.location else {
            (outcome, reason) = Self.notRedirected(sample)
            return
        }
        guard let location = URL(string: raw, relativeTo: URL(string: sample.requestURL))?.absoluteURL else {
            (outcome, reason) = (.needsReview, "Redirected (\(sample.status)) to a Location that is not a valid URL")
            return
        }
        guard let request = AuthorizationRequest(location: location) else {
            if RawQuery.parameters(of: location).contains(where: { $0.name == "SAMLRequest" }) {
                (outcome, reason) = (.passed, "Redirected with a SAML HTTP-Redirect request (judged by sso.saml rules)")
            } else {
                (outcome, reason) = (
                    .needsReview,
                    "Redirected to \(OriginComparison.endpointKey(location)), which is not an authorization request "
                        + "(no client_id, response_type or request_uri); an intermediate login page may follow"
                )
            }
            return
        }
        self.request = request
        (outcome, reason) = Self.judge(sample.status, request, issuer, authorizationEndpoint)
    }

    /// The first failed verdict, else the first needing review, else the first.
    static func worst(_ verdicts: [LoginRedirectVerdict]) -> LoginRedirectVerdict? {
        verdicts.first { $0.outcome == .failed } ?? verdicts.first { $0.outcome == .needsReview } ?? verdicts.first
    }

    private static func notRedirected(_ sample: ProbeResponse) -> (Observation.Outcome, String) {
        let body = sample.text.lowercased()
        if (200...299).contains(sample.status),
            body.contains("type=\"password\"") || body.contains("type='password'")
                || body.contains("type=password")
        {
            return (
                .needsReview,
                "A login form is served directly (status \(sample.status), password field) instead of redirecting "
                    + "to the identity provider: a local login, or a provider outside single sign-on"
            )
        }
        if (300...399).contains(sample.status) {
            return (.failed, "Redirect status \(sample.status) without a Location")
        }
        return (
            .failed,
            "An anonymous GET of a protected page answered \(sample.status) instead of a 302/303 to the identity "
                + "provider's authorization endpoint"
        )
    }

    private static func judge(
        _ status: Int,
        _ request: AuthorizationRequest,
        _ issuer: URL?,
        _ endpoint: URL?
    ) -> (Observation.Outcome, String) {
        let sent = OriginComparison.endpointKey(request.endpoint)
        if let endpoint {
            let expected = OriginComparison.endpointKey(endpoint)
            guard sent == expected else {
                return (
                    .failed, "Redirected to \(sent), not the identity provider's authorization endpoint \(expected)"
                )
            }
        } else if let issuer {
            guard OriginComparison.sameOrigin(request.endpoint, issuer) else {
                return (
                    .failed,
                    "Redirected to \(sent), not on the issuer's origin \(OriginComparison.describe(issuer)) (discovery "
                        + "failed, so the issuer's origin stands in for the authorization endpoint)"
                )
            }
        }
        guard status == 302 || status == 303 || status == 307 else {
            return (
                .failed,
                "The login redirect uses status \(status): a permanent redirect is cached by browsers and replays "
                    + "one state; use 302 or 303"
            )
        }
        var reason = "Redirected with \(status) to the authorization endpoint \(sent)"
        if endpoint == nil {
            reason +=
                issuer == nil
                ? " (no issuer or metadata known: the endpoint itself was not verified)"
                : " (discovery failed: compared with the issuer's origin only)"
        }
        return (.passed, reason)
    }
}
