import Foundation
import PortcullisCore
import SSOChecks

/// Realistic login redirects for the relying-party judge tests: a Keycloak realm and a provider at
/// `docs.example.org`, with fresh random values per sample unless a test pins them.
enum RelyingPartyFixtures {
    static let entry = URL(string: "https://docs.example.org/reports/2026")!
    static let origin = URL(string: "https://docs.example.org")!
    static let issuer = URL(string: "https://sso.example.org/realms/portal")!
    static let endpoint = URL(string: "https://sso.example.org/realms/portal/protocol/openid-connect/auth")!
    static let redirectURI = "https://docs.example.org/oauth2/callback"

    /// A base64url token from `bytes` random bytes (a 32-byte token is 43 characters).
    static func token(_ bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) })
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The parameters of a correct Keycloak authorization request.
    static func goodParameters() -> [QueryParameter] {
        [
            QueryParameter("client_id", "docs-portal"),
            QueryParameter("response_type", "code"),
            QueryParameter("scope", "openid profile email"),
            QueryParameter("redirect_uri", redirectURI),
            QueryParameter("state", token()),
            QueryParameter("nonce", token()),
            QueryParameter("code_challenge", token()),
            QueryParameter("code_challenge_method", "S256"),
        ]
    }

    /// `parameters` with `name` set to `value` (nil removes it).
    static func setting(_ name: String, _ value: String?, in parameters: [QueryParameter]) -> [QueryParameter] {
        var result = parameters.filter { $0.name != name }
        if let value { result.append(QueryParameter(name, value)) }
        return result
    }

    /// A 302 to `endpoint` with `parameters`, setting `cookies`.
    static func redirect(
        _ parameters: [QueryParameter],
        to endpoint: URL = endpoint,
        status: Int = 302,
        cookies: [String]? = nil
    ) -> ProbeResponse {
        let state = parameters.first { $0.name == "state" }?.value ?? "none"
        let setCookies =
            cookies ?? ["KC_STATE=\(state); Path=/; Max-Age=600; Secure; HttpOnly; SameSite=Lax"]
        return ProbeResponse(
            requestURL: entry.absoluteString,
            status: status,
            headers: [HeaderField(name: "Location", value: endpoint.absoluteString + "?" + RawQuery.encode(parameters))]
                + setCookies.map { HeaderField(name: "Set-Cookie", value: $0) }
        )
    }

    /// Three samples built by `make` (called once per sample, so random values differ).
    static func samples(_ make: () -> ProbeResponse) -> [ProbeResponse] { [make(), make(), make()] }

    static func evaluate(
        _ samples: [ProbeResponse],
        policy: SSOPolicy = SSOPolicy(redirectURIs: [redirectURI]),
        endpoint: URL? = endpoint
    ) -> [Observation] {
        RelyingPartyRedirectJudge.evaluate(
            samples: samples,
            entryURL: entry,
            providerOrigin: origin,
            policy: policy,
            issuer: issuer,
            authorizationEndpoint: endpoint
        )
    }

    /// The outcome of `rule` among `observations` (nil when absent, `.failed` wins if several).
    static func outcome(_ rule: String, in observations: [Observation]) -> Observation.Outcome? {
        let matching = observations.filter { $0.ruleID.rawValue == rule }
        return matching.first { $0.outcome == .failed }?.outcome ?? matching.first?.outcome
    }
}
