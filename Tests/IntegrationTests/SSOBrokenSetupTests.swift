import DemoProviders
import Foundation
import PortcullisCore
import PortcullisHTTP
import Testing

@testable import Scanning

/// The SSO probe against the quirky relying party and the broken identity provider over loopback: the flaws neither
/// the good nor the bad setup has (an http authorization endpoint, unusable metadata and keys, weak nonce and PKCE,
/// SHA-1 and garbage SAML requests, a local login form and a redirect loop) each come out failed or needs-review,
/// with every check's outcome written down.
@Suite("SSO probe on the broken setup", .serialized, .timeLimit(.minutes(5)))
struct SSOBrokenSetupTests {
    @Test("every check's outcome on the quirky relying party's plans")
    func outcomes() async throws {
        try await withDemoSSO { zoo, client in
            let plans = zoo.sso.quirkyProviderPlans
            #expect(plans.map(\.name).sorted() == Self.expected.keys.sorted())
            for plan in plans {
                let report = await checkOutcomeTable(plan, client: client, expected: Self.expected[plan.name] ?? [:])
                // The foreign jwks_uri is reported, never fetched: no evidence shows a request to keys.invalid.
                for observation in report.observations {
                    let summary = observation.evidence.summary
                    #expect(!summary.contains("GET https://keys.invalid"), "\(observation.ruleID.rawValue)")
                }
            }
        }
    }

    /// The flaw each listed rule must catch, per plan: failed, or needs-review where the judge cannot decide.
    @Test(
        "each flaw of the broken setup is caught",
        arguments: [
            ("quirky-rp", "sso.idp.endpoint-not-https", Observation.Outcome.failed),
            ("quirky-rp", "sso.idp.endpoint-query-or-fragment", .failed),
            ("quirky-rp", "sso.idp.endpoint-foreign-host", .needsReview),
            ("quirky-rp", "sso.idp.jwks-unavailable", .needsReview),
            ("quirky-rp", "sso.idp.pkce-s256-missing", .failed),
            ("quirky-rp", "sso.idp.unknown-client-redirects", .failed),
            ("quirky-rp", "sso.idp.error-without-state", .failed),
            ("quirky-rp", "sso.idp.error-without-iss", .failed),
            ("quirky-rp", "sso.idp.login-page-frameable", .failed),
            ("quirky-rp", "sso.rp.authorization-endpoint-not-https", .failed),
            ("quirky-rp", "sso.rp.nonce-weak", .failed),
            ("quirky-rp", "sso.rp.nonce-reused", .failed),
            ("quirky-rp", "sso.rp.pkce-not-s256", .failed),
            ("quirky-rp", "sso.rp.pkce-malformed", .failed),
            ("quirky-rp", "sso.rp.pkce-reused", .failed),
            ("quirky-rp", "sso.rp.redirect-uri-fragment", .failed),
            ("quirky-rp", "sso.rp.redirect-uri-unregistered", .failed),
            ("quirky-rp", "sso.rp.par-not-used", .failed),
            ("quirky-rp", "sso.saml.sha1-signature", .failed),
            ("quirky-rp", "sso.saml.request-unparseable", .failed),
            ("quirky-rp-not-json", "sso.idp.discovery-unavailable", .failed),
            ("quirky-rp-no-keys", "sso.idp.jwks-unavailable", .failed),
        ]
    )
    func flawCaught(plan name: String, rule: String, outcome: Observation.Outcome) async throws {
        try #require(Self.expected[name]?[rule]?[outcome] != nil, "\(name) \(rule) is not \(outcome) in the table")
    }

    @Test("a local login form and a redirect loop are clear RP-01 findings, never a crash or a hang")
    func badEntryPages() async throws {
        try await withDemoSSO { zoo, client in
            let quirky = zoo.sso.quirkyRelyingParty
            for (path, reason) in [("login-form", "password field"), ("loop", "no response")] {
                let plan = ProviderPlan(
                    name: "quirky-rp",
                    entryURLs: [quirky],
                    sso: SSOPolicy(
                        protectedURLs: [quirky.appending(path: path)],
                        issuer: zoo.sso.brokenIdentityProvider
                    )
                )
                let clock = ContinuousClock()
                let start = clock.now
                let observations = await SSOHostProbe(client: client, provider: plan).run()
                #expect(clock.now - start < .seconds(30), "\(path)")
                let redirect = observations.filter { $0.ruleID.rawValue == "sso.rp.no-login-redirect" }
                #expect(redirect.map(\.outcome) == [.needsReview], "\(path)")
                #expect(redirect.first?.evidence.summary.contains(reason) == true, "\(path)")
                #expect(redirect.first?.evidence.summary.contains("GET https://") == true, "\(path)")
                #expect(!observations.contains { $0.ruleID.rawValue.hasPrefix("sso.rp.state") }, "\(path)")
            }
        }
    }

    static let expected: [String: [String: [Observation.Outcome: Int]]] = [
        "quirky-rp": [
            "sso.idp.alg-none": [.passed: 1],
            "sso.idp.discovery-unavailable": [.passed: 1],
            "sso.idp.endpoint-foreign-host": [.needsReview: 1],
            "sso.idp.endpoint-not-https": [.failed: 1],
            "sso.idp.endpoint-query-or-fragment": [.failed: 1],
            "sso.idp.error-without-iss": [.failed: 1],
            "sso.idp.error-without-state": [.failed: 1],
            "sso.idp.iss-parameter-unsupported": [.failed: 1],
            "sso.idp.issuer-mismatch": [.passed: 1],
            "sso.idp.jwks-private-key": [.inapplicable: 1],
            "sso.idp.jwks-unavailable": [.needsReview: 1],
            "sso.idp.jwks-weak-key": [.inapplicable: 1],
            "sso.idp.login-page-frameable": [.failed: 1],
            "sso.idp.password-grant": [.passed: 1],
            "sso.idp.pkce-plain-accepted": [.failed: 1],
            "sso.idp.pkce-plain-advertised": [.passed: 1],
            "sso.idp.pkce-s256-missing": [.failed: 1],
            "sso.idp.redirect-uri-tampering": [.needsReview: 15],
            "sso.idp.token-response-type-accepted": [.passed: 1],
            "sso.idp.token-response-types": [.passed: 1],
            "sso.idp.unknown-client-redirects": [.failed: 1],
            "sso.rp.authorization-endpoint-not-https": [.failed: 1],
            "sso.rp.callback-accepts-forged-state": [.passed: 1],
            "sso.rp.callback-accepts-missing-state": [.passed: 1],
            "sso.rp.callback-referrer-policy": [.passed: 1],
            "sso.rp.callback-reflects-error": [.passed: 1],
            "sso.rp.implicit-or-hybrid-flow": [.passed: 1],
            "sso.rp.mix-up-not-detected": [.needsReview: 1],
            "sso.rp.no-login-redirect": [.needsReview: 2, .passed: 1],
            "sso.rp.nonce-missing": [.passed: 1],
            "sso.rp.nonce-reused": [.failed: 1],
            "sso.rp.nonce-weak": [.failed: 1],
            "sso.rp.open-redirect": [.passed: 13],
            "sso.rp.par-not-used": [.failed: 1],
            "sso.rp.pkce-malformed": [.failed: 1],
            "sso.rp.pkce-missing": [.passed: 1],
            "sso.rp.pkce-not-s256": [.failed: 1],
            "sso.rp.pkce-reused": [.failed: 1],
            "sso.rp.redirect-uri-foreign-origin": [.passed: 1],
            "sso.rp.redirect-uri-fragment": [.failed: 1],
            "sso.rp.redirect-uri-not-https": [.passed: 1],
            "sso.rp.redirect-uri-unregistered": [.failed: 1],
            "sso.rp.secret-in-url": [.passed: 1],
            "sso.rp.state-cookie-insecure": [.needsReview: 1],
            "sso.rp.state-missing": [.passed: 1],
            "sso.rp.state-reused": [.passed: 1],
            "sso.rp.state-weak": [.passed: 1],
            "sso.saml.acs-foreign-origin": [.passed: 1],
            "sso.saml.acs-not-https": [.passed: 1],
            "sso.saml.destination-mismatch": [.passed: 1],
            "sso.saml.relay-state-unsafe": [.passed: 1],
            "sso.saml.request-unparseable": [.failed: 1, .passed: 1],
            "sso.saml.request-unsigned": [.passed: 1],
            "sso.saml.sha1-signature": [.failed: 1],
        ],
        "quirky-rp-not-json": [
            "sso.idp.discovery-unavailable": [.failed: 1],
            "sso.idp.error-without-iss": [.failed: 1],
            "sso.idp.error-without-state": [.failed: 1],
            "sso.idp.login-page-frameable": [.failed: 1],
            "sso.idp.pkce-plain-accepted": [.failed: 1],
            "sso.idp.redirect-uri-tampering": [.needsReview: 15],
            "sso.idp.token-response-type-accepted": [.passed: 1],
            "sso.idp.unknown-client-redirects": [.failed: 1],
            "sso.rp.authorization-endpoint-not-https": [.failed: 1],
            "sso.rp.callback-accepts-forged-state": [.passed: 1],
            "sso.rp.callback-accepts-missing-state": [.passed: 1],
            "sso.rp.callback-referrer-policy": [.passed: 1],
            "sso.rp.callback-reflects-error": [.passed: 1],
            "sso.rp.implicit-or-hybrid-flow": [.passed: 1],
            "sso.rp.mix-up-not-detected": [.needsReview: 1],
            "sso.rp.no-login-redirect": [.failed: 1],
            "sso.rp.nonce-missing": [.passed: 1],
            "sso.rp.nonce-reused": [.failed: 1],
            "sso.rp.nonce-weak": [.failed: 1],
            "sso.rp.open-redirect": [.passed: 13],
            "sso.rp.par-not-used": [.failed: 1],
            "sso.rp.pkce-malformed": [.failed: 1],
            "sso.rp.pkce-missing": [.passed: 1],
            "sso.rp.pkce-not-s256": [.failed: 1],
            "sso.rp.pkce-reused": [.failed: 1],
            "sso.rp.redirect-uri-foreign-origin": [.passed: 1],
            "sso.rp.redirect-uri-fragment": [.failed: 1],
            "sso.rp.redirect-uri-not-https": [.passed: 1],
            "sso.rp.redirect-uri-unregistered": [.failed: 1],
            "sso.rp.secret-in-url": [.passed: 1],
            "sso.rp.state-cookie-insecure": [.needsReview: 1],
            "sso.rp.state-missing": [.passed: 1],
            "sso.rp.state-reused": [.passed: 1],
            "sso.rp.state-weak": [.passed: 1],
        ],
        "quirky-rp-no-keys": [
            "sso.idp.alg-none": [.passed: 1],
            "sso.idp.discovery-unavailable": [.passed: 1],
            "sso.idp.endpoint-foreign-host": [.passed: 1],
            "sso.idp.endpoint-not-https": [.failed: 1],
            "sso.idp.endpoint-query-or-fragment": [.passed: 1],
            "sso.idp.error-without-iss": [.failed: 1],
            "sso.idp.error-without-state": [.failed: 1],
            "sso.idp.iss-parameter-unsupported": [.passed: 1],
            "sso.idp.issuer-mismatch": [.passed: 1],
            "sso.idp.jwks-private-key": [.inapplicable: 1],
            "sso.idp.jwks-unavailable": [.failed: 1],
            "sso.idp.jwks-weak-key": [.inapplicable: 1],
            "sso.idp.login-page-frameable": [.failed: 1],
            "sso.idp.password-grant": [.passed: 1],
            "sso.idp.pkce-plain-accepted": [.failed: 1],
            "sso.idp.pkce-plain-advertised": [.passed: 1],
            "sso.idp.pkce-s256-missing": [.passed: 1],
            "sso.idp.redirect-uri-tampering": [.needsReview: 15],
            "sso.idp.token-response-type-accepted": [.passed: 1],
            "sso.idp.token-response-types": [.passed: 1],
            "sso.idp.unknown-client-redirects": [.failed: 1],
            "sso.rp.authorization-endpoint-not-https": [.failed: 1],
            "sso.rp.callback-accepts-forged-state": [.passed: 1],
            "sso.rp.callback-accepts-missing-state": [.passed: 1],
            "sso.rp.callback-referrer-policy": [.passed: 1],
            "sso.rp.callback-reflects-error": [.passed: 1],
            "sso.rp.implicit-or-hybrid-flow": [.passed: 1],
            "sso.rp.mix-up-not-detected": [.needsReview: 1],
            "sso.rp.no-login-redirect": [.passed: 1],
            "sso.rp.nonce-missing": [.passed: 1],
            "sso.rp.nonce-reused": [.failed: 1],
            "sso.rp.nonce-weak": [.failed: 1],
            "sso.rp.open-redirect": [.passed: 13],
            "sso.rp.par-not-used": [.failed: 1],
            "sso.rp.pkce-malformed": [.failed: 1],
            "sso.rp.pkce-missing": [.passed: 1],
            "sso.rp.pkce-not-s256": [.failed: 1],
            "sso.rp.pkce-reused": [.failed: 1],
            "sso.rp.redirect-uri-foreign-origin": [.passed: 1],
            "sso.rp.redirect-uri-fragment": [.failed: 1],
            "sso.rp.redirect-uri-not-https": [.passed: 1],
            "sso.rp.redirect-uri-unregistered": [.failed: 1],
            "sso.rp.secret-in-url": [.passed: 1],
            "sso.rp.state-cookie-insecure": [.needsReview: 1],
            "sso.rp.state-missing": [.passed: 1],
            "sso.rp.state-reused": [.passed: 1],
            "sso.rp.state-weak": [.passed: 1],
        ],
    ]
}
