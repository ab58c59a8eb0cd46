import CSP
import CheckSupport
import HeaderChecks
import PortcullisCore
import Testing

@Suite struct HeaderChecksTests {
    typealias F = PageFixtures

    @Test(arguments: [
        ([F.html, ("Content-Security-Policy", "default-src 'self'")], Observation.Outcome.passed),
        ([F.html], .failed),
        ([F.html, ("Content-Security-Policy-Report-Only", "default-src 'self'")], .failed),
        ([F.html, ("Content-Security-Policy", "  ")], .failed),
    ])
    func cspPresence(headers: [(String, String)], expected: Observation.Outcome) {
        let observations = ContentSecurityPolicyPresenceCheck().check(F.page(headers: headers))
        #expect(observations.outcomes(HeaderRules.cspMissing) == [expected])
    }

    @Test func metaPolicyCountsAsEnforced() {
        let html = F.document(
            body: "",
            head: "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\"><title>x</title>"
        )
        let observations = ContentSecurityPolicyPresenceCheck().check(F.page(headers: [F.html], html: html))
        #expect(observations.outcomes(HeaderRules.cspMissing) == [.passed])
    }

    @Test func cspIsNotRequiredOnNonHTML() {
        let page = F.page(headers: [("Content-Type", "application/json")], html: "{}")
        #expect(ContentSecurityPolicyPresenceCheck().check(page).isEmpty)
        #expect(AntiFramingCheck().check(page).isEmpty)
    }

    @Test func hstsOnlyCountsOverHTTPS() {
        let check = StrictTransportSecurityPresenceCheck()
        #expect(check.check(F.page(headers: [F.html])).outcomes(HeaderRules.hstsMissing) == [.failed])
        #expect(check.check(F.page(url: "http://provider.test/", headers: [F.html])).isEmpty)
        let withHSTS = F.page(headers: [F.html, ("strict-transport-security", "max-age=31536000")])
        #expect(check.check(withHSTS).outcomes(HeaderRules.hstsMissing) == [.passed])
    }

    @Test(arguments: [
        ("nosniff", Observation.Outcome.passed),
        ("NoSniff ", .passed),
        ("nosniff, foo", .passed),
        ("sniff", .failed),
        ("", .failed),
        (", nosniff", .failed),
    ])
    func nosniffFollowsFetch(value: String, expected: Observation.Outcome) {
        let page = F.page(headers: [F.html, ("X-Content-Type-Options", value)])
        #expect(NosniffCheck().check(page).outcomes(HeaderRules.nosniffMissing) == [expected])
    }

    @Test func nosniffMissing() {
        #expect(NosniffCheck().check(F.page(headers: [F.html])).outcomes(HeaderRules.nosniffMissing) == [.failed])
    }

    @Test(arguments: [
        (["DENY"], Observation.Outcome.passed),
        (["sameorigin"], .passed),
        (["DENY, SAMEORIGIN"], .passed),
        (["DENY", "DENY"], .passed),
        (["ALLOW-FROM https://a.test"], .failed),
        (["ALLOWALL"], .failed),
        (["allow-from a, allow-from b"], .failed),
        (["ALLOWALL, DENY"], .passed),
        ([], .failed),
    ])
    func xFrameOptionsAsHTMLReadsIt(values: [String], expected: Observation.Outcome) {
        let page = F.page(headers: [F.html] + values.map { ("X-Frame-Options", $0) })
        #expect(AntiFramingCheck().check(page).outcomes(HeaderRules.antiFramingMissing) == [expected])
    }

    @Test func frameAncestorsInHeaderPolicyProtects() {
        let page = F.page(headers: [F.html, ("Content-Security-Policy", "default-src 'self'; FRAME-ANCESTORS 'none'")])
        #expect(AntiFramingCheck().check(page).outcomes(HeaderRules.antiFramingMissing) == [.passed])
    }

    @Test func frameAncestorsInMetaDoesNotProtect() {
        let html = F.document(
            body: "",
            head: "<meta http-equiv=\"Content-Security-Policy\" content=\"frame-ancestors 'none'\">"
        )
        let page = F.page(headers: [F.html], html: html)
        #expect(AntiFramingCheck().check(page).outcomes(HeaderRules.antiFramingMissing) == [.failed])
    }

    @Test func localFilesGetNoHeaderChecks() {
        let page = F.page(url: "file:///tmp/index.html", headers: [])
        for check in HeaderChecks.all(bypassLists: .empty) {
            #expect(check.check(page).isEmpty)
        }
    }
}
