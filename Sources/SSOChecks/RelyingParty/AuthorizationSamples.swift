import Foundation
import PortcullisCore

/// The authorization requests seen in the login-redirect samples of one entry URL, and the checks that need all
/// of them at once (values that must differ every time) or any of them (a secret in one URL is enough).
struct AuthorizationSamples: Sendable {
    var redirects: [SampledRedirect]
    var providerOrigin: URL
    var policy: SSOPolicy

    var first: SampledRedirect { redirects[0] }

    /// Whether the front channel carries only a pushed-request reference: state, nonce, PKCE and `redirect_uri` are
    /// then in the pushed request, out of sight.
    var isPushed: Bool { redirects.allSatisfy { $0.request.isPushedReference } }

    /// RP-02, RP-03 and the PAR policy.
    func flowObservations(_ context: RedirectJudgeContext) -> [Observation] {
        var observations: [Observation] = []
        let endpoint = first.request.endpoint
        observations.append(
            endpoint.scheme?.lowercased() == "https"
                ? context.make(
                    RelyingPartyRules.endpointNotHTTPS,
                    .passed,
                    "The authorization endpoint is https",
                    first.response
                )
                : context.make(
                    RelyingPartyRules.endpointNotHTTPS,
                    .failed,
                    "The authorization endpoint \(OriginComparison.endpointKey(endpoint)) is not https: the request "
                        + "and the login page can be read and altered in transit",
                    first.response
                )
        )
        observations.append(responseTypeObservation(context))
        if policy.requiresPAR {
            let unpushed = redirects.first { !$0.request.isPushedReference }
            observations.append(
                unpushed.map {
                    context.make(
                        RelyingPartyRules.parNotUsed,
                        .failed,
                        "Policy requires pushed authorization requests (RFC 9126), but the redirect carries the "
                            + "request itself (" + $0.request.parameters.map(\.name).joined(separator: ", ") + ")",
                        $0.response
                    )
                }
                    ?? context.make(
                        RelyingPartyRules.parNotUsed,
                        .passed,
                        "The redirect carries only client_id and request_uri (pushed authorization request)",
                        first.response
                    )
            )
        } else {
            observations.append(
                context.make(RelyingPartyRules.parNotUsed, .inapplicable, "Policy does not require pushed requests")
            )
        }
        return observations
    }

    private func responseTypeObservation(_ context: RedirectJudgeContext) -> Observation {
        for sample in redirects where !sample.request.isPushedReference {
            let types = sample.request.values("response_type")
            guard let type = types.first else {
                if sample.request.value("request_uri") != nil || sample.request.value("request") != nil { continue }
                return context.make(
                    RelyingPartyRules.implicitOrHybrid,
                    .needsReview,
                    "The authorization request has no response_type",
                    sample.response
                )
            }
            let words = Set(type.split(separator: " ").map(String.init))
            if words != ["code"] || types.count > 1 {
                return context.make(
                    RelyingPartyRules.implicitOrHybrid,
                    .failed,
                    "response_type=\(types.joined(separator: ",")): tokens are returned in the front channel "
                        + "(implicit or hybrid flow, RFC 9700 §2.1.2), where they leak through history, Referer and "
                        + "injection; use the authorization code flow",
                    sample.response
                )
            }
        }
        let reason =
            isPushed
            ? "Pushed authorization request: only client_id and request_uri in the front channel"
            : "response_type=code (authorization code flow)"
        return context.make(RelyingPartyRules.implicitOrHybrid, .passed, reason, first.response)
    }
}
