/// The deliberately lax identity provider (`lax-idp`): the same endpoints as ``StrictIdentityProviderSite``,
/// configured the way SSO checks must flag.
///
/// Deliberate flaws:
/// - discovery: `issuer` with a trailing slash (not byte-identical to the origin), token-issuing response types,
///   the `password` grant, PKCE `plain`, the `none` signing algorithm, no RFC 9207 `iss` support
///   (see ``DiscoveryDocument/lax(origin:)``);
/// - `/jwks`: a 1024-bit RSA key that includes its private exponent `d` (``DemoJWKS/lax``);
/// - `/authorize`: no client registry at all: any `client_id` and any `redirect_uri` (tampered, foreign,
///   `http`, duplicated) gets the login page, which has no `X-Frame-Options` or `frame-ancestors`;
///   `response_type=token` redirects at once to whatever `redirect_uri` was given with an access token in the
///   fragment and no `iss`;
/// - `/logout`: redirects to any `post_logout_redirect_uri` (open redirect).
struct LaxIdentityProviderSite: DemoResponder {
    /// The access token the implicit-flow redirect hands out.
    static let demoAccessToken = "demo-token"

    /// The HTTPS origin, no trailing slash (the advertised issuer adds one).
    let origin: String

    func respond(to request: DemoRequest) -> DemoResponse {
        let query = SSOQuery(target: request.target)
        switch request.path {
        case "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server":
            return SSOResponses.json(DiscoveryDocument.lax(origin: origin).json)
        case "/jwks":
            return SSOResponses.json(DemoJWKS.lax)
        case "/authorize":
            return authorize(query)
        case "/logout":
            if let target = query.value("post_logout_redirect_uri"), SSOSupport.isHeaderSafe(target) {
                return SSOResponses.redirect(to: target)
            }
            return SSOResponses.page(title: "Signed out", body: "<h1>You are signed out</h1>")
        case "/token":
            return SSOResponses.invalidGrant
        case "/saml/sso":
            return SSOResponses.samlLoginPage
        case "/":
            return SSOResponses.page(title: "Lax identity provider", body: "<h1>Lax identity provider</h1>")
        default:
            return SSOResponses.notFound
        }
    }

    private func authorize(_ query: SSOQuery) -> DemoResponse {
        if query.value("response_type") == "token", let redirectURI = query.value("redirect_uri") {
            var location = redirectURI + "#access_token=\(Self.demoAccessToken)&token_type=bearer"
            if let state = query.value("state") {
                location += "&state=" + SSOQuery.escape(state)
            }
            if SSOSupport.isHeaderSafe(location) {
                return SSOResponses.redirect(to: location)
            }
        }
        return SSOResponses.page(title: "Sign in", body: SSOResponses.loginForm)
    }
}
