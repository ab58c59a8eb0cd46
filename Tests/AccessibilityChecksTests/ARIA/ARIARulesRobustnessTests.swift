import A11yModel
import AccessibilityChecks
import Foundation
import PortcullisCore
import PortcullisHTML
import Testing

/// Hostile and large markup through every ARIA rule: bounded time and memory, no crash, still judged.
@Suite struct ARIARulesRobustnessTests {
    typealias F = ARIAFixtures

    static func allObservations(_ page: A11yPage) -> [Observation] {
        ARIARules.all.flatMap { $0.evaluate(page, at: F.url) }
    }

    @Test func deepNestingIsBounded() {
        let inside = "<div role=list><span>x</span></div><div aria-hidden=true><a href=/>l</a></div>"
        let nested = inside + String(repeating: "<div role=none aria-owns=a>", count: 100_000)
        let observations = Self.allObservations(F.page(nested))
        #expect(observations.contains { $0.ruleID.rawValue == "a11y.aria-required-children" && $0.outcome == .failed })
        #expect(observations.contains { $0.ruleID.rawValue == "a11y.aria-hidden-focus" && $0.outcome == .failed })
    }

    @Test func ariaOwnsCyclesEnd() {
        let body =
            "<div role=menu><div id=a role=group aria-owns=b></div></div><div id=b role=group aria-owns=a></div>"
            + "<div role=list aria-owns=c></div><div id=c role=none aria-owns=d></div><div id=d role=none aria-owns=c>"
            + "</div><div id=e role=listitem aria-owns=f></div><div id=f role=listitem aria-owns=e></div>"
        let observations = Self.allObservations(F.page(body))
        #expect(observations.contains { $0.ruleID.rawValue == "a11y.aria-required-parent" })
        #expect(observations.contains { $0.ruleID.rawValue == "a11y.aria-required-children" })
    }

    @Test func idReferencedThousandsOfTimes() {
        let body =
            "<span id=l>Name</span><span id=l>Dup</span>"
            + String(repeating: "<input aria-labelledby='l l l' aria-describedby=l aria-owns=l>", count: 5_000)
        let start = Date()
        let failures = Self.allObservations(F.page(body)).filter {
            $0.ruleID.rawValue == "a11y.duplicate-id-aria" && $0.outcome == .failed
        }
        #expect(failures.count == 1)
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test func manyElementsStayLinear() {
        func page(_ count: Int) -> A11yPage {
            let unit =
                "<div role=list><div role=listitem aria-level=2>a</div></div><button aria-pressed=true>b</button>"
                + "<div aria-hidden=true><span tabindex=0>c</span></div><span role=lnik aria-labeledby=x>d</span>"
                + "<table><tr aria-level=1><td>e</td></tr></table><img src=a alt='' role=none>"
            return F.page(String(repeating: unit, count: count))
        }
        let small = page(250)
        let large = page(2_000)
        let ratio = Linearity.ratio(ARIARules.all, small: small, large: large)
        #expect(ratio < 24, "8x the elements took \(ratio)x the time")
    }
}
