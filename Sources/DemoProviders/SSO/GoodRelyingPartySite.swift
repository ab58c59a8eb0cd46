/// The correct relying party (`good-rp`, "Contoso Learning"): client `good-rp` of the strict identity provider.
///
/// HTTPS only. `/account` sends anonymous users to the identity provider with the authorization code flow,
/// fresh 256-bit `state` and `nonce`, and an S256 PKCE challenge, binding `state` to the browser with a
/// `__Host-` cookie that is Secure, HttpOnly and SameSite=Lax. `/callback` rejects errors, forged or missing
/// `state` and a wrong `iss` without setting cookies, and sends `Referrer-Policy: no-referrer`. `/logout` only
/// follows same-origin relative `next` paths. `/partner` starts a signed SAML HTTP-Redirect login.
///
/// The demo issues no sessions (there are no real tokens to redeem), so every visit of a protected page
/// redirects to the identity provider and a callback that passes every check answers 502 "code exchange
/// failed"; the differing answers for a wrong and an absent `iss` are what a mix-up check looks for.
struct GoodRelyingPartySite: DemoResponder {
    /// The cookie that binds `state` to the browser.
    static let stateCookie = "__Host-oidc_state"

    /// The site's HTTPS origin, no trailing slash.
    let origin: String
    /// The strict identity provider's issuer (its origin).
    let issuer: String
    /// Logins started and not yet finished.
    let pending: PendingAuthorizations

    /// Creates the site at `origin` using the identity provider `issuer` (both without a trailing slash).
    init(origin: String, issuer: String, pending: PendingAuthorizations = PendingAuthorizations()) {
        self.origin = origin
        self.issuer = issuer
        self.pending = pending
    }

    /// The registered redirect URI.
    var redirectURI: String { origin + "/callback" }

    /// Headers on every response (strict: no framing, no scripts, no Referer at all).
    static let headerLines = [
        "Strict-Transport-Security: max-age=63072000; includeSubDomains",
        "X-Content-Type-Options: nosniff",
        "X-Frame-Options: DENY",
        "Content-Security-Policy: default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        "Referrer-Policy: no-referrer",
        "Cache-Control: no-store",
    ]

    func respond(to request: DemoRequest) -> DemoResponse {
        let query = SSOQuery(target: request.target)
        switch request.path {
        case "/":
            return page(
                title: "Contoso Learning",
                body: "<h1>Contoso Learning</h1>\n<p><a href=\"/account\">Your account</a> "
                    + "<a href=\"/partner\">Partner sign-in</a></p>"
            )
        case "/account":
            return startLogin()
        case "/callback":
            return callback(query, request: request)
        case "/logout":
            return logout(query)
        case "/logged-out":
            return page(title: "Signed out - Contoso Learning", body: "<h1>You are signed out</h1>")
        case "/partner":
            let saml = SAMLRedirectRequest(
                ssoURL: issuer + "/saml/sso",
                destination: issuer + "/saml/sso",
                assertionConsumerServiceURL: origin + "/saml/acs",
                issuer: origin + "/saml/metadata",
                relayState: "p1",
                signed: true
            )
            return SSOResponses.redirect(to: saml.url(), headerLines: Self.headerLines)
        default:
            return page(status: 404, title: "Not found - Contoso Learning", body: "<h1>Page not found</h1>")
        }
    }

    private func startLogin() -> DemoResponse {
        let state = SSOSupport.freshToken()
        let nonce = SSOSupport.freshToken()
        let verifier = SSOSupport.freshToken()
        pending.insert(state: state, entry: PendingAuthorizations.Entry(nonce: nonce, codeVerifier: verifier))
        let location =
            issuer + "/authorize?response_type=code&client_id=" + StrictIdentityProviderSite.goodClientID
            + "&redirect_uri=" + SSOQuery.escape(redirectURI) + "&scope=openid%20profile&state=" + state
            + "&nonce=" + nonce + "&code_challenge=" + SSOSupport.s256Challenge(of: verifier)
            + "&code_challenge_method=S256"
        return SSOResponses.redirect(
            to: location,
            headerLines: Self.headerLines + [
                "Set-Cookie: \(Self.stateCookie)=\(state); Path=/; Secure; HttpOnly; SameSite=Lax"
            ]
        )
    }

    private func callback(_ query: SSOQuery, request: DemoRequest) -> DemoResponse {
        if query.contains("error") {
            let description = query.value("error_description") ?? query.value("error") ?? ""
            return page(
                status: 400,
                title: "Sign-in failed - Contoso Learning",
                body: "<h1>Sign-in failed</h1>\n<p>\(SSOSupport.escapeHTML(description))</p>"
            )
        }
        let cookie = SSOSupport.cookie(Self.stateCookie, in: request.headers)
        guard let state = query.value("state"), !state.isEmpty, state == cookie, pending.entry(for: state) != nil
        else {
            return page(status: 400, title: "Sign-in failed - Contoso Learning", body: "<h1>invalid state</h1>")
        }
        if let iss = query.value("iss"), iss != issuer {
            // The state stays pending: the genuine response from the right issuer may still arrive.
            return page(
                status: 400,
                title: "Sign-in failed - Contoso Learning",
                body: "<h1>issuer mismatch (RFC 9207)</h1>"
            )
        }
        _ = pending.redeem(state)
        return page(
            status: 502,
            title: "Sign-in failed - Contoso Learning",
            body: "<h1>code exchange failed</h1>\n<p>The demo has no token endpoint to redeem the code at.</p>",
            extraHeaderLines: ["Set-Cookie: \(Self.stateCookie)=; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=0"]
        )
    }

    /// Follows `next` only when it is a same-origin path: `/…` but not `//…` or `/\…` (scheme-relative), with no
    /// backslash, space or control character anywhere.
    private func logout(_ query: SSOQuery) -> DemoResponse {
        var location = "/"
        if let next = query.value("next"), Self.isLocalPath(next) {
            location = next
        }
        return SSOResponses.redirect(to: location, headerLines: Self.headerLines)
    }

    /// Whether `path` is a relative path on this origin that browsers cannot read as another host.
    static func isLocalPath(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        guard bytes.first == UInt8(ascii: "/"), SSOSupport.isHeaderSafe(path) else { return false }
        if bytes.count > 1, bytes[1] == UInt8(ascii: "/") { return false }
        return !bytes.contains(UInt8(ascii: "\\"))
    }

    private func page(status: Int = 200, title: String, body: String, extraHeaderLines: [String] = []) -> DemoResponse {
        SSOResponses.page(status: status, title: title, body: body, headerLines: Self.headerLines + extraHeaderLines)
    }
}
