public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// A table header cell needs visible text, or screen readers announce an empty header for every cell it heads
/// (best practice; axe-core `empty-table-header`; no ACT rule).
///
/// Applies to `<th>` without a `role` attribute and to elements with role `columnheader`/`rowheader`, not
/// hidden. Fails when the text of the cell and its non-hidden descendants is blank (as axe-core, `aria-label`
/// does not count: the text must be visible); needs review when some descendant may be hidden by a stylesheet.
public struct EmptyTableHeaderRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.empty-table-header"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let nodes = page.snapshot.nodes
        var targets = Set(page.snapshot.indices(named: "th").filter { !nodes[$0].hasAttribute("role") })
        for index in nodes.indices where nodes[index].hasAttribute("role") {
            if let role = page.explicitRoleTokens(of: index).first, role == "columnheader" || role == "rowheader" {
                targets.insert(index)
            }
        }
        return targets.sorted().compactMap { index -> Observation? in
            guard !page.hidden(index).isHidden else { return nil }
            let (text, uncertain) = StructureText.visibleText(of: index, in: page)
            if !text.isEmpty {
                return StructureObservation.element(
                    Self.id,
                    .passed,
                    page: page,
                    index: index,
                    url: url,
                    "The table header has visible text"
                )
            }
            let role = page.role(of: index) ?? "columnheader"
            return StructureObservation.element(
                Self.id,
                uncertain ? .needsReview : .failed,
                page: page,
                index: index,
                url: url,
                "The table header cell (role \(role)) has no visible text"
            )
        }
    }
}
