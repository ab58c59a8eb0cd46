import Foundation
import PortcullisCore
import SSOChecks
import TestSupport
import Testing

@Suite("sso-rp rule catalog")
struct SSORuleCatalogTests {
    @Test("every relying-party and SAML rule id has a catalog entry, and every entry a check")
    func catalogMatchesCode() throws {
        let url = TestPaths.rules.appendingPathComponent("sso-rp.yaml")
        let rules = try RuleCatalog.parse(String(contentsOf: url, encoding: .utf8), file: "sso-rp.yaml")
        let catalog = Set(rules.map(\.id))
        let emitted = Set(RelyingPartyRules.all + SAMLRules.all)
        #expect(catalog == emitted)
        #expect(rules.count == emitted.count)
    }
}
