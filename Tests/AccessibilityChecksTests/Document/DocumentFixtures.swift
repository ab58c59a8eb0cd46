import A11yModel
import AccessibilityChecks
import Foundation
import PortcullisCore
import PortcullisHTML
import Testing

/// Runs the document rules on small inline documents.
enum DocumentFixtures {
    static let url = URL(string: "https://provider.test/page")!

    /// `body` wrapped in a valid document with `head` (a title by default) and `<html lang=en>`.
    static func document(_ body: String, head: String = "<title>t</title>", html: String = " lang=en") -> String {
        "<!doctype html><html\(html)><head>\(head)</head><body>\(body)</body></html>"
    }

    /// Every observation of rule `id` on the whole document `html`.
    static func observations(_ id: String, html: String) -> [Observation] {
        let page = A11yPage(document: HTMLDocument(html: html))
        return DocumentRules.all.filter { $0.rules.contains(RuleID(id)) }.flatMap { $0.evaluate(page, at: url) }
            .filter { $0.ruleID.rawValue == id }
    }

    /// The page outcome of rule `id` on `html`, as the ACT harness folds it: failed if any element failed, else
    /// needs review, else passed, else inapplicable.
    static func outcome(_ id: String, html: String) -> Observation.Outcome {
        PageOutcome.of(observations(id, html: html).map(\.outcome))
    }
}

/// One rule case: the rule, a whole document, the expected page outcome.
struct DocumentCase: CustomTestStringConvertible, Sendable {
    let rule: String
    let html: String
    let expected: Observation.Outcome

    /// A case on a whole document.
    init(_ rule: String, _ expected: Observation.Outcome, html: String) {
        self.rule = "a11y." + rule
        self.html = html
        self.expected = expected
    }

    /// A case on `body` inside a valid document.
    init(_ rule: String, _ expected: Observation.Outcome, _ body: String, head: String = "<title>t</title>") {
        self.init(rule, expected, html: DocumentFixtures.document(body, head: head))
    }

    var testDescription: String { "\(rule) \(expected.rawValue): \(html.suffix(70))" }
}
