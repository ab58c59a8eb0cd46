import Foundation
import PortcullisCore
import Testing

@Suite struct RuleEngineTests {
    static let catalog = ProfileTests.catalog
    static let allIDs: Set<RuleID> = ["headers.a", "headers.b", "a11y.c"]

    @Test func refusesChecksEmittingUnknownIds() {
        #expect {
            _ = try RuleEngine(
                catalog: Self.catalog,
                profile: .default,
                checkRules: Self.allIDs.union(["headers.ghost"])
            )
        } throws: { error in
            (error as? PortcullisError)?.code == .catalogMismatch
                && (error as? PortcullisError)?.reason.contains("headers.ghost") == true
        }
    }

    @Test func refusesRulesWithoutACheck() {
        #expect {
            _ = try RuleEngine(catalog: Self.catalog, profile: .default, checkRules: ["headers.a", "headers.b"])
        } throws: { error in
            (error as? PortcullisError)?.reason.contains("a11y.c") == true
        }
    }

    static func observations() -> [Observation] {
        let page1 = URL(string: "https://p.example/item/1?access_token=SECRET123")!
        let page2 = URL(string: "https://p.example/item/2")!
        return [
            .failed("headers.a", at: page1, "missing"),
            .failed("headers.a", at: page2, "missing"),
            .failed(
                "a11y.c",
                at: page1,
                element: "img:nth-of-type(1)",
                "no alt",
                snippet: "<img src=\"x?token=abc\">",
                key: "/item/{id} img"
            ),
            .failed("a11y.c", at: page2, element: "img:nth-of-type(2)", "no alt", key: "/item/{id} img2"),
            .passed("headers.b", at: page1, "fine"),
            .failed("headers.b", at: URL(string: "https://other.example/")!, "bad"),
        ]
    }

    @Test func aggregatesPerRuleOriginAndKey() throws {
        let engine = try RuleEngine(catalog: Self.catalog, profile: .default, checkRules: Self.allIDs)
        let findings = engine.findings(from: Self.observations())
        #expect(findings.count == 4)
        let headerA = try #require(findings.first { $0.ruleID == "headers.a" })
        #expect(headerA.locations.count == 2)
        #expect(headerA.origin == "https://p.example")
        #expect(findings.map(\.severity) == findings.map(\.severity).sorted(by: >))
    }

    @Test func masksSecretsInEvidence() throws {
        let engine = try RuleEngine(catalog: Self.catalog, profile: .default, checkRules: Self.allIDs)
        let findings = engine.findings(from: Self.observations())
        let rendered = findings.flatMap { $0.locations.map { "\($0.url) \($0.snippet ?? "")" } }.joined()
        #expect(!rendered.contains("SECRET123"))
        #expect(!rendered.contains("token=abc"))
        #expect(rendered.contains("access_token=****"))
    }

    @Test func fingerprintsAreDeterministicAndDistinct() throws {
        let engine = try RuleEngine(catalog: Self.catalog, profile: .default, checkRules: Self.allIDs)
        let first = engine.findings(from: Self.observations()).map(\.fingerprint)
        let second = engine.findings(from: Self.observations().reversed()).map(\.fingerprint)
        #expect(first == second)
        #expect(Set(first).count == first.count)
        #expect(first.allSatisfy { $0.count == 32 })
        // Pinned: a changed recipe would silently break every stored baseline and waiver.
        #expect(
            Fingerprint.make(ruleID: "headers.a", origin: "https://p.example", key: "")
                == "74efd044b971b3618bc53cf4002b7e42"
        )
    }

    @Test func profileDropsAndRescoresFindings() throws {
        let profile = Profile(
            name: "p",
            include: [RuleSelector("headers.*")],
            severityOverrides: ["headers.a": .critical]
        )
        let engine = try RuleEngine(catalog: Self.catalog, profile: profile, checkRules: Self.allIDs)
        let findings = engine.findings(from: Self.observations())
        #expect(!findings.contains { $0.family == .accessibility })
        #expect(findings.first?.ruleID == "headers.a")
        #expect(findings.first?.severity == .critical)
        #expect(engine.activeRules.map(\.id) == ["headers.a", "headers.b"])
    }

    @Test func pathTemplatesHideVolatileSegments() {
        #expect(Fingerprint.pathTemplate(of: URL(string: "https://x/item/123/edit")!) == "/item/{id}/edit")
        #expect(
            Fingerprint.pathTemplate(of: URL(string: "https://x/u/3f2a9c1e-7b4d-4e11-9a2b-0c5d6e7f8a9b")!) == "/u/{id}"
        )
        #expect(Fingerprint.pathTemplate(of: URL(string: "https://x/about")!) == "/about")
        #expect(Fingerprint.pathTemplate(of: URL(string: "https://x")!) == "/")
    }
}

@Suite struct SecretMaskerTests {
    @Test(arguments: [
        ("Authorization", "Bearer abc.def", "Bearer ****"),
        ("Cookie", "a=1; sid=xyz", "a=****; sid=****"),
        ("Set-Cookie", "SESSIONID=abc123; Path=/; HttpOnly", "SESSIONID=****; Path=/; HttpOnly"),
        ("X-Api-Key", "k", "****"),
        ("Location", "https://x/cb?code=abc&state=s", "https://x/cb?code=****&state=s"),
    ])
    func masksHeaderValues(name: String, value: String, expected: String) {
        #expect(SecretMasker.maskHeader(name: name, value: value) == expected)
    }

    @Test func leavesOrdinaryTextAlone() {
        let text = "https://x/search?q=code&page=2 and a=b"
        #expect(SecretMasker.maskParameters(in: text) == text)
        #expect(SecretMasker.maskParameters(in: "#id_token=eyJ&x=1") == "#id_token=****&x=1")
    }

    @Test func severitiesOrder() {
        #expect(Severity.allCases.sorted() == [.info, .low, .medium, .high, .critical])
        #expect(Severity.high >= .medium)
    }
}
