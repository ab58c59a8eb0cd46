import Foundation
import PortcullisCore
import TestSupport
import Testing

@Suite struct RuleCatalogTests {
    static let validFile = """
        family: headers
        rules:
          - id: headers.example-rule
            title: An example
            severity: high
            description: What it is.
            remediation: How to fix it.
            references:
              - cwe: CWE-693
              - rfc: RFC 6797
              - url: https://example.test/
            tags: [a, b]
        """

    @Test func parsesEveryField() throws {
        let rules = try RuleCatalog.parse(Self.validFile, file: "x.yaml")
        let rule = try #require(rules.first)
        #expect(rule.id == "headers.example-rule")
        #expect(rule.severity == .high)
        #expect(rule.family == .headers)
        #expect(rule.tags == ["a", "b"])
        #expect(rule.references.map(\.kind) == [.cwe, .rfc, .url])
        #expect(rule.references[0].url == "https://cwe.mitre.org/data/definitions/693.html")
        #expect(rule.references[1].url == "https://www.rfc-editor.org/rfc/rfc6797")
        #expect(rule.source == "x.yaml:3")
    }

    @Test(arguments: [
        (
            "family: headers\nrules:\n  - id: headers.a\n    title: t\n    severity: severe\n    description: d\n    remediation: r\n",
            5, "unknown severity 'severe'"
        ),
        (
            "family: headers\nrules:\n  - id: headers.a\n    severity: low\n    description: d\n    remediation: r\n",
            3, "missing required key 'title'"
        ),
        ("family: nope\nrules: []\n", 1, "unknown family 'nope'"),
        (
            "family: headers\nrules:\n  - id: Bad Id\n    title: t\n    severity: low\n    description: d\n    remediation: r\n",
            3, "is not of the form"
        ),
        (
            "family: headers\nrules:\n  - id: headers.a\n    title: t\n    severty: low\n    description: d\n    remediation: r\n",
            5, "unknown key 'severty'"
        ),
        ("family: headers\nrules:\n  - id: headers.a\n    title: [unclosed\n", 5, "YAML syntax error"),
        (
            "family: headers\nrules:\n  - id: headers.a\n    title: t\n    severity: low\n    description: d\n    remediation: r\n    references:\n      - isbn: 123\n",
            9, "unknown reference kind 'isbn'"
        ),
        ("", 1, "empty"),
    ])
    func malformedFilesNameFileLineAndProblem(text: String, line: Int, message: String) {
        #expect {
            _ = try RuleCatalog.parse(text, file: "bad.yaml")
        } throws: { error in
            guard let error = error as? PortcullisError else { return false }
            return error.file == "bad.yaml" && error.line == line && error.reason.contains(message)
        }
    }

    @Test func duplicateIdsAreRejected() throws {
        let rules = try RuleCatalog.parse(Self.validFile, file: "x.yaml")
        #expect(throws: PortcullisError(.invalidRuleFile, "")) {
            _ = try RuleCatalog(rules: rules + rules)
        }
    }

    @Test func shippedCatalogLoads() throws {
        let catalog = try RuleCatalog.load(directory: TestPaths.rules)
        #expect(catalog.rules.count >= 7)
        for rule in catalog.sorted {
            #expect(!rule.description.isEmpty && !rule.remediation.isEmpty && !rule.references.isEmpty, "\(rule.id)")
            #expect(rule.id.rawValue.hasPrefix(rule.family == .accessibility ? "a11y." : "\(rule.family.rawValue)."))
        }
    }

    @Test func shippedProfilesAreValid() throws {
        let catalog = try RuleCatalog.load(directory: TestPaths.rules)
        let directory = RulesDirectory.profiles(in: TestPaths.rules)
        let names = try Profile.available(in: directory)
        #expect(names.contains("onboarding"))
        for name in names {
            let profile = try Profile.load(name, profilesDirectory: directory)
            try profile.validate(against: catalog)
        }
    }
}
