public import Foundation

/// What a scan plan says about one provider's single sign-on (the plan's optional `sso:` block): where an
/// anonymous user should be sent to log in, which identity provider and client to expect, and what policy demands.
///
/// Every field is optional: with no block at all the SSO probe detects the flow from the provider's redirect and
/// checks what can be checked without it.
public struct SSOPolicy: Sendable, Hashable {
    /// Pages that should send an anonymous user to log in; the provider's entry URLs when empty.
    public var protectedURLs: [URL]
    /// The identity provider's issuer; discovered from the login redirect when nil.
    public var issuer: URL?
    /// The provider's OAuth `client_id` at the identity provider; read from the login redirect when nil.
    public var clientID: String?
    /// The `redirect_uri` values registered for the provider; when given, any other one the provider sends fails.
    public var redirectURIs: [String]
    /// The callback path on the provider (`/callback`); taken from the redirect URI when nil.
    public var callbackPath: String?
    /// The provider's `post_logout_redirect_uri`, for the logout checks.
    public var postLogoutRedirectURI: String?
    /// The provider's logout URL, for the open-redirect checks on its return parameters.
    public var logoutURL: URL?
    /// Whether policy requires PKCE (`code_challenge` with `S256`); PKCE is still checked when false.
    public var requiresPKCE: Bool
    /// Whether policy requires an OpenID Connect `nonce`.
    public var requiresNonce: Bool
    /// Whether policy requires pushed authorization requests (RFC 9126): only `client_id` and `request_uri`.
    public var requiresPAR: Bool
    /// Whether policy requires signed SAML authentication requests.
    public var requiresSignedSAMLRequests: Bool

    /// A policy; the defaults describe "no `sso:` block": detect and check what can be checked.
    public init(
        protectedURLs: [URL] = [],
        issuer: URL? = nil,
        clientID: String? = nil,
        redirectURIs: [String] = [],
        callbackPath: String? = nil,
        postLogoutRedirectURI: String? = nil,
        logoutURL: URL? = nil,
        requiresPKCE: Bool = true,
        requiresNonce: Bool = false,
        requiresPAR: Bool = false,
        requiresSignedSAMLRequests: Bool = false
    ) {
        self.protectedURLs = protectedURLs
        self.issuer = issuer
        self.clientID = clientID
        self.redirectURIs = redirectURIs
        self.callbackPath = callbackPath
        self.postLogoutRedirectURI = postLogoutRedirectURI
        self.logoutURL = logoutURL
        self.requiresPKCE = requiresPKCE
        self.requiresNonce = requiresNonce
        self.requiresPAR = requiresPAR
        self.requiresSignedSAMLRequests = requiresSignedSAMLRequests
    }
}
