import Foundation

/// The broken identity provider (`broken-idp`): served on HTTPS and on plain HTTP alike, with metadata and an
/// authorization endpoint that SSO checks must flag, and issuer paths whose metadata is unusable.
///
/// Deliberate flaws:
/// - discovery at the origin (``BrokenDiscoveryDocument/main(httpsOrigin:httpOrigin:)``): an `http://`
///   authorization endpoint (this site's plain-HTTP listener), a token endpoint with a query, `jwks_uri` on the
///   foreign host `keys.invalid` (never resolvable: it must be reported, not fetched), no
///   `code_challenge_methods_supported`, no RFC 9207 `iss` support;
/// - the issuer `<origin>/not-json`: both metadata URLs answer an HTML page;
/// - the issuer `<origin>/no-keys`: metadata whose same-host `jwks_uri` answers an HTML page;
/// - `/authorize`: an unknown `client_id` is redirected at once to whatever `redirect_uri` it gave, with a code;
///   `response_type=token` is refused by an error redirect without `state` or `iss`; anything else gets a login
///   page without `X-Frame-Options` or `frame-ancestors`.
struct BrokenIdentityProviderSite: DemoResponder {
    /// The client id this provider knows (the quirky relying party's).
    static let clientID = DemoSSO.quirkyClientID
    /// The code handed to unknown clients.
    static let demoCode = "broken-demo-code"
    /// The issuer path whose metadata is an HTML page.
    static let notJSONPath = "/not-json"
    /// The issuer path whose key set is an HTML page.
    static let noKeysPath = "/no-keys"

    /// The HTTPS origin (the main issuer), no trailing slash.
    let httpsOrigin: String
    /// The plain-HTTP origin of the same site, no trailing slash.
    let httpOrigin: String

    func respond(to request: DemoRequest) -> DemoResponse {
        let query = SSOQuery(target: request.target)
        switch request.path {
        case "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server":
            return SSOResponses.json(BrokenDiscoveryDocument.main(httpsOrigin: httpsOrigin, httpOrigin: httpOrigin))
        case Self.noKeysPath + "/.well-known/openid-configuration",
            "/.well-known/oauth-authorization-server" + Self.noKeysPath:
            return SSOResponses.json(BrokenDiscoveryDocument.noKeys(httpsOrigin: httpsOrigin, httpOrigin: httpOrigin))
        case Self.notJSONPath + "/.well-known/openid-configuration",
            "/.well-known/oauth-authorization-server" + Self.notJSONPath, Self.noKeysPath + "/jwks":
            // Flaw: a portal page where a JSON document belongs.
            return SSOResponses.page(title: "Welcome", body: "<h1>Welcome to the identity portal</h1>")
        case "/authorize":
            return authorize(query)
        case "/token":
            return SSOResponses.invalidGrant
        case "/saml/sso":
            return SSOResponses.samlLoginPage
        case "/":
            return SSOResponses.page(title: "Broken identity provider", body: "<h1>Broken identity provider</h1>")
        default:
            return SSOResponses.notFound
        }
    }

    private func authorize(_ query: SSOQuery) -> DemoResponse {
        let redirectURI = query.value("redirect_uri").map(Self.withoutFragment)
        if let redirectURI, query.value("client_id") != Self.clientID {
            // Flaw: no client registry check before redirecting.
            let location = redirectURI + "?code=" + Self.demoCode
            if SSOSupport.isHeaderSafe(location) { return SSOResponses.redirect(to: location) }
        }
        if let redirectURI, query.value("response_type") == "token" {
            // Flaw: the error redirect echoes neither state nor iss.
            let location = redirectURI + "?error=unsupported_response_type"
            if SSOSupport.isHeaderSafe(location) { return SSOResponses.redirect(to: location) }
        }
        // Flaw: no X-Frame-Options or CSP frame-ancestors on the login page.
        return SSOResponses.page(title: "Sign in", body: SSOResponses.loginForm)
    }

    /// `uri` without its query and fragment, where the response parameters go.
    private static func withoutFragment(_ uri: String) -> String {
        String(uri.prefix { $0 != "#" && $0 != "?" })
    }
}

/// The broken identity provider's metadata documents (see ``BrokenIdentityProviderSite``).
enum BrokenDiscoveryDocument {
    /// The foreign key set location the main document advertises; `.invalid` never resolves.
    static let foreignJWKS = "https://keys.invalid/jwks"

    /// The main issuer's metadata: http authorization endpoint, token endpoint with a query, foreign `jwks_uri`,
    /// no PKCE methods, no `iss` support.
    static func main(httpsOrigin: String, httpOrigin: String) -> String {
        json([
            "issuer": httpsOrigin,
            "authorization_endpoint": httpOrigin + "/authorize",
            "token_endpoint": httpsOrigin + "/token?tenant=x",
            "jwks_uri": foreignJWKS,
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "scopes_supported": ["openid"],
            "subject_types_supported": ["public"],
        ])
    }

    /// The `/no-keys` issuer's metadata: like ``main(httpsOrigin:httpOrigin:)`` but with a same-host `jwks_uri`
    /// that answers HTML.
    static func noKeys(httpsOrigin: String, httpOrigin: String) -> String {
        let issuer = httpsOrigin + BrokenIdentityProviderSite.noKeysPath
        return json([
            "issuer": issuer,
            "authorization_endpoint": httpOrigin + "/authorize",
            "token_endpoint": httpsOrigin + "/token",
            "jwks_uri": issuer + "/jwks",
            "response_types_supported": ["code"],
            "code_challenge_methods_supported": ["S256"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "authorization_response_iss_parameter_supported": true,
        ])
    }

    private static func json(_ object: [String: Any]) -> String {
        let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return (data.flatMap { String(data: $0, encoding: .utf8) } ?? "{}") + "\n"
    }
}
