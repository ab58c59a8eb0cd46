import PortcullisCore
import Testing

@Suite struct ProfileTests {
    static let catalog: RuleCatalog = {
        let rules = [
            Rule(
                id: "headers.a",
                title: "A",
                severity: .low,
                family: .headers,
                description: "d",
                remediation: "r",
                tags: ["csp"]
            ),
            Rule(id: "headers.b", title: "B", severity: .medium, family: .headers, description: "d", remediation: "r"),
            Rule(id: "a11y.c", title: "C", severity: .high, family: .accessibility, description: "d", remediation: "r"),
        ]
        return try! RuleCatalog(rules: rules)
    }()

    @Test func selectorsPickByIdGlobFamilyAndTag() {
        let rules = Self.catalog.sorted
        func picked(_ pattern: String) -> [String] {
            rules.filter(RuleSelector(pattern).matches).map(\.id.rawValue)
        }
        #expect(picked("*").count == 3)
        #expect(picked("headers.*") == ["headers.a", "headers.b"])
        #expect(picked("family:accessibility") == ["a11y.c"])
        #expect(picked("tag:csp") == ["headers.a"])
        #expect(picked("headers.b") == ["headers.b"])
    }

    @Test func parsedProfileSelectsAndOverrides() throws {
        let profile = try Profile.parse(
            """
            name: strict
            include: ["headers.*"]
            exclude: ["headers.b"]
            severity:
              headers.a: critical
            """,
            file: "strict.yaml"
        )
        try profile.validate(against: Self.catalog)
        let a = try #require(Self.catalog["headers.a"])
        #expect(profile.selects(a))
        #expect(profile.severity(for: a) == .critical)
        #expect(!profile.selects(try #require(Self.catalog["headers.b"])))
        #expect(!profile.selects(try #require(Self.catalog["a11y.c"])))
    }

    @Test func overrideOfUnknownRuleNamesTheLine() throws {
        let profile = try Profile.parse("name: p\nseverity:\n  headers.zzz: low\n", file: "p.yaml")
        #expect {
            try profile.validate(against: Self.catalog)
        } throws: { error in
            (error as? PortcullisError)?.line == 3 && (error as? PortcullisError)?.file == "p.yaml"
        }
    }

    @Test func selectorMatchingNothingIsAnError() throws {
        let profile = try Profile.parse("name: p\ninclude: [\"tls.*\"]\n", file: "p.yaml")
        #expect(throws: PortcullisError(.invalidProfile, "")) { try profile.validate(against: Self.catalog) }
    }

    @Test func badSeverityValueIsAnError() {
        #expect(throws: PortcullisError(.invalidRuleFile, "")) {
            _ = try Profile.parse("name: p\nseverity:\n  headers.a: urgent\n", file: "p.yaml")
        }
    }
}
