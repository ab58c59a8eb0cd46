public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails a `<details>` element's summary (its first `<summary>` child, without an explicit role) that has no
/// accessible name: it is the control that opens and closes the details (WCAG 4.1.2; axe `summary-name`;
/// ACT 2t702h). An explicit role that conflict resolution ignores (`role="none"` on the focusable summary) does
/// not take it out of scope.
public struct SummaryNameRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.summary-name"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed summary of a `<details>`.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        page.snapshot.indices(named: "summary").compactMap { index in
            guard let parent = page.node(index).parent, page.node(parent).name == "details",
                page.node(parent).elementChildren.first(where: { page.node($0).name == "summary" }) == index,
                page.explicitRoleTokens(of: index).isEmpty || page.role(of: index) == page.implicitRole(of: index)
            else { return nil }
            return NameRuleSupport.requireName(Self.id, page: page, index: index, url: url, what: "Summary")
        }
    }
}
