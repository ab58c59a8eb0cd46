import Foundation
import PortcullisCore
import SSOChecks
import Testing

private typealias Fixtures = IdentityProviderFixtures

@Suite("redirect_uri tampering")
struct RedirectURITamperingTests {
    private let variants = RedirectURITampering.variants(legitimate: Fixtures.legitimate)

    private func variant(_ name: String) throws -> TamperedAuthorizationRequest {
        try #require(variants.first { $0.name == name })
    }

    @Test(
        "every variant is present with the right smuggled URI",
        arguments: [
            ("path-suffix", "https://portal.example.com/oauth/callbackevil"),
            ("appended-path", "https://portal.example.com/oauth/callback/evil"),
            ("trailing-slash", "https://portal.example.com/oauth/callback/"),
            ("added-query", "https://portal.example.com/oauth/callback?evil=1"),
            ("fragment", "https://portal.example.com/oauth/callback#evil"),
            ("host-case", "https://PORTAL.EXAMPLE.COM/oauth/callback"),
            ("path-case", "https://portal.example.com/OAUTH/CALLBACK"),
            ("other-port", "https://portal.example.com:8443/oauth/callback"),
            ("host-suffix", "https://portal.example.com.evil.invalid/oauth/callback"),
            ("userinfo", "https://portal.example.com@evil.invalid/oauth/callback"),
            ("encoded-traversal", "https://portal.example.com/oauth/callback%2F..%2F..%2Fevil"),
            ("http-downgrade", "http://portal.example.com/oauth/callback"),
            ("foreign-host", "https://evil.invalid/oauth/callback"),
            ("javascript-uri", "javascript:alert(document.domain)//"),
            ("duplicate-legit-first", "https://evil.invalid/oauth/callback"),
            ("duplicate-foreign-first", "https://evil.invalid/oauth/callback"),
        ]
    )
    func smuggled(name: String, uri: String) throws {
        let tampered = try variant(name)
        #expect(tampered.smuggledRedirectURI == uri)
        let sent = RawQuery.parse(tampered.rawQuery)
        #expect(sent.filter { $0.name == "redirect_uri" }.contains { $0.value == uri })
        let others = sent.filter { $0.name != "redirect_uri" }
        #expect(others == Fixtures.legitimate.filter { $0.name != "redirect_uri" })
    }

    @Test("sixteen distinct variants with distinct names and queries")
    func complete() {
        #expect(variants.count == 16)
        #expect(Set(variants.map(\.name)).count == 16)
        #expect(Set(variants.map(\.rawQuery)).count == 16)
    }

    @Test("duplicated redirect_uri parameters survive in the raw query, in both orders")
    func duplicates() throws {
        let legit = "https://portal.example.com/oauth/callback"
        let foreign = "https://evil.invalid/oauth/callback"
        let legitFirst = RawQuery.parse(try variant("duplicate-legit-first").rawQuery)
        #expect(legitFirst.filter { $0.name == "redirect_uri" }.map(\.value) == [legit, foreign])
        let foreignFirst = RawQuery.parse(try variant("duplicate-foreign-first").rawQuery)
        #expect(foreignFirst.filter { $0.name == "redirect_uri" }.map(\.value) == [foreign, legit])
        #expect(
            try variant("duplicate-legit-first").rawQuery.contains(
                "redirect_uri=https%3A%2F%2Fportal.example.com%2Foauth%2Fcallback&redirect_uri=https%3A%2F%2Fevil"
            )
        )
    }

    @Test("only .invalid hosts are used")
    func invalidHosts() {
        for tampered in variants where tampered.smuggledRedirectURI.contains("evil") {
            #expect(tampered.smuggledRedirectURI.contains("evil.invalid") || !tampered.name.contains("host"))
        }
    }

    @Test("no redirect_uri, no variants; an http legitimate URI has no downgrade variant")
    func edgeCases() {
        #expect(RedirectURITampering.variants(legitimate: [QueryParameter("client_id", "portal")]).isEmpty)
        let http = RedirectURITampering.variants(legitimate: [
            QueryParameter("redirect_uri", "http://localhost:8080/cb")
        ])
        #expect(!http.contains { $0.name == "http-downgrade" })
        #expect(http.first { $0.name == "other-port" }?.smuggledRedirectURI == "http://localhost:8443/cb")
    }

    // MARK: verdicts

    private var baselineQuery: String { RawQuery.encode(Fixtures.legitimate) }

    private func judge(_ name: String, _ response: (String) -> ProbeResponse) throws -> Observation {
        let tampered = try variant(name)
        return RedirectURITampering.judge(
            tampered,
            response: response(tampered.rawQuery),
            baseline: Fixtures.loginPage(query: baselineQuery),
            endpoint: Fixtures.endpoint
        )
    }

    @Test(
        "a Location to the smuggled URI fails, keyed by the variant",
        arguments: [
            (
                "foreign-host",
                "https://evil.invalid/oauth/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=K7Jd0b2vQm9ZpX4sT1uYwE"
            ),
            ("path-suffix", "https://portal.example.com/oauth/callbackevil?error=login_required&state=x"),
            ("added-query", "https://portal.example.com/oauth/callback?evil=1&code=abc"),
            ("fragment", "https://portal.example.com/oauth/callback?code=abc#evil"),
            ("http-downgrade", "http://portal.example.com/oauth/callback?code=abc"),
            ("userinfo", "https://evil.invalid/oauth/callback?code=abc"),
            ("duplicate-legit-first", "https://evil.invalid/oauth/callback?code=abc"),
            ("javascript-uri", "javascript:alert(document.domain)//"),
        ]
    )
    func redirectedToSmuggled(name: String, location: String) throws {
        let observation = try judge(name) { Fixtures.redirect($0, to: location) }
        #expect(observation.outcome == .failed)
        #expect(observation.key == name)
        #expect(observation.ruleID == IdentityProviderRule.redirectURITampering)
        #expect(observation.evidence.summary.contains("→ 302, Location:"))
        #expect(!observation.evidence.summary.contains("SplxlOBeZQQYbYS6WxSbIA"), "codes are masked")
    }

    @Test("the same login page as the legitimate request is for review, with the reason")
    func sameAsBaseline() throws {
        let observation = try judge("other-port") { Fixtures.loginPage(query: $0, token: "Zz9Yy8Xx7W") }
        #expect(observation.outcome == .needsReview)
        #expect(observation.evidence.summary.contains("only after login"))
    }

    @Test(
        "an error page, or a redirect to an error on the identity provider, passes",
        arguments: [400, 200]
    )
    func errorPage(status: Int) throws {
        let observation = try judge("foreign-host") { Fixtures.errorPage(query: $0, status: status) }
        #expect(observation.outcome == .passed)
        let redirected = try judge("foreign-host") {
            Fixtures.redirect($0, to: "/realms/acme/protocol/openid-connect/error?error=invalid_redirect_uri")
        }
        #expect(redirected.outcome == .passed)
    }

    @Test("a form_post page that posts to the smuggled URI fails")
    func formPost() throws {
        let observation = try judge("foreign-host") { query in
            let html = """
                <html><head><title>Submit This Form</title></head><body onload="document.forms[0].submit()">
                <form method="post" action="https://evil.invalid/oauth/callback">
                <input type="hidden" name="code" value="abc"/></form></body></html>
                """
            return ProbeResponse(requestURL: Fixtures.request(query), status: 200, body: Data(html.utf8))
        }
        #expect(observation.outcome == .failed)
    }

    @Test("a redirect to the legitimate callback is for review; no response is for review")
    func elsewhere() throws {
        let legit = try judge("duplicate-legit-first") {
            Fixtures.redirect($0, to: "https://portal.example.com/oauth/callback?error=invalid_request")
        }
        #expect(legit.outcome == .needsReview)
        let none = try judge("fragment") {
            ProbeResponse(requestURL: Fixtures.request($0), status: 0, failure: "timed out")
        }
        #expect(none.outcome == .needsReview)
    }
}
