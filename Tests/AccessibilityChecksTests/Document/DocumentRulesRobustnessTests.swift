import A11yModel
import AccessibilityChecks
import Foundation
import PortcullisCore
import PortcullisHTML
import Testing

@Suite struct DocumentRulesRobustnessTests {
    typealias F = DocumentFixtures

    /// Every rule of the group on `html`.
    static func all(_ html: String) -> [Observation] {
        let page = A11yPage(document: HTMLDocument(html: html))
        return DocumentRules.all.flatMap { $0.evaluate(page, at: F.url) }
    }

    @Test func rulesEmitOnlyTheirDeclaredIDs() {
        let html = F.document(
            "<h1>a</h1><h3 lang=xx style=\"line-height:1 !important\">b</h3><a href=#x accesskey=a>x</a>"
                + "<input autocomplete=bad><blink>b</blink><video></video><div tabindex=2>t</div><marquee>m</marquee>"
                + "<img src=m.png alt=Map ismap>"
                + "<p style=\"word-spacing:0 !important; letter-spacing:0 !important\">w</p>",
            head: "<meta http-equiv=refresh content=5><meta name=viewport content=\"user-scalable=no\">",
            html: " lang=en xml:lang=en"
        )
        let page = A11yPage(document: HTMLDocument(html: html))
        // The depth rule applies only to pages deeper than the parser keeps (tested below).
        for rule in DocumentRules.all where !(rule is MarkupDepthRule) {
            let declared = Set(rule.rules)
            let observations = rule.evaluate(page, at: F.url)
            #expect(!observations.isEmpty, "every rule applies to this page: \(rule.rules)")
            #expect(observations.allSatisfy { declared.contains($0.ruleID) })
        }
    }

    @Test func deepNestingIsBoundedAndStillJudged() {
        let depth = 100_000
        let html =
            "<html><body><p lang=yy>before</p>"
            + String(repeating: "<div lang=xx style=\"letter-spacing:0 !important\">", count: depth)
            + "text" + String(repeating: "</div>", count: depth) + "</body></html>"
        let observations = Self.all(html)
        #expect(observations.contains { $0.ruleID.rawValue == "a11y.valid-lang" && $0.outcome == .failed })
        #expect(observations.contains { $0.ruleID.rawValue == "a11y.html-has-lang" && $0.outcome == .failed })
        // The parser dropped what lies deeper than 256 levels: the page says so instead of passing silently.
        #expect(
            observations.contains { $0.ruleID.rawValue == "a11y.markup-too-deep" && $0.outcome == .needsReview }
        )
        let shallow = Self.all(F.document("<div><div><p>text</p></div></div>"))
        #expect(!shallow.contains { $0.ruleID.rawValue == "a11y.markup-too-deep" })
    }

    @Test func manyElementsAndRepeatedTargetsStayLinear() {
        let links = String(repeating: "<a href=#t accesskey=k tabindex=1>x</a><h2>h</h2><h4>h</h4>", count: 5000)
        let start = Date()
        let observations = Self.all(F.document(links + "<div id=t>target</div>"))
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(observations.filter { $0.ruleID.rawValue == "a11y.accesskeys" }.count == 5000)
        #expect(observations.filter { $0.ruleID.rawValue == "a11y.skip-link" && $0.outcome == .passed }.count == 5000)
    }

    @Test func garbageInputDoesNotCrash() {
        for html in [
            "", "garbage <<<", "<html lang>", "<meta http-equiv=refresh content=\"99999999999999999999999\">",
            "<meta name=viewport content=\",,;;==\">", "<p style=\"letter-spacing:\u{0}!important;;:\">x</p>",
        ] {
            _ = Self.all(html)
        }
        let huge = F.document("", head: "<meta http-equiv=refresh content=\"99999999999999999999999; url=/\">")
        #expect(F.outcome("a11y.meta-refresh", html: huge) == .passed, "a delay past any integer is past 20 hours")
    }
}
