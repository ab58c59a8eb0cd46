/// The relying party with the classic mistakes (`bad-rp`, "Fabrikam Forum"): client `bad-rp` of the lax
/// identity provider, served on HTTPS and plain HTTP alike.
///
/// Deliberate flaws:
/// - `/account`: the implicit flow (`response_type=token`) with no `state`, `nonce` or PKCE, an `http`
///   redirect URI, and the client secret in the URL;
/// - `/admin`: the code flow with the constant `state=1234`, no PKCE, and a state cookie without Secure,
///   HttpOnly or SameSite;
/// - `/callback`: accepts any or no `state` and sets a session cookie, reflects `error_description` unescaped
///   (XSS), sends no Referrer-Policy, and ignores `iss` (identical answers with or without it: no mix-up
///   defence);
/// - `/logout`: redirects to any `next`, `return_to`, `redirect` or `url` (open redirect);
/// - `/partner`: an unsigned SAML request whose AssertionConsumerServiceURL is `http://evil.invalid/acs`, whose
///   Destination is another host, and whose RelayState is an absolute URL.
struct BadRelyingPartySite: DemoResponder {
    /// The client id at the lax identity provider.
    static let clientID = DemoSSO.badClientID
    /// The client secret the site leaks into the authorization URL.
    static let clientSecret = "demo-secret"
    /// The constant, guessable `state` of `/admin`.
    static let constantState = "1234"
    /// The session cookie every callback sets (constant, so answers with and without `iss` are identical).
    static let sessionCookie = "session=fabrikam-demo-session; Path=/"
    /// The return parameters `/logout` follows, first present wins.
    static let returnParameters = ["next", "return_to", "redirect", "url"]

    /// The HTTPS origin, no trailing slash.
    let httpsOrigin: String
    /// The plain-HTTP origin, no trailing slash.
    let httpOrigin: String
    /// The lax identity provider's origin, no trailing slash.
    let identityProviderOrigin: String

    /// Headers on every response: version banners, nothing protective.
    static let headerLines = ["Server: nginx/1.14.0", "X-Powered-By: Express"]

    func respond(to request: DemoRequest) -> DemoResponse {
        let query = SSOQuery(target: request.target)
        switch request.path {
        case "/":
            return page(
                title: "Fabrikam Forum",
                body: "<h1>Fabrikam Forum</h1>\n<p><a href=\"/account\">Sign in</a> <a href=\"/admin\">Admin</a> "
                    + "<a href=\"/partner\">Partner sign-in</a></p>"
            )
        case "/account":
            let location =
                identityProviderOrigin + "/authorize?response_type=token&client_id=" + Self.clientID
                + "&redirect_uri=" + SSOQuery.escape(httpOrigin + "/callback") + "&scope=openid&client_secret="
                + Self.clientSecret
            return SSOResponses.redirect(to: location, headerLines: Self.headerLines)
        case "/admin":
            let location =
                identityProviderOrigin + "/authorize?response_type=code&client_id=" + Self.clientID
                + "&redirect_uri=" + SSOQuery.escape(httpsOrigin + "/callback") + "&scope=openid&state="
                + Self.constantState
            return SSOResponses.redirect(
                to: location,
                headerLines: Self.headerLines + ["Set-Cookie: oauth_state=\(Self.constantState); Path=/"]
            )
        case "/callback":
            // Flaw: the description is decoded and placed in the page as is.
            let reflected = query.value("error_description").map { "<p>Note: \($0)</p>" } ?? ""
            return page(
                title: "Welcome - Fabrikam Forum",
                body: "<h1>Welcome</h1>\n\(reflected)",
                extraHeaderLines: ["Set-Cookie: \(Self.sessionCookie)"]
            )
        case "/logout":
            let target = Self.returnParameters.lazy.compactMap { query.value($0) }.first
            if let target, SSOSupport.isHeaderSafe(target) {
                return SSOResponses.redirect(to: target, headerLines: Self.headerLines)
            }
            return SSOResponses.redirect(to: "/", headerLines: Self.headerLines)
        case "/partner":
            let saml = SAMLRedirectRequest(
                ssoURL: identityProviderOrigin + "/saml/sso",
                destination: "https://wrong.invalid/sso",
                assertionConsumerServiceURL: "http://evil.invalid/acs",
                issuer: httpsOrigin + "/saml/metadata",
                relayState: "https://evil.invalid/steal",
                signed: false
            )
            return SSOResponses.redirect(to: saml.url(), headerLines: Self.headerLines)
        default:
            return page(status: 404, title: "Not found", body: "<h1>Not found</h1>")
        }
    }

    private func page(status: Int = 200, title: String, body: String, extraHeaderLines: [String] = []) -> DemoResponse {
        SSOResponses.page(status: status, title: title, body: body, headerLines: Self.headerLines + extraHeaderLines)
    }
}
