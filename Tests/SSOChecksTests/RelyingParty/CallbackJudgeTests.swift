import Foundation
import PortcullisCore
import SSOChecks
import Testing

@Suite("Relying-party callback judge")
struct CallbackJudgeTests {
    static let callback = URL(string: "https://docs.example.org/oauth2/callback")!
    static let origin = URL(string: "https://docs.example.org")!

    static func response(
        _ status: Int,
        _ headers: [(String, String)] = [],
        body: String = "",
        url: String = "https://docs.example.org/oauth2/callback?code=SplxlOBeZQQYbYS6WxSbIA&state=forged-4711"
    ) -> ProbeResponse {
        ProbeResponse(
            requestURL: url,
            status: status,
            headers: headers.map { HeaderField(name: $0.0, value: $0.1) },
            body: Data(body.utf8)
        )
    }

    @Test(
        "forged and missing state: verdicts by status and cookies",
        arguments: [
            (400, [(String, String)](), Observation.Outcome.passed),
            (403, [("Set-Cookie", "oauth_state=; Max-Age=0; Path=/")], .passed),
            (400, [("Set-Cookie", "lang=en; Path=/")], .needsReview),
            (400, [("Set-Cookie", "oauth_state=bmV3; Path=/; Secure; HttpOnly")], .needsReview),
            (200, [], .failed),
            (302, [("Location", "/"), ("Set-Cookie", "portal_session=eyJhbGciOi; Path=/; Secure; HttpOnly")], .failed),
            (
                302, [("Location", "https://sso.example.org/realms/portal/protocol/openid-connect/auth?client_id=x")],
                .needsReview
            ),
            (500, [], .needsReview),
        ]
    )
    func stateHandling(_ status: Int, _ headers: [(String, String)], _ expected: Observation.Outcome) {
        let response = Self.response(status, headers)
        let forged = CallbackJudge.forgedState(response, callbackURL: Self.callback)
        #expect(forged.outcome == expected)
        #expect(forged.ruleID == RelyingPartyRules.forgedState)
        #expect(forged.evidence.summary.contains("code=****"))
        #expect(!forged.evidence.summary.contains("SplxlOBeZQQYbYS6WxSbIA"))
        let missing = CallbackJudge.missingState(response, callbackURL: Self.callback)
        #expect(missing.outcome == expected)
        #expect(missing.ruleID == RelyingPartyRules.missingState)
    }

    @Test(
        "error_description reflection",
        arguments: [
            (
                "<p>Login failed: \(CallbackJudge.errorPayload)</p>", "text/html; charset=utf-8",
                Observation.Outcome.failed
            ),
            (
                "<p>Login failed: &lt;script&gt;alert('\(CallbackJudge.errorMarker)')&lt;/script&gt;</p>", "text/html",
                .passed
            ),
            ("<p>Login failed.</p>", "text/html", .passed),
            ("{\"error_description\":\"\(CallbackJudge.errorPayload)\"}", "application/json", .needsReview),
        ]
    )
    func reflection(_ body: String, _ type: String, _ expected: Observation.Outcome) {
        let response = Self.response(400, [("Content-Type", type)], body: body)
        #expect(CallbackJudge.reflectedError(response, callbackURL: Self.callback).outcome == expected)
    }

    @Test("the payload carries a script tag and the marker")
    func payload() {
        #expect(CallbackJudge.errorPayload.contains("<script>"))
        #expect(CallbackJudge.errorPayload.contains(CallbackJudge.errorMarker))
        #expect(URL(string: CallbackJudge.offSiteTarget)?.host()?.hasSuffix(".invalid") == true)
        #expect(CallbackJudge.returnParameters.contains("return_to"))
    }

    @Test(
        "Referrer-Policy on the callback",
        arguments: [
            ([("Referrer-Policy", "no-referrer")], "", Observation.Outcome.passed),
            ([("Referrer-Policy", "strict-origin-when-cross-origin")], "", .passed),
            ([("Referrer-Policy", "unsafe-url")], "", .failed),
            ([("Referrer-Policy", "no-referrer, no-referrer-when-downgrade")], "", .failed),
            ([("Referrer-Policy", "unsafe-url, made-up-policy, same-origin")], "", .passed),
            ([], "<html><head><meta name=\"referrer\" content=\"no-referrer\"></head></html>", .passed),
            ([], "<html><body>Signed in</body></html>", .failed),
            ([("Location", "/reports")], "", .passed),
        ]
    )
    func referrer(_ headers: [(String, String)], _ body: String, _ expected: Observation.Outcome) {
        let status = headers.contains { $0.0 == "Location" } ? 302 : 200
        let response = Self.response(status, headers, body: body)
        #expect(CallbackJudge.referrerPolicy(response, callbackURL: Self.callback).outcome == expected)
    }

    @Test("mix-up: wrong iss against no iss")
    func mixUp() {
        let wrongURL = "https://docs.example.org/oauth2/callback?code=abc&state=s1&iss=https%3A%2F%2Fevil.example"
        let accepted = Self.response(302, [("Location", "/reports")], url: wrongURL)
        let acceptedToo = Self.response(302, [("Location", "/reports")])
        #expect(
            CallbackJudge.mixUp(wrongIssuer: accepted, noIssuer: acceptedToo, callbackURL: Self.callback).outcome
                == .failed
        )

        let refused = Self.response(400, body: "Invalid issuer in authorization response", url: wrongURL)
        #expect(
            CallbackJudge.mixUp(wrongIssuer: refused, noIssuer: acceptedToo, callbackURL: Self.callback).outcome
                == .passed
        )

        let sameError = Self.response(400, body: "Login failed", url: wrongURL)
        let sameErrorToo = Self.response(400, body: "Login failed")
        #expect(
            CallbackJudge.mixUp(wrongIssuer: sameError, noIssuer: sameErrorToo, callbackURL: Self.callback).outcome
                == .needsReview
        )

        let restart = "https://sso.example.org/realms/portal/protocol/openid-connect/auth?client_id=docs&state=n1"
        let restarted = Self.response(302, [("Location", restart)], url: wrongURL)
        let restartedToo = Self.response(302, [("Location", restart)])
        #expect(
            CallbackJudge.mixUp(wrongIssuer: restarted, noIssuer: restartedToo, callbackURL: Self.callback).outcome
                == .needsReview
        )

        let namesIssuer = Self.response(400, body: "The issuer does not match", url: wrongURL)
        #expect(
            CallbackJudge.mixUp(wrongIssuer: namesIssuer, noIssuer: sameErrorToo, callbackURL: Self.callback).outcome
                == .passed
        )
    }

    @Test(
        "open redirects through return parameters",
        arguments: [
            ("https://portcullis-open-redirect.invalid/landing", Observation.Outcome.failed),
            ("//portcullis-open-redirect.invalid/landing", .failed),
            ("/\\portcullis-open-redirect.invalid/landing", .failed),
            ("https:portcullis-open-redirect.invalid", .passed),
            ("http:portcullis-open-redirect.invalid", .failed),
            ("https://docs.example.org@portcullis-open-redirect.invalid/", .failed),
            ("/\t/portcullis-open-redirect.invalid/", .failed),
            ("https://docs.example.org.portcullis-open-redirect.invalid/", .failed),
            ("/reports?next=https://portcullis-open-redirect.invalid", .passed),
            ("https://docs.example.org/goodbye", .passed),
            ("https://DOCS.example.org./goodbye", .passed),
            (
                "https://sso.example.org/realms/portal/protocol/openid-connect/logout?post_logout_redirect_uri="
                    + "https%3A%2F%2Fportcullis-open-redirect.invalid%2Flanding", .needsReview
            ),
            ("https://sso.example.org/realms/portal/protocol/openid-connect/logout?client_id=docs", .passed),
        ]
    )
    func openRedirect(_ location: String, _ expected: Observation.Outcome) {
        let url = URL(string: "https://docs.example.org/logout")!
        let response = Self.response(
            302,
            [("Location", location)],
            url: "https://docs.example.org/logout?next=https%3A%2F%2Fportcullis-open-redirect.invalid%2Flanding"
        )
        let observation = CallbackJudge.openRedirect(response, parameter: "next", providerOrigin: Self.origin, at: url)
        #expect(observation.outcome == expected, "\(location)")
        #expect(observation.key == "/logout next")
    }

    @Test("no redirect passes; a meta refresh to the target fails")
    func openRedirectWithoutLocation() {
        let url = URL(string: "https://docs.example.org/logout")!
        let page = Self.response(200, body: "<p>You are signed out.</p>")
        #expect(
            CallbackJudge.openRedirect(page, parameter: "url", providerOrigin: Self.origin, at: url).outcome == .passed
        )
        let refresh = Self.response(
            200,
            body: "<meta http-equiv=\"refresh\" content=\"0;url=https://portcullis-open-redirect.invalid/landing\">"
        )
        #expect(
            CallbackJudge.openRedirect(refresh, parameter: "url", providerOrigin: Self.origin, at: url).outcome
                == .failed
        )
    }
}
