public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails a heading (`<h1>`–`<h6>` or `role="heading"`) without an accessible name: screen-reader users navigate
/// by headings and meet an empty one (WCAG 1.3.1 best practice; axe `empty-heading`; ACT ffd0e9).
public struct EmptyHeadingRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.empty-heading"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed heading.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        NameRuleSupport.indices(of: page, withRoles: ["heading"]).compactMap { index in
            NameRuleSupport.requireName(Self.id, page: page, index: index, url: url, what: "Heading")
        }
    }
}
