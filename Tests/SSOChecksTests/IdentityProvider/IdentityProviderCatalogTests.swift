import Foundation
import PortcullisCore
import SSOChecks
import TestSupport
import Testing

@Suite("Identity provider rule catalog")
struct IdentityProviderCatalogTests {
    @Test("Rules/sso-idp.yaml describes exactly the rule ids the judges emit")
    func catalogMatchesCode() throws {
        let file = TestPaths.rules.appendingPathComponent("sso-idp.yaml")
        let rules = try RuleCatalog.parse(String(contentsOf: file, encoding: .utf8), file: file.path)
        #expect(Set(rules.map(\.id)) == Set(IdentityProviderRule.all))
        #expect(rules.count == IdentityProviderRule.all.count)
        #expect(rules.allSatisfy { $0.family == .sso && $0.id.rawValue.hasPrefix("sso.idp.") })
        #expect(rules.allSatisfy { !$0.references.isEmpty })
        let critical = Set(rules.filter { $0.severity == .critical }.map(\.id))
        #expect(
            critical == [
                IdentityProviderRule.redirectURITampering, IdentityProviderRule.algNone,
                IdentityProviderRule.jwksPrivateKey,
            ]
        )
    }
}
