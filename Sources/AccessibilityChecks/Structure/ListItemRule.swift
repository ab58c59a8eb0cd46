public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// A list item must be inside a list, or screen readers cannot announce it as part of one (WCAG 1.3.1; axe-core
/// `listitem`; no ACT rule).
///
/// Applies to `<li>` without a `role` (or with `role="listitem"`) that are not hidden: the implicit role of an
/// `<li>` outside a list is not `listitem` under HTML-AAM, which is exactly the failure, so applicability goes
/// by markup as in axe-core. As axe-core: passes
/// when the parent has `role="list"` (or `none`/`presentation`, which axe-core tolerates), fails when the parent
/// has another valid explicit role, else passes when the parent is `<ul>`, `<ol>` or `<menu>`.
public struct ListItemRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.listitem"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let nodes = page.snapshot.nodes
        return page.snapshot.indices(named: "li").compactMap { item -> Observation? in
            let explicitRole = page.explicitRoleTokens(of: item).first
            guard explicitRole == nil || explicitRole == "listitem", !page.hidden(item).isHidden,
                let parent = nodes[item].parent
            else { return nil }
            let explicit = page.explicitRoleTokens(of: parent).first
            let parentName = nodes[parent].name
            let passes: Bool
            if let explicit, ["list", "none", "presentation"].contains(explicit) {
                passes = true
            } else if let explicit, explicit == page.role(of: parent) {
                passes = false
            } else {
                passes = ["ul", "ol", "menu"].contains(parentName)
            }
            if passes {
                return StructureObservation.element(
                    Self.id,
                    .passed,
                    page: page,
                    index: item,
                    url: url,
                    "The list item is inside a list"
                )
            }
            let parentRole = page.role(of: parent).map { " with role \($0)" } ?? ""
            return StructureObservation.element(
                Self.id,
                .failed,
                page: page,
                index: item,
                url: url,
                "The <li> is inside <\(parentName)>\(parentRole), not a <ul>, <ol> or role=\"list\""
            )
        }
    }
}
