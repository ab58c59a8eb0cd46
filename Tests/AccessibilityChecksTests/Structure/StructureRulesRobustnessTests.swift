import A11yModel
import AccessibilityChecks
import Foundation
import PortcullisCore
import Testing

/// Hostile and large markup through every structure rule: bounded time and memory, no crash, still judged.
@Suite struct StructureRulesRobustnessTests {
    typealias F = StructureFixtures

    static func allObservations(_ page: A11yPage) -> [Observation] {
        StructureRules.all.flatMap { $0.evaluate(page, at: F.url) }
    }

    @Test func deepNestingIsBounded() {
        // libxml2 stops at 256 levels (what lies deeper is dropped): the rules still judge what is inside and
        // the 100,000 levels of input stay bounded.
        let inside = String(repeating: "<nav><div>", count: 100) + "<main><header>x</header><li>a</li></main>"
        let nested = inside + String(repeating: "<div>", count: 100_000)
        let observations = Self.allObservations(F.page(nested))
        #expect(
            observations.contains { $0.ruleID.rawValue == "a11y.landmark-main-is-top-level" && $0.outcome == .failed }
        )
        #expect(observations.contains { $0.ruleID.rawValue == "a11y.listitem" && $0.outcome == .failed })
    }

    @Test func hostileSpansAreCapped() {
        let row = "<tr><th colspan=1000 rowspan=65534>h</th><td colspan=1000>x</td></tr>"
        let body = "<table>" + String(repeating: row, count: 2_000) + "</table>"
        let start = Date()
        let observations = Self.allObservations(F.page(body))
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(observations.contains { $0.ruleID.rawValue == "a11y.th-has-data-cells" })
    }

    @Test func tallTablesStayLinear() {
        func table(rows: Int) -> A11yPage {
            let header = "<tr><th>A</th><th>B</th><th>C</th><th>D</th></tr>"
            let row = "<tr><td>1</td><td>2</td><td>3</td><td>4</td></tr>"
            return F.page("<main><table>" + header + String(repeating: row, count: rows) + "</table></main>")
        }
        let small = table(rows: 500)
        let large = table(rows: 4_000)
        let ratio = Linearity.ratio(StructureRules.all, small: small, large: large)
        #expect(ratio < 24, "8x the rows took \(ratio)x the time")
        let outcomes = Self.allObservations(large).filter {
            ["a11y.td-has-header", "a11y.th-has-data-cells"].contains($0.ruleID.rawValue)
        }
        #expect(!outcomes.isEmpty && outcomes.allSatisfy { $0.outcome == .passed })
    }

    @Test func manyLandmarksAndItemsStayLinear() {
        func page(_ count: Int) -> A11yPage {
            F.page(String(repeating: "<nav aria-label=n>x</nav><div><li>a</li><dd>b</dd></div><p>t</p>", count: count))
        }
        let small = page(500)
        let large = page(4_000)
        let ratio = Linearity.ratio(StructureRules.all, small: small, large: large)
        #expect(ratio < 24, "8x the elements took \(ratio)x the time")
        let unique = Self.allObservations(large).filter { $0.ruleID.rawValue == "a11y.landmark-unique" }
        #expect(unique.count == 1 && unique.first?.outcome == .failed)
    }
}
