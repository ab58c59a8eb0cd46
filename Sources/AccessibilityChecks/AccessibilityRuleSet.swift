import A11yModel
public import CheckSupport
import Foundation
public import PortcullisCore
import PortcullisHTML

/// Every accessibility rule, by group; each group's list lives in its own file beside its rules.
public enum AccessibilityRuleSet {
    /// All rules, in a stable order.
    public static let all: [any A11yRule] = DocumentRules.all + ARIARules.all + NameRules.all + StructureRules.all
}

/// The accessibility family as one page check: the page model is built once per page and every rule reads it.
///
/// Returns every outcome (passed, failed, needs review); the scan keeps the failures as findings.
public struct AccessibilityCheck: PageCheck {
    /// The rules run.
    public let rulesRun: [any A11yRule]
    /// Whether passing elements are described (off in scans: passes never become findings).
    public let recordsPasses: Bool

    /// A check running `rules` (all of them by default); `recordsPasses` keeps full evidence on passes.
    public init(rules: [any A11yRule] = AccessibilityRuleSet.all, recordsPasses: Bool = true) {
        rulesRun = rules
        self.recordsPasses = recordsPasses
    }

    public var rules: [RuleID] { rulesRun.flatMap(\.rules) }

    public func check(_ page: Page) -> [Observation] {
        // A redirect's body is never shown to anyone (a browser follows the Location), so it is not judged.
        guard let document = page.document, !rulesRun.isEmpty, !page.response.isRedirect else { return [] }
        let model = A11yPage(document: document)
        model.recordsPasses = recordsPasses
        return rulesRun.flatMap { $0.evaluate(model, at: page.url) }
    }
}
