public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails a `<select>` without an accessible name (WCAG 4.1.2; axe `select-name`; ACT e086e5).
public struct SelectNameRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.select-name"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed `<select>`.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        page.snapshot.indices(named: "select").compactMap { index in
            guard !NameRuleSupport.isPresentational(page.role(of: index)) else { return nil }
            return NameRuleSupport.requireName(Self.id, page: page, index: index, url: url, what: "Select list")
        }
    }
}
