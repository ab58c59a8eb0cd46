import Foundation
import PortcullisCore
import SSOChecks
import Testing

private typealias Fixtures = IdentityProviderFixtures
private typealias Rule = IdentityProviderRule
private typealias Judge = AuthorizationEndpointJudge

@Suite("Authorization and end-session endpoint judges")
struct AuthorizationEndpointJudgeTests {
    private let issuer = "https://idp.example.com/realms/acme"
    private let state = "portcullis-state-3f9a1c"

    // MARK: request builders

    @Test("request builders replace exactly the probed parameters")
    func builders() {
        let unknown = RawQuery.parse(Judge.unknownClientQuery(Fixtures.legitimate))
        #expect(unknown.filter { $0.name == "client_id" }.map(\.value) == [Judge.unknownClientID])
        #expect(unknown.count == Fixtures.legitimate.count)
        let token = RawQuery.parse(Judge.tokenResponseTypeQuery(Fixtures.legitimate, state: state))
        #expect(token.first { $0.name == "response_type" }?.value == "token")
        #expect(token.filter { $0.name == "state" }.map(\.value) == [state])
        #expect(token.first { $0.name == "redirect_uri" }?.value == "https://portal.example.com/oauth/callback")
        let plain = RawQuery.parse(Judge.plainPKCEQuery(Fixtures.legitimate))
        #expect(plain.first { $0.name == "code_challenge_method" }?.value == "plain")
        #expect(plain.first { $0.name == "code_challenge" }?.value == Judge.plainCodeChallenge)
        #expect(Judge.plainCodeChallenge.count >= 43)
        let bare = RawQuery.parse(Judge.plainPKCEQuery([QueryParameter("client_id", "portal")]))
        #expect(bare.map(\.name) == ["client_id", "code_challenge", "code_challenge_method"])
    }

    // MARK: AUTH-03

    @Test(
        "unknown client: a redirect off the provider fails; an error page or an internal redirect passes",
        arguments: [
            (
                String?.some("https://portal.example.com/oauth/callback?error=unauthorized_client"),
                Observation.Outcome.failed
            ),
            ("/realms/acme/protocol/openid-connect/error?client=unknown", .passed),
            ("https://idp.example.com:443/realms/acme/error", .passed),
            // Same host, another port or scheme: another site (a client beside the identity provider).
            ("https://idp.example.com:8443/oauth/callback?code=x", .failed),
            ("http://idp.example.com/oauth/callback?code=x", .failed),
            (nil, .passed),
        ]
    )
    func unknownClient(location: String?, expected: Observation.Outcome) {
        let query = Judge.unknownClientQuery(Fixtures.legitimate)
        let response =
            location.map { Fixtures.redirect(query, to: $0) } ?? Fixtures.errorPage(query: query, status: 400)
        let observation = Judge.unknownClient(response, endpoint: Fixtures.endpoint)
        #expect(observation.ruleID == Rule.unknownClientRedirects)
        #expect(observation.outcome == expected)
        #expect(observation.evidence.summary.contains("client_id=\(Judge.unknownClientID)"))
    }

    // MARK: AUTH-04…06

    private func tokenResponse(_ response: (String) -> ProbeResponse) -> [Observation] {
        let query = Judge.tokenResponseTypeQuery(Fixtures.legitimate, state: state)
        return Judge.tokenResponseType(response(query), state: state, issuer: issuer, endpoint: Fixtures.endpoint)
    }

    @Test("tokens in the redirect fail AUTH-04")
    func tokensIssued() {
        let observations = tokenResponse {
            Fixtures.redirect(
                $0,
                to: "https://portal.example.com/oauth/callback#access_token=eyJhbGciOi.x.y&token_type=Bearer"
            )
        }
        #expect(observations.outcomes(Rule.tokenResponseTypeAccepted) == [.failed])
        #expect(!observations[0].evidence.summary.contains("eyJhbGciOi"), "tokens are masked")
    }

    @Test(
        "an error redirect passes AUTH-04 and is judged for state and iss, in query or fragment",
        arguments: [
            (
                "#error=unsupported_response_type&state=portcullis-state-3f9a1c"
                    + "&iss=https%3A%2F%2Fidp.example.com%2Frealms%2Facme",
                Observation.Outcome.passed, Observation.Outcome.passed
            ),
            ("?error=unauthorized_client&state=portcullis-state-3f9a1c", .passed, .failed),
            ("?error=unauthorized_client&iss=https%3A%2F%2Fidp.example.com%2Frealms%2Facme", .failed, .passed),
            ("#error=unsupported_response_type&state=other&iss=https%3A%2F%2Fevil.invalid", .failed, .failed),
        ]
    )
    func errorRedirect(suffix: String, stateOutcome: Observation.Outcome, issOutcome: Observation.Outcome) {
        let observations = tokenResponse {
            Fixtures.redirect($0, to: "https://portal.example.com/oauth/callback" + suffix)
        }
        #expect(observations.outcomes(Rule.tokenResponseTypeAccepted) == [.passed])
        #expect(observations.outcomes(Rule.errorWithoutState) == [stateOutcome])
        #expect(observations.outcomes(Rule.errorWithoutISS) == [issOutcome])
    }

    @Test("a login page is for review under AUTH-04, and AUTH-05/06 are inapplicable; a 400 passes")
    func notRefused() {
        let login = tokenResponse { Fixtures.loginPage(query: $0) }
        #expect(login.outcomes(Rule.tokenResponseTypeAccepted) == [.needsReview])
        #expect(login.outcomes(Rule.errorWithoutState) == [.inapplicable])
        #expect(login.outcomes(Rule.errorWithoutISS) == [.inapplicable])
        let refused = tokenResponse { Fixtures.errorPage(query: $0, status: 400) }
        #expect(refused.outcomes(Rule.tokenResponseTypeAccepted) == [.passed])
    }

    // MARK: PKCE-02

    @Test(
        "plain PKCE: the login page again fails; an error passes",
        arguments: [
            ("login", Observation.Outcome.failed),
            ("error-redirect", .passed),
            ("error-page", .passed),
            ("code", .failed),
        ]
    )
    func plainPKCE(kind: String, expected: Observation.Outcome) {
        let query = Judge.plainPKCEQuery(Fixtures.legitimate)
        let response: ProbeResponse
        switch kind {
        case "login": response = Fixtures.loginPage(query: query, token: "Qq1Ww2Ee3R")
        case "error-redirect":
            response = Fixtures.redirect(
                query,
                to: "https://portal.example.com/oauth/callback?error=invalid_request&state=K7Jd0b2vQm9ZpX4sT1uYwE"
            )
        case "code": response = Fixtures.redirect(query, to: "https://portal.example.com/oauth/callback?code=abc")
        default: response = Fixtures.errorPage(query: query, status: 400)
        }
        let baseline = Fixtures.loginPage(query: RawQuery.encode(Fixtures.legitimate))
        let observation = Judge.plainPKCE(response, baseline: baseline, endpoint: Fixtures.endpoint)
        #expect(observation.ruleID == Rule.pkcePlainAccepted)
        #expect(observation.outcome == expected)
    }

    // MARK: AUTH-02

    @Test(
        "login page framing",
        arguments: [
            ([("X-Frame-Options", "DENY")], Observation.Outcome.passed),
            ([("X-Frame-Options", "sameorigin")], .passed),
            ([("Content-Security-Policy", "frame-src 'self'; frame-ancestors 'self'; object-src 'none'")], .passed),
            (
                [
                    ("Content-Security-Policy", "default-src 'self'"),
                    ("Content-Security-Policy", "frame-ancestors 'none'"),
                ], .passed
            ),
            ([("Content-Security-Policy", "frame-ancestors *"), ("X-Frame-Options", "DENY")], .failed),
            ([("Content-Security-Policy", "frame-ancestors https:")], .failed),
            ([("X-Frame-Options", "ALLOW-FROM https://portal.example.com")], .failed),
            ([("Content-Security-Policy-Report-Only", "frame-ancestors 'none'")], .failed),
            ([], .failed),
        ]
    )
    func framing(headers: [(String, String)], expected: Observation.Outcome) {
        var page = Fixtures.loginPage(query: RawQuery.encode(Fixtures.legitimate))
        page.headers += headers.map { HeaderField(name: $0.0, value: $0.1) }
        let observation = Judge.framing(page, endpoint: Fixtures.endpoint)
        #expect(observation.ruleID == Rule.loginPageFrameable)
        #expect(observation.outcome == expected)
    }

    @Test("no login page to examine is for review")
    func framingWithoutPage() {
        let redirect = Fixtures.redirect("x=1", to: "/realms/acme/login")
        #expect(Judge.framing(redirect, endpoint: Fixtures.endpoint).outcome == .needsReview)
    }

    // MARK: LOGOUT-01

    private let logoutEndpoint = URL(string: "https://idp.example.com/realms/acme/protocol/openid-connect/logout")!

    private func logout(status: Int, location: String? = nil, body: String = "") -> Observation {
        let query = Judge.logoutQuery(
            postLogoutRedirectURI: Judge.unregisteredLogoutTarget,
            clientID: "portal",
            idTokenHint: nil
        )
        let response = ProbeResponse(
            requestURL: logoutEndpoint.absoluteString + "?" + query,
            status: status,
            headers: location.map { [HeaderField(name: "Location", value: $0)] } ?? [],
            body: Data(body.utf8)
        )
        return Judge.logout(response, smuggled: Judge.unregisteredLogoutTarget, endpoint: logoutEndpoint)
    }

    @Test("logout query carries the target, client and a fixed state")
    func logoutQuery() {
        let query = Judge.logoutQuery(
            postLogoutRedirectURI: Judge.unregisteredLogoutTarget,
            clientID: "portal",
            idTokenHint: "eyJ.a.b"
        )
        #expect(
            RawQuery.parse(query).map(\.name) == ["id_token_hint", "client_id", "post_logout_redirect_uri", "state"]
        )
        #expect(Judge.unregisteredLogoutTarget.hasPrefix("https://"))
        #expect(URL(string: Judge.unregisteredLogoutTarget)?.host?.hasSuffix(".invalid") == true)
    }

    @Test("logout redirecting to the unregistered target fails")
    func logoutRedirect() {
        let observation = logout(
            status: 302,
            location: Judge.unregisteredLogoutTarget + "?state=portcullis-logout-probe"
        )
        #expect(observation.outcome == .failed)
        #expect(observation.ruleID == Rule.logoutOpenRedirect)
    }

    @Test("a confirmation form carrying the target fails; encoded for review; a plain logout page passes")
    func logoutPages() {
        let form = """
            <form method="post" action="/realms/acme/protocol/openid-connect/logout/logout-confirm">
            <input type="hidden" name="post_logout_redirect_uri" value="\(Judge.unregisteredLogoutTarget)">
            <button type="submit">Do you want to log out?</button></form>
            """
        #expect(logout(status: 200, body: form).outcome == .failed)
        let encoded = "<a href=\"/logout/confirm?next=\(RawQuery.escape(Judge.unregisteredLogoutTarget))\">Yes</a>"
        #expect(logout(status: 200, body: encoded).outcome == .needsReview)
        #expect(logout(status: 200, body: "<h1>You are logged out</h1>").outcome == .passed)
        #expect(logout(status: 400, body: "Invalid redirect uri").outcome == .passed)
        #expect(logout(status: 302, location: "/realms/acme/logged-out").outcome == .passed)
    }
}
