import A11yModel
import AccessibilityChecks
import Foundation
import PortcullisCore
import PortcullisHTML
import Testing

/// Runs the ARIA rules on small inline documents.
enum ARIAFixtures {
    static let url = URL(string: "https://provider.test/page")!

    /// The page model of `body` wrapped in a valid document.
    static func page(_ body: String) -> A11yPage {
        let html = "<!doctype html><html lang=en><head><title>t</title></head><body>\(body)</body></html>"
        return A11yPage(document: HTMLDocument(html: html))
    }

    /// Every observation of rule `id` on `page`.
    static func observations(_ id: String, _ page: A11yPage) -> [Observation] {
        ARIARules.all.filter { $0.rules.contains(RuleID(id)) }.flatMap { $0.evaluate(page, at: url) }
            .filter { $0.ruleID.rawValue == id }
    }

    /// The page outcome of rule `id` on `body`, as the ACT harness folds it: failed if any element failed, else
    /// needs review, else passed, else inapplicable.
    static func outcome(_ id: String, _ body: String) -> Observation.Outcome {
        let outcomes = Set(observations(id, page(body)).map(\.outcome))
        for outcome in [Observation.Outcome.failed, .needsReview, .passed] where outcomes.contains(outcome) {
            return outcome
        }
        return .inapplicable
    }
}

/// One rule case: the rule, a body, the expected page outcome.
struct ARIACase: CustomTestStringConvertible, Sendable {
    let rule: String
    let body: String
    let expected: Observation.Outcome

    init(_ rule: String, _ expected: Observation.Outcome, _ body: String) {
        self.rule = "a11y." + rule
        self.body = body
        self.expected = expected
    }

    var testDescription: String { "\(rule) \(expected.rawValue): \(body.prefix(60))" }
}
