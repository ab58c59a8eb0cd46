import Foundation

/// The OpenID Connect discovery / RFC 8414 authorization-server metadata a demo identity provider publishes.
///
/// Both demo identity providers serve the same document at `/.well-known/openid-configuration` and
/// `/.well-known/oauth-authorization-server`; only the advertised values differ (see ``strict(origin:)`` and
/// ``lax(origin:)``).
struct DiscoveryDocument: Sendable {
    /// The `issuer` value.
    var issuer: String
    /// The origin the endpoints live on, without a trailing slash.
    var origin: String
    /// `response_types_supported`.
    var responseTypes: [String]
    /// `grant_types_supported`.
    var grantTypes: [String]
    /// `code_challenge_methods_supported`.
    var codeChallengeMethods: [String]
    /// `id_token_signing_alg_values_supported`.
    var signingAlgorithms: [String]
    /// `authorization_response_iss_parameter_supported` (RFC 9207).
    var issParameterSupported: Bool

    /// The strict identity provider's metadata: code flow only, S256 only, RFC 9207 `iss` supported.
    static func strict(origin: String) -> DiscoveryDocument {
        DiscoveryDocument(
            issuer: origin,
            origin: origin,
            responseTypes: ["code"],
            grantTypes: ["authorization_code", "refresh_token"],
            codeChallengeMethods: ["S256"],
            signingAlgorithms: ["RS256", "ES256"],
            issParameterSupported: true
        )
    }

    /// The lax identity provider's metadata. Deliberate flaws: the `issuer` has a trailing slash the endpoints'
    /// origin lacks (not byte-identical), token-issuing response types and the `password` grant are advertised,
    /// PKCE `plain` is allowed, the `none` signing algorithm is listed, and RFC 9207 `iss` is not supported.
    static func lax(origin: String) -> DiscoveryDocument {
        DiscoveryDocument(
            issuer: origin + "/",
            origin: origin,
            responseTypes: ["code", "token", "id_token token"],
            grantTypes: ["authorization_code", "implicit", "password", "refresh_token"],
            codeChallengeMethods: ["plain", "S256"],
            signingAlgorithms: ["RS256", "none"],
            issParameterSupported: false
        )
    }

    /// The document as JSON with sorted keys and unescaped slashes.
    var json: String {
        let object: [String: Any] = [
            "issuer": issuer,
            "authorization_endpoint": origin + "/authorize",
            "token_endpoint": origin + "/token",
            "jwks_uri": origin + "/jwks",
            "end_session_endpoint": origin + "/logout",
            "response_types_supported": responseTypes,
            "grant_types_supported": grantTypes,
            "code_challenge_methods_supported": codeChallengeMethods,
            "id_token_signing_alg_values_supported": signingAlgorithms,
            "authorization_response_iss_parameter_supported": issParameterSupported,
            "scopes_supported": ["openid", "profile", "email"],
            "subject_types_supported": ["public"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "private_key_jwt"],
        ]
        let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return (data.flatMap { String(data: $0, encoding: .utf8) } ?? "{}") + "\n"
    }
}
