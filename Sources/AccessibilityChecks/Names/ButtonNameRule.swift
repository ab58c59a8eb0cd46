public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails a `<button>` without an accessible name (WCAG 4.1.2; axe `button-name`; ACT 97a4e1).
///
/// A `<button>` whose presentational role survives conflict resolution (not focusable, no global ARIA
/// attribute — in practice a disabled one) is inapplicable.
public struct ButtonNameRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.button-name"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed `<button>`.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        page.snapshot.indices(named: "button").compactMap { index in
            guard !NameRuleSupport.isPresentational(page.role(of: index)) else { return nil }
            return NameRuleSupport.requireName(Self.id, page: page, index: index, url: url, what: "Button")
        }
    }
}
