public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an `<input type="button|submit|reset">` without an accessible name (WCAG 4.1.2; axe
/// `input-button-name`; ACT 97a4e1). Submit and reset buttons get the browser's default label ("Submit",
/// "Reset") from the name computation, so in practice this catches `type="button"` without a `value`.
public struct InputButtonNameRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.input-button-name"
    static let types: Set<String> = ["button", "submit", "reset"]

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed input button.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        page.snapshot.indices(named: "input").compactMap { index in
            guard Self.types.contains(NameRuleSupport.inputType(page.node(index))),
                !NameRuleSupport.isPresentational(page.role(of: index))
            else { return nil }
            return NameRuleSupport.requireName(Self.id, page: page, index: index, url: url, what: "Input button")
        }
    }
}
