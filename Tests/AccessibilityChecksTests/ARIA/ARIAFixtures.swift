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
        PageOutcome.of(observations(id, page(body)).map(\.outcome))
    }
}
