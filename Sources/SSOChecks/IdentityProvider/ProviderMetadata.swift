public import Foundation

/// What an identity provider's metadata says (OpenID Connect discovery / RFC 8414), the fields the checks use.
///
/// Endpoints are kept as published, even when they point at another host: callers decide what is in scope
/// (see ``DiscoveryJudge/isOnIssuerHost(_:issuer:)``) and never fetch the rest.
public struct ProviderMetadata: Sendable, Hashable {
    /// The `issuer` value exactly as published (empty when missing).
    public var issuer: String
    /// `authorization_endpoint`, nil when missing or not an absolute URL.
    public var authorizationEndpoint: URL?
    /// `token_endpoint`, nil when missing or not an absolute URL.
    public var tokenEndpoint: URL?
    /// `jwks_uri`, nil when missing or not an absolute URL.
    public var jwksURI: URL?
    /// `end_session_endpoint` (OpenID Connect RP-initiated logout), nil when missing.
    public var endSessionEndpoint: URL?
    /// `response_types_supported`.
    public var responseTypesSupported: [String]
    /// `grant_types_supported`.
    public var grantTypesSupported: [String]
    /// `code_challenge_methods_supported`.
    public var codeChallengeMethodsSupported: [String]
    /// `id_token_signing_alg_values_supported` and every other `*_signing_alg_values_supported`, deduplicated.
    public var signingAlgorithms: [String]
    /// `authorization_response_iss_parameter_supported`; true only for a JSON `true`.
    public var issParameterSupported: Bool

    /// Metadata with the given fields.
    public init(
        issuer: String,
        authorizationEndpoint: URL? = nil,
        tokenEndpoint: URL? = nil,
        jwksURI: URL? = nil,
        endSessionEndpoint: URL? = nil,
        responseTypesSupported: [String] = [],
        grantTypesSupported: [String] = [],
        codeChallengeMethodsSupported: [String] = [],
        signingAlgorithms: [String] = [],
        issParameterSupported: Bool = false
    ) {
        self.issuer = issuer
        self.authorizationEndpoint = authorizationEndpoint
        self.tokenEndpoint = tokenEndpoint
        self.jwksURI = jwksURI
        self.endSessionEndpoint = endSessionEndpoint
        self.responseTypesSupported = responseTypesSupported
        self.grantTypesSupported = grantTypesSupported
        self.codeChallengeMethodsSupported = codeChallengeMethodsSupported
        self.signingAlgorithms = signingAlgorithms
        self.issParameterSupported = issParameterSupported
    }
}
