public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an SVG element (`<svg>` or a shape inside one) with an explicit `img`, `graphics-document` or
/// `graphics-symbol` role and no accessible name (`aria-labelledby`, `aria-label`, a `<title>` child) (WCAG 1.1.1;
/// axe `svg-img-alt`; ACT 7d6734).
public struct SVGImgAltRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.svg-img-alt"
    static let roles: Set<String> = ["img", "graphics-document", "graphics-symbol"]

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed SVG element with one of those explicit roles.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        NameRuleSupport.indices(of: page, withRoles: Self.roles).compactMap { index in
            guard let role = page.role(of: index), NameRuleSupport.hasExplicitRole(page, index, role),
                NameRuleSupport.isSVG(page, index)
            else { return nil }
            return NameRuleSupport.requireName(Self.id, page: page, index: index, url: url, what: "SVG graphic")
        }
    }
}
