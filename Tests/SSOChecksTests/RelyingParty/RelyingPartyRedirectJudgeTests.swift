import Foundation
import PortcullisCore
import SSOChecks
import Testing

@Suite("Relying-party login redirect judge")
struct RelyingPartyRedirectJudgeTests {
    typealias F = RelyingPartyFixtures

    @Test("a correct Keycloak code flow passes every redirect rule")
    func correctFlow() {
        let observations = F.evaluate(F.samples { F.redirect(F.goodParameters()) })
        let expectedPassed = RelyingPartyRules.all.map(\.rawValue).filter {
            !$0.contains("callback") && $0 != "sso.rp.mix-up-not-detected" && $0 != "sso.rp.open-redirect"
                && $0 != "sso.rp.par-not-used"
        }
        for rule in expectedPassed {
            #expect(F.outcome(rule, in: observations) == .passed, "\(rule)")
        }
        #expect(F.outcome("sso.rp.par-not-used", in: observations) == .inapplicable)
        #expect(observations.allSatisfy { $0.key == "/reports/2026" })
        #expect(
            observations.first { $0.ruleID == RelyingPartyRules.noLoginRedirect }?.evidence.summary
                .contains("GET https://docs.example.org/reports/2026 → 302, Location: https://sso.example.org") == true
        )
    }

    /// A broken variant of the Keycloak request and the rule it must fail.
    struct Mistake: Sendable, CustomTestStringConvertible {
        var rule: String
        var name: String
        var change: @Sendable ([QueryParameter]) -> [QueryParameter]
        var testDescription: String { "\(rule): \(name)" }
    }

    static let mistakes: [Mistake] = [
        Mistake(rule: "sso.rp.implicit-or-hybrid-flow", name: "implicit") {
            F.setting("response_type", "id_token token", in: $0)
        },
        Mistake(rule: "sso.rp.implicit-or-hybrid-flow", name: "hybrid") {
            F.setting("response_type", "code id_token", in: $0)
        },
        Mistake(rule: "sso.rp.state-missing", name: "no state") { F.setting("state", nil, in: $0) },
        Mistake(rule: "sso.rp.state-weak", name: "short numeric") {
            F.setting("state", String(Int.random(in: 100000...999999)), in: $0)
        },
        Mistake(rule: "sso.rp.nonce-missing", name: "no nonce, no PKCE") {
            F.setting(
                "code_challenge_method",
                nil,
                in: F.setting("code_challenge", nil, in: F.setting("nonce", nil, in: $0))
            )
        },
        Mistake(rule: "sso.rp.nonce-weak", name: "8 hex") {
            F.setting("nonce", String(UInt32.random(in: 0...UInt32.max), radix: 16), in: $0)
        },
        Mistake(rule: "sso.rp.pkce-missing", name: "no challenge") {
            F.setting("code_challenge_method", nil, in: F.setting("code_challenge", nil, in: $0))
        },
        Mistake(rule: "sso.rp.pkce-not-s256", name: "plain") { F.setting("code_challenge_method", "plain", in: $0) },
        Mistake(rule: "sso.rp.pkce-not-s256", name: "method absent") {
            F.setting("code_challenge_method", nil, in: $0)
        },
        Mistake(rule: "sso.rp.pkce-malformed", name: "short challenge") {
            F.setting("code_challenge", F.token(16), in: $0)
        },
        Mistake(rule: "sso.rp.redirect-uri-not-https", name: "http") {
            F.setting("redirect_uri", "http://docs.example.org/oauth2/callback", in: $0)
        },
        Mistake(rule: "sso.rp.redirect-uri-foreign-origin", name: "other host") {
            F.setting("redirect_uri", "https://docs.example.org.attacker.net/oauth2/callback", in: $0)
        },
        Mistake(rule: "sso.rp.redirect-uri-fragment", name: "fragment") {
            F.setting("redirect_uri", F.redirectURI + "#top", in: $0)
        },
        Mistake(rule: "sso.rp.redirect-uri-unregistered", name: "other path") {
            F.setting("redirect_uri", "https://docs.example.org/legacy/callback", in: $0)
        },
        Mistake(rule: "sso.rp.secret-in-url", name: "client_secret") {
            $0 + [QueryParameter("client_secret", "s3cr3t-Value")]
        },
        Mistake(rule: "sso.rp.secret-in-url", name: "code_verifier") {
            $0 + [QueryParameter("code_verifier", F.token())]
        },
    ]

    @Test("each classic mistake fails its rule", arguments: mistakes)
    func mistake(_ mistake: Mistake) {
        let observations = F.evaluate(F.samples { F.redirect(mistake.change(F.goodParameters())) })
        #expect(F.outcome(mistake.rule, in: observations) == .failed)
        let failed = observations.first { $0.ruleID.rawValue == mistake.rule && $0.outcome == .failed }
        #expect(failed?.evidence.summary.contains("GET https://docs.example.org/reports/2026 → 302") == true)
        #expect(failed?.evidence.summary.contains("s3cr3t") == false)
    }

    @Test("a secret code_verifier is masked in the evidence")
    func verifierMasked() {
        let verifier = F.token()
        let observations = F.evaluate(
            F.samples { F.redirect(F.goodParameters() + [QueryParameter("code_verifier", verifier)]) }
        )
        let failed = observations.first { $0.ruleID == RelyingPartyRules.secretInURL }
        #expect(failed?.outcome == .failed)
        #expect(failed?.evidence.summary.contains(verifier) == false)
    }

    @Test(
        "state, nonce and challenge repeated across samples fail their reuse rules",
        arguments: [
            ("state", "sso.rp.state-reused"), ("nonce", "sso.rp.nonce-reused"),
            ("code_challenge", "sso.rp.pkce-reused"),
        ]
    )
    func reuse(_ parameter: String, _ rule: String) {
        let fixed = F.token()
        let observations = F.evaluate(F.samples { F.redirect(F.setting(parameter, fixed, in: F.goodParameters())) })
        #expect(F.outcome(rule, in: observations) == .failed)
    }

    @Test("a state whose only varying part is a counter is weak")
    func counterState() {
        let samples = (1...3).map { index in
            F.redirect(F.setting("state", "portal-login-2026112602-\(index)", in: F.goodParameters()))
        }
        let observations = F.evaluate(samples)
        #expect(F.outcome("sso.rp.state-weak", in: observations) == .failed)
        #expect(F.outcome("sso.rp.state-reused", in: observations) == .passed)
    }

    @Test("one sample cannot show reuse: needs review")
    func oneSample() {
        let observations = F.evaluate([F.redirect(F.goodParameters())])
        #expect(F.outcome("sso.rp.state-reused", in: observations) == .needsReview)
    }

    @Test("PKCE instead of nonce passes unless policy requires a nonce")
    func nonceOptionalWithPKCE() {
        let samples = F.samples { F.redirect(F.setting("nonce", nil, in: F.goodParameters())) }
        #expect(F.outcome("sso.rp.nonce-missing", in: F.evaluate(samples)) == .passed)
        let strict = SSOPolicy(redirectURIs: [F.redirectURI], requiresNonce: true)
        #expect(F.outcome("sso.rp.nonce-missing", in: F.evaluate(samples, policy: strict)) == .failed)
    }

    @Test("plain OAuth (no openid scope) makes the nonce rules inapplicable")
    func plainOAuth() {
        let parameters = F.setting("nonce", nil, in: F.setting("scope", "reports:read", in: F.goodParameters()))
        let observations = F.evaluate(F.samples { F.redirect(parameters) })
        #expect(F.outcome("sso.rp.nonce-missing", in: observations) == .inapplicable)
    }

    @Test("pushed authorization requests pass RP-03 and the PAR policy; hidden values are inapplicable")
    func pushed() {
        let par = [
            QueryParameter("client_id", "docs-portal"),
            QueryParameter("request_uri", "urn:ietf:params:oauth:request_uri:6esc_11ACC5bwc014ltc14eY22c"),
        ]
        let policy = SSOPolicy(redirectURIs: [F.redirectURI], requiresPAR: true)
        let observations = F.evaluate(F.samples { F.redirect(par, cookies: []) }, policy: policy)
        #expect(F.outcome("sso.rp.implicit-or-hybrid-flow", in: observations) == .passed)
        #expect(F.outcome("sso.rp.par-not-used", in: observations) == .passed)
        #expect(F.outcome("sso.rp.state-missing", in: observations) == .inapplicable)
        #expect(F.outcome("sso.rp.redirect-uri-not-https", in: observations) == .inapplicable)
        let unpushed = F.evaluate(F.samples { F.redirect(F.goodParameters()) }, policy: policy)
        #expect(F.outcome("sso.rp.par-not-used", in: unpushed) == .failed)
    }

    @Test("an http authorization endpoint fails RP-02")
    func httpEndpoint() {
        let http = URL(string: "http://sso.example.org/realms/portal/protocol/openid-connect/auth")!
        let observations = F.evaluate(F.samples { F.redirect(F.goodParameters(), to: http) }, endpoint: http)
        #expect(F.outcome("sso.rp.authorization-endpoint-not-https", in: observations) == .failed)
        #expect(F.outcome("sso.rp.no-login-redirect", in: observations) == .passed)
    }

    @Test(
        "RP-01 verdicts for what an anonymous GET gets back",
        arguments: [
            (200, "<html><h1>Quarterly reports</h1></html>", Observation.Outcome.failed),
            (403, "Forbidden", .failed),
            (200, "<form method=post><input name=user><input type=\"password\" name=pw></form>", .needsReview),
        ]
    )
    func notRedirected(_ status: Int, _ body: String, _ expected: Observation.Outcome) {
        let response = ProbeResponse(requestURL: F.entry.absoluteString, status: status, body: Data(body.utf8))
        let observations = F.evaluate([response, response, response])
        #expect(F.outcome("sso.rp.no-login-redirect", in: observations) == expected)
        #expect(observations.count == 1)
    }

    @Test("a permanent redirect or one to another endpoint fails RP-01")
    func wrongRedirect() {
        let permanent = F.evaluate(F.samples { F.redirect(F.goodParameters(), status: 301) })
        #expect(F.outcome("sso.rp.no-login-redirect", in: permanent) == .failed)
        let other = URL(string: "https://login.other-idp.example/authorize")!
        let elsewhere = F.evaluate(F.samples { F.redirect(F.goodParameters(), to: other) })
        #expect(F.outcome("sso.rp.no-login-redirect", in: elsewhere) == .failed)
    }

    @Test("without metadata the issuer's origin stands in, and the evidence says so")
    func noDiscovery() {
        let observations = F.evaluate(F.samples { F.redirect(F.goodParameters()) }, endpoint: nil)
        let rp01 = observations.first { $0.ruleID == RelyingPartyRules.noLoginRedirect }
        #expect(rp01?.outcome == .passed)
        #expect(rp01?.evidence.summary.contains("issuer's origin") == true)
    }

    @Test("Entra ID-style request with a relative Location resolves and passes")
    func entraStyle() {
        let endpoint = URL(
            string: "https://login.microsoftonline.com/4f0c9a7e-1b1d-4c4e-9a43-8a1f3c1e2d55/oauth2/v2.0/authorize"
        )!
        let samples = F.samples { F.redirect(F.goodParameters(), to: endpoint) }
        let observations = RelyingPartyRedirectJudge.evaluate(
            samples: samples,
            entryURL: F.entry,
            providerOrigin: F.origin,
            policy: SSOPolicy(),
            issuer: URL(string: "https://login.microsoftonline.com/4f0c9a7e-1b1d-4c4e-9a43-8a1f3c1e2d55/v2.0"),
            authorizationEndpoint: endpoint
        )
        #expect(F.outcome("sso.rp.no-login-redirect", in: observations) == .passed)
        #expect(F.outcome("sso.rp.redirect-uri-unregistered", in: observations) == .inapplicable)
    }

    @Test(
        "the binding cookie must be Secure, HttpOnly and SameSite",
        arguments: [
            ("oauth_state=abc; Path=/", Observation.Outcome.failed),
            ("oauth_state=abc; Path=/; Secure; HttpOnly", .failed),
            ("oauth_state=abc; Path=/; Secure; SameSite=None; HttpOnly", .failed),
            ("__Host-oauth_state=abc; Path=/; Secure; HttpOnly; SameSite=Lax", .passed),
            ("JSESSIONID=abc; Path=/; Secure; HttpOnly; SameSite=Strict", .passed),
        ]
    )
    func cookie(_ header: String, _ expected: Observation.Outcome) {
        let observations = F.evaluate(F.samples { F.redirect(F.goodParameters(), cookies: [header]) })
        #expect(F.outcome("sso.rp.state-cookie-insecure", in: observations) == expected)
    }

    @Test("the cookie whose value holds the state is the one judged, whatever its name")
    func cookieByValue() {
        let state = F.token()
        let parameters = F.setting("state", state, in: F.goodParameters())
        let response = F.redirect(
            parameters,
            cookies: ["lang=en; Path=/; Secure; HttpOnly; SameSite=Lax", "txn=\(state); Path=/"]
        )
        #expect(F.outcome("sso.rp.state-cookie-insecure", in: F.evaluate([response])) == .failed)
    }

    @Test("only a load-balancer cookie binds nothing recognisable: needs review")
    func unrelatedCookie() {
        let response = F.redirect(
            F.goodParameters(),
            cookies: ["AWSALB=Zm9vYmFy; Path=/; Expires=Wed, 03 Dec 2026 02:39:36 GMT"]
        )
        #expect(F.outcome("sso.rp.state-cookie-insecure", in: F.evaluate([response])) == .needsReview)
    }

    @Test("a redirect with an invalid Location needs review")
    func invalidLocation() {
        let response = ProbeResponse(
            requestURL: F.entry.absoluteString,
            status: 302,
            headers: [HeaderField(name: "Location", value: "https://sso.example.org/auth?x=<a b>")]
        )
        #expect(F.outcome("sso.rp.no-login-redirect", in: F.evaluate([response])) == .needsReview)
    }

    @Test("no cookie at all needs review; no state makes the cookie rule inapplicable")
    func cookieAbsent() {
        let bare = F.evaluate(F.samples { F.redirect(F.goodParameters(), cookies: []) })
        #expect(F.outcome("sso.rp.state-cookie-insecure", in: bare) == .needsReview)
        let stateless = F.evaluate(F.samples { F.redirect(F.setting("state", nil, in: F.goodParameters())) })
        #expect(F.outcome("sso.rp.state-cookie-insecure", in: stateless) == .inapplicable)
    }

    @Test("observations are deterministic: no random value leaks into keys")
    func stableKeys() {
        let first = F.evaluate(F.samples { F.redirect(F.goodParameters()) }).map {
            "\($0.ruleID)|\($0.key)|\($0.outcome)"
        }
        let second = F.evaluate(F.samples { F.redirect(F.goodParameters()) }).map {
            "\($0.ruleID)|\($0.key)|\($0.outcome)"
        }
        #expect(first == second)
    }
}

@Suite("Entropy estimator")
struct EntropyEstimatorTests {
    @Test(
        "estimates for typical tokens",
        arguments: [
            ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0.0, 0.0),
            ("0123456789abcdef0123456789abcdef", 60.0, 68.0),
            ("9f86d081884c7d659a2feaa0c55ad015", 128.0, 128.0),
            ("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", 250.0, 260.0),
            ("3f2b8a4c-1d2e-4f5a-9b6c-7d8e9f0a1b2c", 122.0, 122.0),
            ("483920", 19.0, 20.0),
        ]
    )
    func estimates(_ value: String, _ low: Double, _ high: Double) {
        let bits = RelyingPartyRedirectJudge.estimatedEntropyBits(value)
        #expect(bits >= low && bits <= high, "\(value): \(bits)")
    }
}
