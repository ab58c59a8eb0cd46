import AccessibilityChecks
import Foundation
import PortcullisCore
import TestSupport
import Testing

/// Every W3C ACT test case of the corpus through the accessibility rules; prints the implementation report (per
/// ACT rule: agree, disagree, can't tell, W3C consistency). `PORTCULLIS_ACT_RULES=id,id` limits the run.
@Suite struct ACTConformanceTests {
    static let corpus = TestPaths.shared.appendingPathComponent("corpora/act")

    @Test func actImplementationReport() throws {
        let catalog = try RuleCatalog.load(directory: TestPaths.rules)
        let runner = ACTRunner(catalog: catalog, rules: AccessibilityRuleSet.all)
        var cases = try ACTCase.load(corpus: Self.corpus)
        if let only = ProcessInfo.processInfo.environment["PORTCULLIS_ACT_RULES"] {
            let wanted = Set(only.split(separator: ",").map(String.init))
            cases = cases.filter { wanted.contains($0.ruleId) }
        }
        let report = ACTReport(cases.map { runner.run($0, corpus: Self.corpus) })
        print(report.markdown)
        for result in report.results where result.outcome != nil && !result.agrees {
            print(
                "  \(result.testCase.ruleId) \(result.testCase.testcaseTitle) expected \(result.testCase.expected), "
                    + "got \(result.outcome?.rawValue ?? "-") — \(result.testCase.file)"
            )
        }
        #expect(!cases.isEmpty, "the corpus index lists cases")
        guard ProcessInfo.processInfo.environment["PORTCULLIS_ACT_RULES"] == nil else { return }
        // The issue's bar: at least 97 % agreement (axe-core: 95.7 %), false failures on at most 1 % of cases, and
        // what markup cannot decide reported as can't tell, never guessed: no wrong answer at all.
        #expect(report.lines.allSatisfy { $0.consistency != .untested }, "every ACT rule of the corpus is implemented")
        #expect(Double(report.agreeing) >= 0.97 * Double(report.total), "\(report.agreeing) of \(report.total)")
        #expect(Double(report.falselyFailed) <= 0.01 * Double(report.total))
        let wrong = report.lines.reduce(0) { $0 + $1.disagree }
        #expect(wrong == 0, "cases answered wrongly instead of can't tell")
    }
}
