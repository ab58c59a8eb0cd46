/// The strict OpenID Connect identity provider (`idp`): what a correct provider answers to every SSO check.
///
/// Its issuer is its HTTPS origin without a trailing slash. It knows one client, `good-rp`, with exactly one
/// registered redirect URI (the good relying party's `/callback`) and one post-logout redirect URI (its
/// `/logged-out`). `/authorize` reads the raw query: a duplicated parameter, an unknown client or a
/// `redirect_uri` that is not byte-for-byte registered get a 400 error page and never a redirect; errors about
/// an otherwise valid request go back to the registered URI with `state` and `iss` (RFC 9207); a valid code
/// flow request with S256 PKCE gets a login page that refuses framing.
struct StrictIdentityProviderSite: DemoResponder {
    /// The client id registered for the good relying party.
    static let goodClientID = DemoSSO.goodClientID

    /// The issuer: the HTTPS origin, no trailing slash.
    let issuer: String
    /// Registered redirect URIs by client id.
    let redirectURIs: [String: [String]]
    /// Registered post-logout redirect URIs.
    let postLogoutRedirectURIs: [String]

    /// Creates the provider at `origin` for the good relying party at `goodRelyingPartyOrigin` (both without a
    /// trailing slash).
    init(origin: String, goodRelyingPartyOrigin: String) {
        issuer = origin
        redirectURIs = [Self.goodClientID: [goodRelyingPartyOrigin + "/callback"]]
        postLogoutRedirectURIs = [goodRelyingPartyOrigin + "/logged-out"]
    }

    /// Headers on every response.
    static let baseHeaderLines = [
        "Strict-Transport-Security: max-age=63072000; includeSubDomains",
        "X-Content-Type-Options: nosniff",
        "Cache-Control: no-store",
        "Referrer-Policy: no-referrer",
    ]

    /// Headers on pages a user interacts with: no framing (clickjacking of the login form).
    static let pageHeaderLines =
        baseHeaderLines + [
            "X-Frame-Options: DENY",
            "Content-Security-Policy: default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ]

    func respond(to request: DemoRequest) -> DemoResponse {
        let query = SSOQuery(target: request.target)
        switch request.path {
        case "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server":
            return SSOResponses.json(DiscoveryDocument.strict(origin: issuer).json, headerLines: Self.baseHeaderLines)
        case "/jwks":
            return SSOResponses.json(DemoJWKS.strict, headerLines: Self.baseHeaderLines)
        case "/authorize":
            return authorize(query)
        case "/logout":
            return logout(query)
        case "/token":
            return SSOResponses.json(status: 400, "{\"error\":\"invalid_grant\"}\n", headerLines: Self.baseHeaderLines)
        case "/saml/sso":
            return loginPage(title: "Sign in (SAML)")
        case "/":
            return SSOResponses.page(
                title: "Demo identity provider",
                body: "<h1>Demo identity provider</h1>\n<p>Sign in through a connected service.</p>",
                headerLines: Self.pageHeaderLines
            )
        default:
            return errorPage(status: 404, "not_found: no such endpoint")
        }
    }

    private func authorize(_ query: SSOQuery) -> DemoResponse {
        if !query.duplicatedNames.isEmpty {
            return errorPage("invalid_request: duplicated parameter")
        }
        guard let clientID = query.value("client_id"), let registered = redirectURIs[clientID] else {
            return errorPage("invalid_client: unknown client_id")
        }
        // Exact string comparison (RFC 9700 §4.1.3): no prefix, case, port or path normalisation.
        guard let redirectURI = query.value("redirect_uri"), registered.contains(redirectURI) else {
            return errorPage("invalid_request: redirect_uri is not registered for this client")
        }
        let state = query.value("state")
        guard query.value("response_type") == "code" else {
            return errorRedirect(to: redirectURI, error: "unsupported_response_type", state: state)
        }
        guard Self.isS256Challenge(query.value("code_challenge")), query.value("code_challenge_method") == "S256"
        else {
            return errorRedirect(to: redirectURI, error: "invalid_request", state: state)
        }
        return loginPage(title: "Sign in")
    }

    /// Whether `challenge` looks like an S256 code challenge: 43 base64url characters (RFC 7636 §4.2).
    private static func isS256Challenge(_ challenge: String?) -> Bool {
        guard let challenge, challenge.utf8.count == 43 else { return false }
        return challenge.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == 0x2D || byte == 0x5F
        }
    }

    private func logout(_ query: SSOQuery) -> DemoResponse {
        guard let target = query.value("post_logout_redirect_uri"), postLogoutRedirectURIs.contains(target) else {
            // The page names no URI at all, so an attacker's URI is neither linked nor reflected.
            return errorPage("invalid_request: post_logout_redirect_uri is not registered")
        }
        var location = target
        if let state = query.value("state") {
            location += "?state=" + SSOQuery.escape(state)
        }
        return SSOResponses.redirect(to: location, headerLines: Self.baseHeaderLines)
    }

    private func errorRedirect(to redirectURI: String, error: String, state: String?) -> DemoResponse {
        var location = redirectURI + "?error=" + error
        if let state {
            location += "&state=" + SSOQuery.escape(state)
        }
        location += "&iss=" + SSOQuery.escape(issuer)
        return SSOResponses.redirect(to: location, headerLines: Self.baseHeaderLines)
    }

    private func loginPage(title: String) -> DemoResponse {
        SSOResponses.page(title: title, body: SSOResponses.loginForm, headerLines: Self.pageHeaderLines)
    }

    /// An error page that names the error but echoes nothing from the request.
    private func errorPage(status: Int = 400, _ message: String) -> DemoResponse {
        SSOResponses.page(
            status: status,
            title: "Sign-in error",
            body: "<h1>Sign-in error</h1>\n<p>\(SSOSupport.escapeHTML(message))</p>",
            headerLines: Self.pageHeaderLines
        )
    }
}
