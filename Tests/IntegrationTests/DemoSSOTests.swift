import DemoProviders
import Foundation
import PortcullisCore
import PortcullisHTTP
import TestSupport
import Testing

/// Route-level checks of the SSO demo sites (strict and lax identity providers, good and bad relying parties)
/// over loopback with the libcurl client, redirects never followed.
@Suite struct DemoSSOTests {
    // MARK: Description and identity provider metadata

    @Test func describesFourSitesOnTheirOwnLoopbackPorts() async throws {
        try await withSSO { zoo, _ in
            let sso = zoo.sso
            let urls = [
                sso.identityProvider, sso.laxIdentityProvider, sso.goodRelyingParty.httpsURL,
                sso.goodRelyingParty.httpURL, sso.badRelyingParty.httpsURL, sso.badRelyingParty.httpURL,
            ]
            #expect(urls.allSatisfy { $0.host == "127.0.0.1" })
            #expect(Set(urls.compactMap(\.port)).count == 6)
            let existing = zoo.providers.flatMap { [$0.httpURL.port, $0.httpsURL.port] }
            #expect(Set(existing).isDisjoint(with: urls.map(\.port)))
            #expect(!sso.identityProvider.absoluteString.hasSuffix("/"))
            #expect(sso.badRelyingParty.httpURL.scheme == "http" && sso.badRelyingParty.httpsURL.scheme == "https")
            #expect(sso.goodRedirectURI.absoluteString == sso.goodRelyingParty.httpsURL.absoluteString + "callback")
            #expect(zoo.providers.map(\.name) == ["good-provider", "bad-provider"], "providers are unchanged")
        }
    }

    @Test func strictDiscoveryIsExactAndConservative() async throws {
        try await withSSO { zoo, client in
            let issuer = zoo.sso.identityProvider.absoluteString
            let openID = try await client.json(issuer + "/.well-known/openid-configuration")
            let rfc8414 = try await client.json(issuer + "/.well-known/oauth-authorization-server")
            #expect(rfc8414["issuer"] as? String == issuer)
            let openIDText = try await client.get(issuer + "/.well-known/openid-configuration").body
            let rfc8414Text = try await client.get(issuer + "/.well-known/oauth-authorization-server").body
            #expect(openIDText == rfc8414Text, "both metadata documents say the same")
            #expect(openID["issuer"] as? String == issuer)
            #expect(openID["authorization_endpoint"] as? String == issuer + "/authorize")
            #expect(openID["token_endpoint"] as? String == issuer + "/token")
            #expect(openID["jwks_uri"] as? String == issuer + "/jwks")
            #expect(openID["end_session_endpoint"] as? String == issuer + "/logout")
            #expect(openID["response_types_supported"] as? [String] == ["code"])
            #expect(openID["grant_types_supported"] as? [String] == ["authorization_code", "refresh_token"])
            #expect(openID["code_challenge_methods_supported"] as? [String] == ["S256"])
            #expect(openID["id_token_signing_alg_values_supported"] as? [String] == ["RS256", "ES256"])
            #expect(openID["authorization_response_iss_parameter_supported"] as? Bool == true)
            #expect(openID["subject_types_supported"] as? [String] == ["public"])
            #expect((openID["scopes_supported"] as? [String])?.contains("openid") == true)
            #expect(openID["token_endpoint_auth_methods_supported"] is [String])
        }
    }

    @Test func laxDiscoveryAdvertisesTheDeliberateFlaws() async throws {
        try await withSSO { zoo, client in
            let origin = zoo.sso.laxIdentityProvider.absoluteString
            let document = try await client.json(origin + "/.well-known/openid-configuration")
            #expect(document["issuer"] as? String == origin + "/", "trailing slash: not byte-identical")
            #expect(document["authorization_endpoint"] as? String == origin + "/authorize")
            #expect((document["response_types_supported"] as? [String])?.contains("token") == true)
            #expect((document["grant_types_supported"] as? [String])?.contains("password") == true)
            #expect(document["code_challenge_methods_supported"] as? [String] == ["plain", "S256"])
            #expect((document["id_token_signing_alg_values_supported"] as? [String])?.contains("none") == true)
            #expect(document["authorization_response_iss_parameter_supported"] as? Bool == false)
            let metadata = try await client.json(origin + "/.well-known/oauth-authorization-server")
            #expect(metadata["issuer"] as? String == origin + "/")
        }
    }

    @Test func jwksKeySizesAndPrivateMembers() async throws {
        try await withSSO { zoo, client in
            let strict = try #require(
                try await client.json(zoo.sso.identityProvider.absoluteString + "/jwks")["keys"] as? [[String: Any]]
            )
            #expect(strict.count == 1)
            let key = try #require(strict.first)
            #expect(
                key["kty"] as? String == "RSA" && key["use"] as? String == "sig" && key["alg"] as? String == "RS256"
            )
            #expect(key["kid"] is String && key["e"] as? String == "AQAB")
            #expect(modulusBits(key["n"] as? String) == 2048)
            for member in ["d", "p", "q", "dp", "dq", "qi"] {
                #expect(key[member] == nil, "no private member \(member)")
            }
            let lax = try #require(
                try await client.json(zoo.sso.laxIdentityProvider.absoluteString + "/jwks")["keys"] as? [[String: Any]]
            )
            #expect(modulusBits(lax.first?["n"] as? String) == 1024)
            #expect(lax.first?["d"] is String, "the lax key leaks its private exponent")
        }
    }

    // MARK: Good relying party

    @Test func goodRelyingPartyStartsACodeFlowWithFreshStateNoncePKCE() async throws {
        try await withSSO { zoo, client in
            let account = zoo.sso.goodRelyingParty.httpsURL.appending(path: "account").absoluteString
            var states: Set<String> = []
            var nonces: Set<String> = []
            var challenges: Set<String> = []
            for _ in 0..<3 {
                let response = try await client.get(account)
                #expect(response.status == 302)
                let location = try #require(response.location)
                #expect(location.hasPrefix(zoo.sso.identityProvider.absoluteString + "/authorize?"))
                let query = queryItems(location)
                #expect(query["response_type"] == "code")
                #expect(query["client_id"] == DemoSSO.goodClientID)
                #expect(query["redirect_uri"] == zoo.sso.goodRedirectURI.absoluteString)
                #expect(query["scope"] == "openid profile")
                #expect(query["code_challenge_method"] == "S256")
                let state = try #require(query["state"])
                let nonce = try #require(query["nonce"])
                let challenge = try #require(query["code_challenge"])
                for value in [state, nonce, challenge] {
                    #expect(value.count == 43 && isBase64URL(value), "\(value)")
                }
                states.insert(state)
                nonces.insert(nonce)
                challenges.insert(challenge)
                let cookie = try #require(response.headers(named: "Set-Cookie").first)
                #expect(cookie == "__Host-oidc_state=\(state); Path=/; Secure; HttpOnly; SameSite=Lax")
            }
            #expect(states.count == 3 && nonces.count == 3 && challenges.count == 3, "fresh values every time")
            let http = try await client.get(zoo.sso.goodRelyingParty.httpURL.appending(path: "account").absoluteString)
            #expect(http.status == 301)
            #expect(http.location == account)
        }
    }

    @Test func goodRelyingPartyCallbackRejectsErrorsForgedStateAndWrongIssuer() async throws {
        try await withSSO { zoo, client in
            let base = zoo.sso.goodRelyingParty.httpsURL.absoluteString
            let issuer = SSOClient.escape(zoo.sso.identityProvider.absoluteString)
            let login = try await client.get(base + "account")
            let state = try #require(queryItems(login.location ?? "")["state"])
            let cookie = "__Host-oidc_state=\(state)"

            let error = try await client.get(
                base + "callback?error=access_denied&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E"
            )
            #expect(error.status == 400)
            #expect(error.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!error.body.contains("<script>"))

            let cases: [(String, String?, String)] = [
                ("callback?code=abc&state=forged", cookie, "invalid state"),
                ("callback?code=abc", cookie, "invalid state"),
                ("callback?code=abc&state=\(state)", nil, "invalid state"),
                ("callback?code=abc&state=\(state)", "__Host-oidc_state=other", "invalid state"),
                (
                    "callback?code=abc&state=\(state)&iss=https%3A%2F%2Fevil.example", cookie,
                    "issuer mismatch (RFC 9207)"
                ),
                ("callback?code=abc&state=\(state)&iss=\(issuer)", cookie, "code exchange failed"),
            ]
            for (path, sentCookie, message) in cases {
                let response = try await client.get(base + path, cookie: sentCookie)
                #expect(response.status == (message == "code exchange failed" ? 502 : 400), "\(path)")
                #expect(response.body.contains(message), "\(path)")
                #expect(response.headers(named: "Referrer-Policy") == ["no-referrer"], "\(path)")
                if message != "code exchange failed" {
                    #expect(response.headers(named: "Set-Cookie").isEmpty, "\(path) sets no cookie")
                }
            }
            let replay = try await client.get(base + "callback?code=abc&state=\(state)", cookie: cookie)
            #expect(replay.status == 400 && replay.body.contains("invalid state"), "a state is redeemed once")

            let second = try await client.get(base + "account")
            let fresh = try #require(queryItems(second.location ?? "")["state"])
            let withoutIss = try await client.get(
                base + "callback?code=abc&state=\(fresh)",
                cookie: "__Host-oidc_state=\(fresh)"
            )
            #expect(withoutIss.status == 502, "no iss: the code would be redeemed")
        }
    }

    @Test func goodRelyingPartyKeepsOnlyTheLastThousandPendingStates() async throws {
        try await withSSO { zoo, client in
            let base = zoo.sso.goodRelyingParty.httpsURL.absoluteString
            var states: [String] = []
            for _ in 0..<1_001 {
                let login = try await client.get(base + "account")
                states.append(try #require(queryItems(login.location ?? "")["state"]))
            }
            #expect(Set(states).count == 1_001)
            let oldest = try await client.get(
                base + "callback?code=x&state=\(states[0])",
                cookie: "__Host-oidc_state=\(states[0])"
            )
            #expect(oldest.status == 400 && oldest.body.contains("invalid state"), "the oldest state was dropped")
            let second = try await client.get(
                base + "callback?code=x&state=\(states[1])",
                cookie: "__Host-oidc_state=\(states[1])"
            )
            #expect(second.status == 502, "the last 1,000 states are still pending")
        }
    }

    @Test(arguments: [
        ("/account", "/account"), ("/a/b?c=d", "/a/b?c=d"), ("//evil.example/x", "/"),
        ("/%5Cevil.example", "/"), ("https://evil.example/", "/"), ("/%0D%0ASet-Cookie:x=1", "/"), ("", "/"),
    ])
    func goodRelyingPartyLogoutFollowsOnlyLocalPaths(next: String, expected: String) async throws {
        try await withSSO { zoo, client in
            let encoded = next.hasPrefix("/%") ? next : SSOClient.escape(next)
            let base = zoo.sso.goodRelyingParty.httpsURL.absoluteString
            let response = try await client.get(base + "logout?next=\(encoded)")
            #expect(response.status == 302)
            #expect(response.location == expected)
            for name in ["return_to", "redirect", "url"] {
                let other = try await client.get(base + "logout?\(name)=https%3A%2F%2Fevil.example%2F")
                #expect(other.location == "/", "\(name) is not honoured")
            }
            let done = try await client.get(base + "logged-out")
            #expect(done.status == 200)
        }
    }

    @Test func goodRelyingPartySendsASignedSAMLRequest() async throws {
        try await withSSO { zoo, client in
            let origin = zoo.sso.goodRelyingParty.httpsURL.absoluteString.dropLast()
            let idp = zoo.sso.identityProvider.absoluteString
            let response = try await client.get(origin + "/partner")
            #expect(response.status == 302)
            let location = try #require(response.location)
            #expect(location.hasPrefix(idp + "/saml/sso?SAMLRequest="))
            let query = queryItems(location)
            #expect(query["RelayState"] == "p1")
            #expect(query["SigAlg"] == "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256")
            #expect(Data(base64Encoded: query["Signature"] ?? "")?.count == 256)
            let xml = try inflate(query["SAMLRequest"] ?? "")
            #expect(xml.contains("AssertionConsumerServiceURL=\"\(origin)/saml/acs\""))
            #expect(xml.contains("Destination=\"\(idp)/saml/sso\""))
            #expect(xml.hasPrefix("<samlp:AuthnRequest "))
            let other = try inflate(
                queryItems(try await client.get(origin + "/partner").location ?? "")["SAMLRequest"] ?? ""
            )
            #expect(id(in: xml) != id(in: other), "fresh ID each time")
            let idpPage = try await client.get(idp + "/saml/sso?" + (location.split(separator: "?").last ?? ""))
            #expect(idpPage.status == 200)
        }
    }

    // MARK: Strict identity provider

    @Test func strictIdentityProviderAcceptsOnlyTheExactRegisteredRedirect() async throws {
        try await withSSO { zoo, client in
            let legitimate = try #require(
                try await client.get(zoo.sso.goodRelyingParty.httpsURL.appending(path: "account").absoluteString)
                    .location
            )
            let login = try await client.get(legitimate)
            #expect(login.status == 200)
            #expect(login.body.contains("<form"))
            #expect(login.headers(named: "X-Frame-Options") == ["DENY"])
            #expect(login.headers(named: "Content-Security-Policy").first?.contains("frame-ancestors 'none'") == true)
            #expect(login.headers(named: "Cache-Control") == ["no-store"])

            let registered = zoo.sso.goodRedirectURI.absoluteString
            let registeredEncoded = SSOClient.escape(registered)
            let port = zoo.sso.goodRelyingParty.httpsURL.port ?? 0
            let tampered = [
                registered + "x", registered + "/evil", registered + "/", registered + "?x=1", registered + "#f",
                registered.uppercased(), registered.replacingOccurrences(of: ":\(port)", with: ":\(port + 1)"),
                registered.replacingOccurrences(of: "127.0.0.1", with: "127.0.0.1.evil.example"),
                registered.replacingOccurrences(of: "127.0.0.1", with: "127.0.0.1@evil.example"),
                registered + "%2F..%2Fevil", registered.replacingOccurrences(of: "https:", with: "http:"),
                "https://evil.example/callback", "javascript:alert(1)",
            ]
            for uri in tampered {
                let url = legitimate.replacingOccurrences(
                    of: "redirect_uri=" + registeredEncoded,
                    with: "redirect_uri=" + SSOClient.escape(uri)
                )
                #expect(url != legitimate)
                let response = try await client.get(url)
                #expect(response.status == 400, "\(uri)")
                #expect(response.location == nil, "\(uri)")
                #expect(!response.body.contains(uri), "\(uri) is not echoed")
            }
            for order in [
                "redirect_uri=\(SSOClient.escape("https://evil.example/cb"))&redirect_uri=\(registeredEncoded)",
                "redirect_uri=\(registeredEncoded)&redirect_uri=\(SSOClient.escape("https://evil.example/cb"))",
            ] {
                let url = legitimate.replacingOccurrences(of: "redirect_uri=" + registeredEncoded, with: order)
                let response = try await client.get(url)
                #expect(response.status == 400)
                #expect(response.body.contains("invalid_request: duplicated parameter"))
            }
            for clientID in ["unknown-client", DemoSSO.badClientID] {
                let url = legitimate.replacingOccurrences(of: "client_id=good-rp", with: "client_id=\(clientID)")
                let response = try await client.get(url)
                #expect(response.status == 400 && response.location == nil, "\(clientID)")
            }
        }
    }

    @Test func strictIdentityProviderReturnsFlowErrorsWithStateAndIssuer() async throws {
        try await withSSO { zoo, client in
            let idp = zoo.sso.identityProvider.absoluteString
            let redirect = SSOClient.escape(zoo.sso.goodRedirectURI.absoluteString)
            let challenge = String(repeating: "A", count: 43)
            let base = idp + "/authorize?client_id=good-rp&redirect_uri=\(redirect)&state=s%20t"
            let cases = [
                ("&response_type=token", "unsupported_response_type"),
                ("&response_type=id_token%20token", "unsupported_response_type"),
                ("&response_type=code&code_challenge=\(challenge)&code_challenge_method=plain", "invalid_request"),
                ("&response_type=code&code_challenge_method=S256", "invalid_request"),
            ]
            for (suffix, error) in cases {
                let response = try await client.get(base + suffix)
                #expect(response.status == 302, "\(suffix)")
                let location = try #require(response.location)
                #expect(location.hasPrefix(zoo.sso.goodRedirectURI.absoluteString + "?error=\(error)&"))
                let query = queryItems(location)
                #expect(query["state"] == "s t")
                #expect(query["iss"] == idp)
            }
            let valid = try await client.get(
                base + "&response_type=code&code_challenge=\(challenge)&code_challenge_method=S256"
            )
            #expect(valid.status == 200)
        }
    }

    @Test func strictIdentityProviderLogoutTokenAndSAML() async throws {
        try await withSSO { zoo, client in
            let idp = zoo.sso.identityProvider.absoluteString
            let registered = zoo.sso.goodPostLogoutRedirectURI.absoluteString
            let good = try await client.get(idp + "/logout?post_logout_redirect_uri=\(SSOClient.escape(registered))")
            #expect(good.status == 302 && good.location == registered)
            for evil in ["https://evil.example/bye", registered + "/x", ""] {
                let response = try await client.get(idp + "/logout?post_logout_redirect_uri=\(SSOClient.escape(evil))")
                #expect(response.status == 400 && response.location == nil, "\(evil)")
                #expect(evil.isEmpty || !response.body.contains(evil))
                #expect(!response.body.contains("evil.example"))
            }
            let token = try await client.get(idp + "/token")
            #expect(token.status == 400 && token.body.contains("\"error\":\"invalid_grant\""))
            #expect(try await client.get(idp + "/saml/sso").status == 200)
        }
    }

    // MARK: Lax identity provider

    @Test func laxIdentityProviderAcceptsAnyRedirect() async throws {
        try await withSSO { zoo, client in
            let lax = zoo.sso.laxIdentityProvider.absoluteString
            for uri in ["https://evil.example/cb", "http://127.0.0.1:1/callback", "javascript:alert(1)"] {
                let response = try await client.get(
                    lax + "/authorize?response_type=code&client_id=anyone&redirect_uri=\(SSOClient.escape(uri))"
                )
                #expect(response.status == 200, "\(uri)")
                #expect(response.body.contains("<form"))
                #expect(response.headers(named: "X-Frame-Options").isEmpty)
                #expect(response.headers(named: "Content-Security-Policy").isEmpty)
            }
            let implicit = try await client.get(
                lax + "/authorize?response_type=token&client_id=x&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&state=9"
            )
            #expect(implicit.status == 302)
            #expect(implicit.location == "https://evil.example/cb#access_token=demo-token&token_type=bearer&state=9")
            let logout = try await client.get(lax + "/logout?post_logout_redirect_uri=https%3A%2F%2Fevil.example%2F")
            #expect(logout.status == 302 && logout.location == "https://evil.example/")
        }
    }

    // MARK: Bad relying party

    @Test func badRelyingPartyStartsImplicitAndWeakStateFlows() async throws {
        try await withSSO { zoo, client in
            let bad = zoo.sso.badRelyingParty
            let lax = zoo.sso.laxIdentityProvider.absoluteString
            for base in [bad.httpsURL, bad.httpURL] {
                let account = try await client.get(base.appending(path: "account").absoluteString)
                #expect(account.status == 302)
                let location = try #require(account.location)
                #expect(location.hasPrefix(lax + "/authorize?"))
                let query = queryItems(location)
                #expect(query["response_type"] == "token")
                #expect(query["client_id"] == DemoSSO.badClientID)
                #expect(query["redirect_uri"] == bad.httpURL.absoluteString + "callback")
                #expect(query["client_secret"] == "demo-secret")
                #expect(query["state"] == nil && query["nonce"] == nil && query["code_challenge"] == nil)

                let admin = try await client.get(base.appending(path: "admin").absoluteString)
                let adminQuery = queryItems(admin.location ?? "")
                #expect(adminQuery["response_type"] == "code")
                #expect(adminQuery["state"] == "1234")
                #expect(adminQuery["redirect_uri"] == bad.httpsURL.absoluteString + "callback")
                #expect(adminQuery["code_challenge"] == nil)
                #expect(admin.headers(named: "Set-Cookie") == ["oauth_state=1234; Path=/"])
            }
        }
    }

    @Test func badRelyingPartyCallbackLogoutAndSAMLAreBroken() async throws {
        try await withSSO { zoo, client in
            let bad = zoo.sso.badRelyingParty
            for base in [bad.httpsURL.absoluteString, bad.httpURL.absoluteString] {
                let plain = try await client.get(base + "callback?code=x")
                let withIss = try await client.get(base + "callback?code=x&iss=https%3A%2F%2Fevil.example")
                #expect(plain.status == 200 && plain.body.contains("Welcome"))
                #expect(plain.headers(named: "Set-Cookie").first?.hasPrefix("session=") == true)
                #expect(plain.body == withIss.body && plain.status == withIss.status, "iss is ignored")
                #expect(plain.headers(named: "Referrer-Policy").isEmpty)
                let forged = try await client.get(base + "callback?code=x&state=forged")
                #expect(forged.status == 200, "any state is accepted")
                let xss = try await client.get(
                    base + "callback?error=x&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E"
                )
                #expect(xss.body.contains("<script>alert(1)</script>"), "reflected unescaped")
                for name in ["next", "return_to", "redirect", "url"] {
                    let logout = try await client.get(base + "logout?\(name)=https%3A%2F%2Fevil.example%2Fphish")
                    #expect(logout.status == 302 && logout.location == "https://evil.example/phish", "\(name)")
                }
                #expect(try await client.get(base + "logout").location == "/")
            }
            let partner = try await client.get(bad.httpsURL.absoluteString + "partner")
            let location = try #require(partner.location)
            #expect(location.hasPrefix(zoo.sso.laxIdentityProvider.absoluteString + "/saml/sso?SAMLRequest="))
            let query = queryItems(location)
            #expect(query["RelayState"] == "https://evil.invalid/steal")
            #expect(query["SigAlg"] == nil && query["Signature"] == nil)
            let xml = try inflate(query["SAMLRequest"] ?? "")
            #expect(xml.contains("AssertionConsumerServiceURL=\"http://evil.invalid/acs\""))
            #expect(xml.contains("Destination=\"https://wrong.invalid/sso\""))
        }
    }
}

// MARK: Helpers

/// One response as the tests need it.
private struct SSOResponse {
    var status: Int
    var location: String?
    var headers: [HeaderField]
    var body: String

    func headers(named name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }
}

/// The libcurl client trusting the zoo's CA, never following redirects.
private struct SSOClient {
    let client: HTTPClient

    func get(_ url: String, cookie: String? = nil) async throws -> SSOResponse {
        let parsed = try #require(URL(string: url), "\(url)")
        let headers = cookie.map { [HeaderField(name: "Cookie", value: $0)] } ?? []
        let exchange = try await client.fetch(parsed, headers: headers, allowRedirect: { _ in false })
        let hop = exchange.response
        return SSOResponse(
            status: hop.status,
            location: hop.location,
            headers: hop.headers,
            body: String(decoding: exchange.body, as: UTF8.self)
        )
    }

    func json(_ url: String) async throws -> [String: Any] {
        let response = try await get(url)
        #expect(response.status == 200, "\(url)")
        #expect(response.headers(named: "Content-Type") == ["application/json"], "\(url)")
        let object = try JSONSerialization.jsonObject(with: Data(response.body.utf8))
        return try #require(object as? [String: Any], "\(url)")
    }

    static func escape(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))
            ?? value
    }
}

/// Starts the zoo, hands a client to `body`, and always shuts both down (see ``withDemoSSO(_:)``).
private func withSSO(_ body: (DemoProviderZoo, SSOClient) async throws -> Void) async throws {
    try await withDemoSSO { zoo, client in try await body(zoo, SSOClient(client: client)) }
}

/// The decoded query items of `url` (first value wins), or empty when there is no query.
private func queryItems(_ url: String) -> [String: String] {
    var result: [String: String] = [:]
    for item in URLComponents(string: url)?.queryItems ?? [] where result[item.name] == nil {
        result[item.name] = item.value ?? ""
    }
    return result
}

private func isBase64URL(_ value: String) -> Bool {
    value.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }
        && value.unicodeScalars.allSatisfy(\.isASCII)
}

/// The bit length of a base64url big-endian modulus.
private func modulusBits(_ base64URL: String?) -> Int? {
    guard var text = base64URL?.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    else { return nil }
    text += String(repeating: "=", count: (4 - text.count % 4) % 4)
    guard let bytes = Data(base64Encoded: text).map(Array.init), let first = bytes.first else { return nil }
    return (bytes.count - 1) * 8 + (8 - first.leadingZeroBitCount)
}

/// Inflates a base64 raw-DEFLATE `SAMLRequest` with Python's zlib, an inflater independent of the demo's encoder.
private func inflate(_ samlRequest: String) throws -> String {
    let finished = try ChildProcess.runBlocking(
        "/usr/bin/python3",
        [
            "-c",
            "import sys,base64,zlib; sys.stdout.write(zlib.decompress(base64.b64decode(sys.argv[1]), -15).decode())",
            samlRequest,
        ],
        timeout: 10
    )
    #expect(finished.status == 0, "python3 could not inflate the SAMLRequest")
    return String(decoding: finished.output, as: UTF8.self)
}

/// The `ID` attribute of an AuthnRequest.
private func id(in xml: String) -> String? {
    guard let start = xml.range(of: " ID=\"") else { return nil }
    return String(xml[start.upperBound...].prefix { $0 != "\"" })
}
