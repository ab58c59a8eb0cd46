public import A11yModel
import ARIAModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails ARIA attributes that WAI-ARIA 1.2 allows only under conditions the markup breaks (WCAG 4.1.2; axe
/// `aria-conditional-attr`): `aria-checked` on a native checkbox or radio that contradicts its `checked` state
/// (the native state wins), and `aria-posinset`, `aria-setsize`, `aria-level` or `aria-expanded` on a `row`
/// outside a `treegrid` (only treegrid rows support them).
public struct AriaConditionalAttrRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.aria-conditional-attr"

    private static let treegridRowAttributes = ["aria-posinset", "aria-setsize", "aria-level", "aria-expanded"]

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed native checkbox/radio with `aria-checked` and per row with treegrid-only
    /// attributes.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var observations: [Observation] = []
        for index in page.snapshot.indices(named: "input") {
            let node = page.node(index)
            let type = node.attribute("type")?.lowercased() ?? ""
            guard type == "checkbox" || type == "radio", let value = node.attribute("aria-checked")?.lowercased(),
                let exposure = ARIARuleSupport.exposure(page, index)
            else { continue }
            let checked = node.hasAttribute("checked")
            let contradicts = (value == "true" && !checked) || (value == "false" && checked)
            observations.append(
                ARIARuleSupport.observation(
                    Self.id,
                    ARIARuleSupport.outcome(failing: contradicts, exposure),
                    page: page,
                    index: index,
                    url: url,
                    contradicts
                        ? "aria-checked=\"\(value)\" contradicts the native checked state"
                        : "aria-checked agrees with the native checked state"
                )
            )
        }
        for index in ARIARuleSupport.ariaAttributed(page) {
            let node = page.node(index)
            let present = Self.treegridRowAttributes.filter { node.hasAttribute($0) }
            guard !present.isEmpty, page.role(of: index) == "row", let exposure = ARIARuleSupport.exposure(page, index)
            else { continue }
            let inTreegrid = tableRole(of: index, page) == "treegrid"
            observations.append(
                ARIARuleSupport.observation(
                    Self.id,
                    ARIARuleSupport.outcome(failing: !inTreegrid, exposure),
                    page: page,
                    index: index,
                    url: url,
                    inTreegrid
                        ? "Treegrid row attributes on a treegrid row"
                        : "\(present.joined(separator: ", ")) only allowed on rows of a treegrid"
                )
            )
        }
        return observations
    }

    /// The nearest table-like ancestor role (bounded climb).
    private func tableRole(of index: Int, _ page: A11yPage) -> String? {
        let tableRoles: Set<String> = ["table", "grid", "treegrid"]
        return page.nearestAncestor(of: index, within: 256) { tableRoles.contains(page.role(of: $0) ?? "") }
            .flatMap { page.role(of: $0) }
    }
}
