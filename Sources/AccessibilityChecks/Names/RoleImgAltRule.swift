public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an element given `role="img"` (other than `<img>`, SVG, `<input>`, `<area>`, `<object>`, which have
/// their own rules) that has no accessible name (WCAG 1.1.1; axe `role-img-alt`; ACT 23a2a8).
public struct RoleImgAltRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.role-img-alt"
    static let nativeNamed: Set<String> = ["img", "svg", "input", "area", "object"]

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed element with an explicit `img` role.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        NameRuleSupport.indices(of: page, withRoles: ["img"]).compactMap { index in
            guard !Self.nativeNamed.contains(page.node(index).name),
                NameRuleSupport.hasExplicitRole(page, index, "img"), !NameRuleSupport.isSVG(page, index)
            else { return nil }
            return NameRuleSupport.requireName(
                Self.id,
                page: page,
                index: index,
                url: url,
                what: "Element with role img"
            )
        }
    }
}
