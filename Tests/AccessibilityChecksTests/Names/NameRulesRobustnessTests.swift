import A11yModel
import AccessibilityChecks
import Foundation
import PortcullisCore
import Testing

/// Hostile markup through every name rule: bounded time, no crash, still judged.
@Suite struct NameRulesRobustnessTests {
    typealias F = NameRuleFixtures

    @Test func deepNestingAndLabelledbyCyclesAreBounded() {
        let nested = String(repeating: "<div><a href=/x>", count: 20_000)
        let cycle = "<span id=a aria-labelledby=b>A</span><span id=b aria-labelledby=a>B</span>"
        let many = String(repeating: "<button aria-labelledby=a></button>", count: 2_000)
        let observations = F.observations("<a href=/y></a>" + cycle + many + nested)
        #expect(observations.contains { $0.ruleID.rawValue == "a11y.link-name" && $0.outcome == .failed })
        #expect(observations.filter { $0.ruleID.rawValue == "a11y.button-name" }.count == 2_000)
    }

    @Test func manyElementsStayLinear() {
        let small = F.page(String(repeating: "<p><a href=/a>x</a><img src=a.png><input></p>", count: 1_000))
        let large = F.page(String(repeating: "<p><a href=/a>x</a><img src=a.png><input></p>", count: 8_000))
        let ratio = Linearity.ratio(NameRules.all, small: small, large: large)
        #expect(ratio < 24, "8x the elements took \(ratio)x the time")
    }
}
