/// The relying party with the subtler mistakes (`quirky-rp`, "Northwind Notes"): client `quirky-rp` of the broken
/// identity provider, HTTPS only.
///
/// Deliberate flaws:
/// - `/account`: the code flow, but sent to the identity provider's `http://` authorization endpoint, with the
///   constant `nonce=abc` (weak, reused), the constant PKCE `code_challenge=short` with
///   `code_challenge_method=plain` (not S256, malformed, reused), and a `redirect_uri` with a fragment (`#frag`);
///   its `state` is fresh;
/// - `/partner`: a SAML request signed with RSA-SHA1;
/// - `/broken-saml`: a `SAMLRequest` that is not base64 at all;
/// - `/login-form`: a local login form (200 with a password field) instead of a redirect;
/// - `/loop`: redirects to itself forever.
///
/// `/callback` refuses every answer (400, `Referrer-Policy: no-referrer`); `/logout` always returns home.
struct QuirkyRelyingPartySite: DemoResponder {
    /// The client id at the broken identity provider.
    static let clientID = DemoSSO.quirkyClientID
    /// The constant, short nonce.
    static let constantNonce = "abc"
    /// The constant, malformed PKCE challenge.
    static let constantChallenge = "short"
    /// The RSA-SHA1 signature algorithm URI.
    static let rsaSHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1"

    /// The HTTPS origin, no trailing slash.
    let httpsOrigin: String
    /// The broken identity provider's HTTPS origin (SAML), no trailing slash.
    let identityProviderOrigin: String
    /// The broken identity provider's plain-HTTP origin (OAuth), no trailing slash.
    let identityProviderHTTPOrigin: String

    /// The `redirect_uri` the site sends: its callback with a fragment.
    var redirectURI: String { httpsOrigin + "/callback#frag" }

    func respond(to request: DemoRequest) -> DemoResponse {
        switch request.path {
        case "/":
            return SSOResponses.page(
                title: "Northwind Notes",
                body: "<h1>Northwind Notes</h1>\n<p><a href=\"/account\">Sign in</a></p>"
            )
        case "/account":
            let location =
                identityProviderHTTPOrigin + "/authorize?response_type=code&client_id=" + Self.clientID
                + "&redirect_uri=" + SSOQuery.escape(redirectURI) + "&scope=openid&state=" + SSOSupport.freshToken()
                + "&nonce=" + Self.constantNonce + "&code_challenge=" + Self.constantChallenge
                + "&code_challenge_method=plain"
            return SSOResponses.redirect(to: location)
        case "/partner":
            let ssoURL = identityProviderOrigin + "/saml/sso"
            let saml = SAMLRedirectRequest(
                ssoURL: ssoURL,
                destination: ssoURL,
                assertionConsumerServiceURL: httpsOrigin + "/saml/acs",
                issuer: httpsOrigin + "/saml/metadata",
                relayState: "notes",
                signed: false
            )
            // A placeholder of RSA-2048 signature size: the demo has no SAML key.
            let signature = Base64.encode(SSOSupport.randomBytes(256))
            let location =
                saml.url() + "&SigAlg=" + SSOQuery.escape(Self.rsaSHA1) + "&Signature=" + SSOQuery.escape(signature)
            return SSOResponses.redirect(to: location)
        case "/broken-saml":
            return SSOResponses.redirect(
                to: identityProviderOrigin + "/saml/sso?SAMLRequest=not-base64!!&RelayState=notes"
            )
        case "/login-form":
            return SSOResponses.page(title: "Sign in - Northwind Notes", body: SSOResponses.loginForm)
        case "/loop":
            return SSOResponses.redirect(to: "/loop")
        case "/callback":
            return SSOResponses.page(
                status: 400,
                title: "Sign-in failed",
                body: "<h1>Sign-in failed</h1>",
                headerLines: ["Referrer-Policy: no-referrer"]
            )
        case "/logout":
            return SSOResponses.redirect(to: "/")
        default:
            return SSOResponses.notFound
        }
    }
}
