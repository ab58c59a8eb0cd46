import A11yModel
import AccessibilityChecks
import Foundation
import PortcullisCore
import PortcullisHTML

/// Runs name rules on small inline documents.
enum NameRuleFixtures {
    static let url = URL(string: "https://provider.test/page")!

    /// The page model of `body` wrapped in a valid document (`head` extra markup in `<head>`).
    static func page(_ body: String, head: String = "") -> A11yPage {
        let html = "<!doctype html><html lang=en><head><title>t</title>\(head)</head><body>\(body)</body></html>"
        return A11yPage(document: HTMLDocument(html: html))
    }

    /// Every observation of every name rule on `body`.
    static func observations(_ body: String, head: String = "") -> [Observation] {
        let page = page(body, head: head)
        return NameRules.all.flatMap { $0.evaluate(page, at: url) }
    }

    /// The outcomes of rule `id` on `body`, in order.
    static func outcomes(_ id: String, _ body: String, head: String = "") -> [Observation.Outcome] {
        observations(body, head: head).filter { $0.ruleID.rawValue == id }.map(\.outcome)
    }
}
