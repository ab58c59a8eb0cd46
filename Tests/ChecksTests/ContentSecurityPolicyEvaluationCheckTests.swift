import CSP
import CheckSupport
import HeaderChecks
import PortcullisCore
import Testing

@Suite struct ContentSecurityPolicyEvaluationCheckTests {
    typealias F = PageFixtures
    static let check = ContentSecurityPolicyEvaluationCheck(bypassLists: .empty)

    static func rules(headers: [(String, String)], html: String = F.document(body: "")) -> Set<RuleID> {
        Set(check.check(F.page(headers: [F.html] + headers, html: html)).map(\.ruleID))
    }

    @Test func weakPolicyGetsCSPEvaluatorFindings() {
        let found = Self.rules(headers: [("Content-Security-Policy", "script-src 'unsafe-inline' https:")])
        #expect(found.isSuperset(of: ["csp.script-unsafe-inline", "csp.plain-url-schemes", "csp.missing-directives"]))
    }

    @Test func selfIsItsOwnMediumRule() {
        let found = Self.rules(headers: [
            ("Content-Security-Policy", "script-src 'self'; object-src 'none'; base-uri 'none'")
        ])
        #expect(found.contains(ContentSecurityPolicyEvaluationCheck.selfAllowlistRule))
        #expect(!found.contains("csp.script-allowlist-bypass"))
    }

    @Test func strictPolicyIsClean() {
        let strict =
            "script-src 'nonce-r4nd0mR4nd0mR4nd0mR4nd0m' 'strict-dynamic' 'unsafe-inline' https:; object-src 'none'; "
            + "base-uri 'none'; require-trusted-types-for 'script'; report-uri /r"
        #expect(Self.rules(headers: [("Content-Security-Policy", strict)]).isEmpty)
    }

    @Test func reportOnlyAndMissingPoliciesAreLeftToThePresenceCheck() {
        #expect(Self.rules(headers: [("Content-Security-Policy-Report-Only", "script-src *")]).isEmpty)
        #expect(Self.rules(headers: []).isEmpty)
    }

    @Test func aProblemCountsOnlyIfEveryEnforcedPolicyAllowsIt() {
        let both = Self.rules(headers: [
            ("Content-Security-Policy", "script-src 'unsafe-inline'; object-src 'none'; base-uri 'none'"),
            ("Content-Security-Policy", "script-src 'none'"),
        ])
        #expect(!both.contains("csp.script-unsafe-inline"), "the second policy blocks inline scripts")
    }

    @Test func metaPoliciesAreEvaluated() {
        let html = F.document(body: "", head: "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src *\">")
        #expect(Self.rules(headers: [], html: html).contains("csp.plain-wildcard"))
    }

    @Test func parserNotesAreReported() {
        let duplicate = Self.rules(headers: [
            (
                "Content-Security-Policy",
                "script-src 'none'; script-src 'unsafe-inline'; object-src 'none'; base-uri 'none'"
            )
        ])
        #expect(duplicate.contains("csp.duplicate-directive"))
        #expect(!duplicate.contains("csp.script-unsafe-inline"), "the first occurrence wins")
        let html = F.document(
            body: "",
            head: "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; frame-ancestors 'none'\">"
        )
        #expect(Self.rules(headers: [], html: html).contains("csp.meta-directive-ignored"))
    }
}
