import Foundation
import PortcullisCore
import TestSupport
import Testing

/// Suppression files: what they cover, and every malformed entry named by file and line.
@Suite struct SuppressionTests {
    static func write(_ text: String) throws -> String {
        let directory = try TestPaths.temporaryDirectory()
        let file = directory.appendingPathComponent("suppressions.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func readsAListOrAMappingAndCoversRulesAndURLs() throws {
        let list = try Suppression.load(
            file: try Self.write(
                """
                - rule: a11y.image-alt
                  selector: header img.logo
                  reason: The logo is named by the link around it
                - rule: headers.*
                  url: '^https://legacy\\.example/'
                  reason: Legacy host, retired in Q3
                """
            )
        )
        #expect(list.count == 2)
        #expect(list[0].covers(RuleID("a11y.image-alt")))
        #expect(!list[0].covers(RuleID("a11y.image-alt-extra")))
        #expect(list[0].namesElements)
        #expect(list[0].label.hasPrefix("The logo is named by the link around it (suppressions.yaml:1)"))
        #expect(list[1].covers(RuleID("headers.csp-missing")))
        #expect(list[1].covers(url: URL(string: "https://legacy.example/a")!))
        #expect(!list[1].covers(url: URL(string: "https://new.example/")!))
        let mapped = try Suppression.load(
            file: try Self.write("suppressions:\n  - rule: tls.cert.no-sct\n    reason: private CA\n")
        )
        #expect(mapped.map(\.rule) == ["tls.cert.no-sct"])
    }

    @Test(arguments: [
        ("- rule: a11y.image-alt\n", 1, "missing required key 'reason'"),
        ("- rule: A11Y\n  reason: x\n", 1, "'rule' must be a rule id"),
        ("- rule: a\n  selector: img\n  xpath: //img\n  reason: x\n", 1, "either 'selector' or 'xpath'"),
        ("- rule: a\n  url: '('\n  reason: x\n", 2, "not a valid regular expression"),
        ("- rule: a\n  reasons: x\n", 2, "unknown key 'reasons'"),
        ("rule: a\n", 1, "unknown key 'rule'"),
    ])
    func malformedEntriesNameFileAndLine(text: String, line: Int, message: String) throws {
        let file = try Self.write(text)
        do {
            _ = try Suppression.load(file: file)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.reason.contains(message), "\(error)")
        }
    }
}
