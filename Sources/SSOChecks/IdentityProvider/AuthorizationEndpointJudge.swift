public import Foundation
public import PortcullisCore

/// Probes of the authorization endpoint beyond redirect_uri tampering (AUTH-02…06, PKCE-02, LOGOUT-01): the raw
/// queries to send and the verdict on each answer.
public enum AuthorizationEndpointJudge {
    /// The `client_id` of the unknown-client probe: fixed, so findings stay stable.
    public static let unknownClientID = "portcullis-unregistered-client"
    /// The PKCE challenge of the `plain` probe (43 unreserved characters, as RFC 7636 §4.1 requires of a verifier).
    public static let plainCodeChallenge = "portcullis-plain-pkce-probe-0123456789abcde"

    /// AUTH-03: the legitimate request with an unregistered `client_id`.
    public static func unknownClientQuery(_ legitimate: [QueryParameter]) -> String {
        RawQuery.encode(setting(["client_id": unknownClientID], in: legitimate))
    }

    /// AUTH-04…06: the legitimate request asking for `response_type=token` with `state`.
    public static func tokenResponseTypeQuery(_ legitimate: [QueryParameter], state: String) -> String {
        RawQuery.encode(setting(["response_type": "token", "state": state], in: legitimate))
    }

    /// PKCE-02: the legitimate request with a `plain` code challenge.
    public static func plainPKCEQuery(_ legitimate: [QueryParameter]) -> String {
        let changes = ["code_challenge": plainCodeChallenge, "code_challenge_method": "plain"]
        return RawQuery.encode(setting(changes, in: legitimate))
    }

    /// AUTH-03: an unknown client must not be redirected anywhere off the identity provider (RFC 6749 §4.1.2.1).
    public static func unknownClient(_ response: ProbeResponse, endpoint: URL) -> Observation {
        let rule = IdentityProviderRule.unknownClientRedirects
        let prefix = "Authorization request with the unregistered client_id \(unknownClientID)"
        if let failure = response.failure {
            return observation(rule, .needsReview, "\(prefix): no response (\(failure))", response, endpoint)
        }
        if let target = LocationTarget.resolve(response), !LocationTarget.isOn(endpoint, target) {
            return observation(
                rule,
                .failed,
                "\(prefix) was redirected off the identity provider to an unverified redirect_uri (open redirect)",
                response,
                endpoint
            )
        }
        let how = response.isRedirect ? "redirected only within the identity provider" : "status \(response.status)"
        return observation(rule, .passed, "\(prefix) was not redirected to the client (\(how))", response, endpoint)
    }

    /// AUTH-04 accepted (Location with access_token/id_token) fails; AUTH-05 error redirect must echo state;
    /// AUTH-06 must carry iss (RFC 9207) — error may be in query or fragment.
    public static func tokenResponseType(
        _ response: ProbeResponse,
        state: String,
        issuer: String,
        endpoint: URL
    ) -> [Observation] {
        let accepted = IdentityProviderRule.tokenResponseTypeAccepted
        let prefix = "Authorization request with response_type=token"
        if let failure = response.failure {
            return [observation(accepted, .needsReview, "\(prefix): no response (\(failure))", response, endpoint)]
                + notErrorRedirect(response, endpoint)
        }
        let target = LocationTarget.resolve(response)
        let parameters = target.map(LocationTarget.responseParameters) ?? []
        func value(_ name: String) -> String? { parameters.first { $0.name == name }?.value }
        if value("access_token") != nil || value("id_token") != nil {
            return [
                observation(
                    accepted,
                    .failed,
                    "\(prefix) was answered with tokens in the redirect (implicit flow)",
                    response,
                    endpoint
                )
            ] + notErrorRedirect(response, endpoint)
        }
        guard let error = value("error"), let target, isToClient(target, response: response, endpoint: endpoint)
        else {
            if response.status >= 400 && !response.isRedirect {
                return [
                    observation(
                        accepted,
                        .passed,
                        "\(prefix) was refused with status \(response.status)",
                        response,
                        endpoint
                    )
                ] + notErrorRedirect(response, endpoint)
            }
            return [
                observation(
                    accepted,
                    .needsReview,
                    "\(prefix) was not refused: the identity provider went on (login page or redirect within it) "
                        + "and may issue tokens after login",
                    response,
                    endpoint
                )
            ] + notErrorRedirect(response, endpoint)
        }
        var result = [
            observation(accepted, .passed, "\(prefix) was refused with error=\(error)", response, endpoint)
        ]
        let echoed = value("state")
        result.append(
            echoed == state
                ? observation(
                    IdentityProviderRule.errorWithoutState,
                    .passed,
                    "The error redirect echoes state",
                    response,
                    endpoint
                )
                : observation(
                    IdentityProviderRule.errorWithoutState,
                    .failed,
                    echoed == nil
                        ? "The error redirect does not echo state (RFC 6749 §4.1.2.1): the client cannot tie it to "
                            + "its request"
                        : "The error redirect carries a different state than the one sent",
                    response,
                    endpoint
                )
        )
        let iss = value("iss")
        result.append(
            iss == issuer
                ? observation(
                    IdentityProviderRule.errorWithoutISS,
                    .passed,
                    "The error redirect carries iss=\(issuer)",
                    response,
                    endpoint
                )
                : observation(
                    IdentityProviderRule.errorWithoutISS,
                    .failed,
                    iss.map { "The error redirect carries iss=\($0), not the issuer \(issuer)" }
                        ?? "The error redirect carries no iss parameter (RFC 9207): clients cannot detect mix-up",
                    response,
                    endpoint
                )
        )
        return result
    }

    /// PKCE-02: a `plain` code challenge must be refused with an error (RFC 9700 §2.1.1, RFC 7636 §4.4.1), not
    /// carried on to the login page like the legitimate S256 request (`baseline`).
    public static func plainPKCE(_ response: ProbeResponse, baseline: ProbeResponse, endpoint: URL) -> Observation {
        let rule = IdentityProviderRule.pkcePlainAccepted
        let prefix = "Authorization request with code_challenge_method=plain"
        if let failure = response.failure {
            return observation(rule, .needsReview, "\(prefix): no response (\(failure))", response, endpoint)
        }
        if let target = LocationTarget.resolve(response) {
            let parameters = LocationTarget.responseParameters(target)
            if let error = parameters.first(where: { $0.name == "error" })?.value {
                return observation(rule, .passed, "\(prefix) was refused with error=\(error)", response, endpoint)
            }
            if parameters.contains(where: { $0.name == "code" }) {
                return observation(rule, .failed, "\(prefix) was answered with a code", response, endpoint)
            }
        }
        if ResponseSimilarity.sameAnswer(response, baseline) {
            return observation(
                rule,
                .failed,
                "\(prefix) was accepted: answered like the legitimate S256 request (the login page) instead of "
                    + "error=invalid_request",
                response,
                endpoint
            )
        }
        if response.status >= 400 {
            return observation(
                rule,
                .passed,
                "\(prefix) was refused with status \(response.status)",
                response,
                endpoint
            )
        }
        if response.isRedirect {
            return observation(
                rule,
                .needsReview,
                "\(prefix) was redirected differently from the legitimate request",
                response,
                endpoint
            )
        }
        return observation(
            rule,
            .passed,
            "\(prefix) was refused: a page different from the login page",
            response,
            endpoint
        )
    }

    /// An observation whose evidence ends with the request and response.
    static func observation(
        _ rule: RuleID,
        _ outcome: Observation.Outcome,
        _ summary: String,
        _ response: ProbeResponse,
        _ endpoint: URL,
        key: String = ""
    ) -> Observation {
        Observation(
            ruleID: rule,
            outcome: outcome,
            url: endpoint,
            evidence: Evidence(summary: "\(summary). \(response.evidence)"),
            key: key
        )
    }

    private static func notErrorRedirect(_ response: ProbeResponse, _ endpoint: URL) -> [Observation] {
        let why = "No error redirect to the client to examine"
        return [
            observation(IdentityProviderRule.errorWithoutState, .inapplicable, why, response, endpoint),
            observation(IdentityProviderRule.errorWithoutISS, .inapplicable, why, response, endpoint),
        ]
    }

    /// Whether `target` is the client's redirect URI (the request's `redirect_uri`), or anywhere off the provider.
    private static func isToClient(_ target: String, response: ProbeResponse, endpoint: URL) -> Bool {
        let sent = URL(string: response.requestURL).flatMap { RawQuery.parameters(of: $0) }?
            .first { $0.name == "redirect_uri" }?.value
        if let sent, LocationTarget.withoutQuery(target) == LocationTarget.withoutQuery(sent) { return true }
        return !LocationTarget.isOn(endpoint, target)
    }

    /// `parameters` with each named parameter set (first occurrence replaced, later ones dropped, else appended).
    static func setting(_ changes: [String: String], in parameters: [QueryParameter]) -> [QueryParameter] {
        var result: [QueryParameter] = []
        var done: Set<String> = []
        for parameter in parameters {
            guard let value = changes[parameter.name] else {
                result.append(parameter)
                continue
            }
            if done.insert(parameter.name).inserted { result.append(QueryParameter(parameter.name, value)) }
        }
        for name in changes.keys.sorted() where !done.contains(name) {
            result.append(QueryParameter(name, changes[name] ?? ""))
        }
        return result
    }
}
