public import A11yModel
import ARIAModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an element put in the tab order with `tabindex="0"` or more whose role is not interactive (a widget,
/// `application`) nor a scrollable container (landmark, region, group, dialog, tabpanel, document): keyboard users
/// reach it but screen readers announce nothing actionable (best practice; axe `focus-order-semantics`).
public struct FocusOrderSemanticsRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.focus-order-semantics"

    private static let scrollableRoles: Set<String> = [
        "application", "article", "dialog", "alertdialog", "document", "group", "log", "main", "marquee",
        "navigation", "region", "search", "tabpanel", "tooltip", "complementary", "contentinfo", "banner", "form",
    ]

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed element with a non-negative `tabindex`.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var observations: [Observation] = []
        for index in page.snapshot.indices(withAttribute: "tabindex") {
            guard let value = page.node(index).attribute("tabindex"),
                let tabindex = Int(value.trimmingHTMLWhitespace()), tabindex >= 0,
                let exposure = ARIARuleSupport.exposure(page, index)
            else { continue }
            let role = page.role(of: index)
            let ok = role.map { ARIA.role($0, inheritsFrom: "widget") || Self.scrollableRoles.contains($0) } ?? false
            observations.append(
                ARIARuleSupport.observation(
                    Self.id,
                    ARIARuleSupport.outcome(failing: !ok, exposure),
                    page: page,
                    index: index,
                    url: url,
                    ok
                        ? "Focusable element has an interactive role"
                        : "Element in the tab order has no interactive role"
                )
            )
        }
        return observations
    }
}
