public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an HTML page that offers no way to skip repeated blocks: no heading, no landmark and no same-page link
/// that resolves, so keyboard users must tab through every navigation link on every page (WCAG 2.4.1; axe
/// `bypass`).
///
/// As axe-core, a page without links has nothing to bypass and is out of scope. Landmarks are `main`, `nav`,
/// `aside`, `header`, `footer` and the landmark roles. When the page has scripts and none of these, it needs
/// review (a script may build them).
public struct BypassRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.bypass"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    private static let landmarkTags: Set<String> = ["main", "nav", "aside", "header", "footer"]
    private static let landmarkRoles: Set<String> = [
        "main", "navigation", "banner", "contentinfo", "complementary", "search", "region", "form",
    ]

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        guard DocumentRoot.htmlElement(of: page) != nil else { return [] }
        let snapshot = page.snapshot
        guard snapshot.indices(named: "a").contains(where: { snapshot.nodes[$0].hasAttribute("href") }) else {
            return []
        }
        if let heading = HeadingOutline.of(page).headings.first {
            return [
                A11yObservation.element(
                    Self.id,
                    .passed,
                    page: page,
                    index: heading.index,
                    url: url,
                    summary: "Heading"
                )
            ]
        }
        for (index, node) in snapshot.nodes.enumerated() where page.notRenderedReason(index) == nil {
            let roles = page.explicitRoleTokens(of: index)
            if Self.landmarkTags.contains(node.name) || roles.contains(where: Self.landmarkRoles.contains) {
                return [
                    A11yObservation.element(Self.id, .passed, page: page, index: index, url: url, summary: "Landmark")
                ]
            }
        }
        if let link = SamePageLinks.of(page).links.first(where: { $0.resolves && !$0.fragment.isEmpty }) {
            return [
                A11yObservation.element(Self.id, .passed, page: page, index: link.index, url: url, summary: "Skip link")
            ]
        }
        return [
            A11yObservation.page(
                Self.id,
                page.hasScripts ? .needsReview : .failed,
                url: url,
                "The page has no heading, landmark or skip link to bypass repeated content"
            )
        ]
    }
}
