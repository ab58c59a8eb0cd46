public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails a link (`<a>` exposed with the `link` role: HTML `<a href>`, SVG `<a>` with `href`/`xlink:href`) without
/// an accessible name (WCAG 2.4.4 and 4.1.2; axe `link-name`; ACT c487ae). DPUB-ARIA link roles
/// (`doc-biblioref`, `doc-noteref`, …) on `<a>` are links too.
///
/// Image-map areas are `area-alt`'s; elements given `role="link"` are `aria-command-name`'s.
public struct LinkNameRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.link-name"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed link.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        page.snapshot.indices(named: "a").compactMap { index in
            guard let role = page.role(of: index), NameRuleSupport.linkRoles.contains(role) else { return nil }
            return NameRuleSupport.requireName(Self.id, page: page, index: index, url: url, what: "Link")
        }
    }
}
