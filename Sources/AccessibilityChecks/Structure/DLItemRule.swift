public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// A `<dt>` or `<dd>` must be inside a `<dl>` (directly or through a `<div>`), or it is announced without its
/// term/definition relation (WCAG 1.3.1; axe-core `dlitem`; no ACT rule).
///
/// Applies to `<dt>`/`<dd>` without a `role` attribute that are not hidden. As axe-core: a role-less (or
/// `none`/`presentation`) `<div>` parent is looked through; the parent must then be a `<dl>` without a role or
/// with `role` `list`, `none` or `presentation`.
public struct DLItemRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.dlitem"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let nodes = page.snapshot.nodes
        let items = (page.snapshot.indices(named: "dt") + page.snapshot.indices(named: "dd")).sorted()
        return items.compactMap { item -> Observation? in
            guard !nodes[item].hasAttribute("role"), !page.hidden(item).isHidden, var parent = nodes[item].parent
            else { return nil }
            var role = page.explicitRoleTokens(of: parent).first
            if nodes[parent].name == "div", role == nil || role == "none" || role == "presentation",
                let grandparent = nodes[parent].parent
            {
                parent = grandparent
                role = page.explicitRoleTokens(of: parent).first
            }
            let passes = nodes[parent].name == "dl" && (role == nil || ["list", "none", "presentation"].contains(role))
            if passes {
                return StructureObservation.element(
                    Self.id,
                    .passed,
                    page: page,
                    index: item,
                    url: url,
                    "The <\(nodes[item].name)> is inside a <dl>"
                )
            }
            return StructureObservation.element(
                Self.id,
                .failed,
                page: page,
                index: item,
                url: url,
                "The <\(nodes[item].name)> is inside <\(nodes[parent].name)>"
                    + (role.map { " role=\"\($0)\"" } ?? "") + ", not a <dl>"
            )
        }
    }
}
