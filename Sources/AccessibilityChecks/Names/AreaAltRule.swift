public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an image-map link (`<area href>` inside a `<map>`) without an accessible name (`alt`, `aria-label`,
/// `aria-labelledby`) (WCAG 2.4.4 and 4.1.2; axe `area-alt`; ACT c487ae).
public struct AreaAltRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.area-alt"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed `<area href>` in a `<map>`.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        page.snapshot.indices(named: "area").compactMap { index in
            guard page.node(index).hasAttribute("href"), inMap(page, index),
                !NameRuleSupport.isPresentational(page.role(of: index))
            else { return nil }
            return NameRuleSupport.requireName(Self.id, page: page, index: index, url: url, what: "Image-map area")
        }
    }

    /// Whether an ancestor is a `<map>` (bounded climb: areas sit a few levels under their map).
    private func inMap(_ page: A11yPage, _ index: Int) -> Bool {
        page.nearestAncestor(of: index, within: 64) { page.node($0).name == "map" } != nil
    }
}
