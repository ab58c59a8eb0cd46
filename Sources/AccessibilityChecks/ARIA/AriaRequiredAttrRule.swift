public import A11yModel
import ARIAModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an exposed element with an explicit role that lacks a state or property the role requires:
/// `aria-checked` on checkbox/radio/switch, `aria-level` on heading, `aria-valuenow` on slider/meter/scrollbar and
/// focusable separators, `aria-expanded` on combobox (and `aria-controls` when expanded) (WCAG 4.1.2; axe
/// `aria-required-attr`; ACT 4e8ab6).
///
/// Applies only where the explicit role differs from the element's implicit one. Values the native element
/// already provides count: `<input type=checkbox role=switch>` has a checked state, `<input type=range
/// role=slider>` a value. An empty attribute counts as missing.
public struct AriaRequiredAttrRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.aria-required-attr"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed element with an explicit role other than its implicit one.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var observations: [Observation] = []
        for index in page.snapshot.indices(withAttribute: "role") {
            guard let role = ARIARuleSupport.explicitRole(page, index), page.role(of: index) == role,
                role != page.implicitRole(of: index), let description = ARIA.role(role),
                let exposure = ARIARuleSupport.exposure(page, index)
            else { continue }
            let missing = required(description, page, index).filter { !isProvided($0, page, index) }
            let summary =
                missing.isEmpty
                ? "Role \(role) has its required states and properties"
                : "Role \(role) requires \(missing.joined(separator: ", "))"
            observations.append(
                ARIARuleSupport.observation(
                    Self.id,
                    ARIARuleSupport.outcome(failing: !missing.isEmpty, exposure),
                    page: page,
                    index: index,
                    url: url,
                    summary
                )
            )
        }
        return observations
    }

    /// The required attributes, with ARIA 1.2's conditions: a focusable separator needs `aria-valuenow`; a
    /// combobox needs `aria-controls` only while expanded.
    private func required(_ role: ARIARole, _ page: A11yPage, _ index: Int) -> [String] {
        switch role.name {
        case "separator": return page.isFocusable(index) ? ["aria-valuenow"] : []
        case "combobox":
            let expanded = page.node(index).attribute("aria-expanded")?.lowercased() == "true"
            return expanded ? ["aria-expanded", "aria-controls"] : ["aria-expanded"]
        default: return role.requiredAttributes
        }
    }

    /// Whether the attribute is set (non-empty) or the native element supplies it.
    private func isProvided(_ attribute: String, _ page: A11yPage, _ index: Int) -> Bool {
        let node = page.node(index)
        if let value = node.attribute(attribute), !value.allSatisfy(\.isWhitespace) { return true }
        let type = node.name == "input" ? node.attribute("type")?.lowercased() ?? "text" : ""
        switch attribute {
        case "aria-checked": return type == "checkbox" || type == "radio"
        case "aria-valuenow": return type == "range" || node.name == "progress" || node.name == "meter"
        case "aria-level": return ["h1", "h2", "h3", "h4", "h5", "h6"].contains(node.name)
        case "aria-selected": return node.name == "option"
        default: return false
        }
    }
}
