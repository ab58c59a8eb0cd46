/// Builders for the responses the SSO demo sites send: HTML pages, redirects and JSON.
enum SSOResponses {
    /// The reason phrase of the statuses the SSO sites use.
    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 302: "Found"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 502: "Bad Gateway"
        default: "Status"
        }
    }

    /// An HTML page; `headerLines` follow the `Content-Type` line.
    static func page(status: Int = 200, title: String, body: String, headerLines: [String] = []) -> DemoResponse {
        DemoResponse(
            status: status,
            reason: reason(status),
            headerLines: ["Content-Type: text/html; charset=utf-8"] + headerLines,
            text: SSOSupport.html(title: title, body: body)
        )
    }

    /// The 404 page every SSO demo site sends for a path it does not serve.
    static let notFound = page(status: 404, title: "Not found", body: "<h1>Not found</h1>")

    /// The token endpoint's refusal: the demo never completes a code exchange.
    static let invalidGrant = json(status: 400, "{\"error\":\"invalid_grant\"}\n")

    /// The SAML single sign-on endpoint's login page.
    static let samlLoginPage = page(title: "Sign in (SAML)", body: loginForm)

    /// A `302 Found` to `location` (which the caller has made header-safe) with a short HTML body that does not
    /// repeat the location.
    static func redirect(to location: String, headerLines: [String] = []) -> DemoResponse {
        DemoResponse(
            status: 302,
            reason: reason(302),
            headerLines: ["Location: \(location)", "Content-Type: text/html; charset=utf-8"] + headerLines,
            text: SSOSupport.html(title: "Redirecting", body: "<p>Redirecting.</p>")
        )
    }

    /// A JSON document.
    static func json(status: Int = 200, _ text: String, headerLines: [String] = []) -> DemoResponse {
        DemoResponse(
            status: status,
            reason: reason(status),
            headerLines: ["Content-Type: application/json"] + headerLines,
            text: text
        )
    }

    /// The identity providers' sign-in form, shown where a real provider would ask for credentials.
    static let loginForm = """
        <h1>Sign in</h1>
        <form method="post" action="/login">
        <p><label for="username">Username</label> <input id="username" name="username" autocomplete="username"></p>
        <p><label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password"></p>
        <p><button type="submit">Sign in</button></p>
        </form>
        """
}
