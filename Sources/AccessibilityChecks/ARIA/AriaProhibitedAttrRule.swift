public import A11yModel
import ARIAModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an exposed element carrying a global ARIA attribute its role prohibits: `aria-label`,
/// `aria-labelledby` (and their braille variants) on `generic`, `none`, `paragraph`, `code`, `strong`, …, and
/// `aria-roledescription` on `generic` (WCAG 4.1.2; axe `aria-prohibited-attr`; ACT kb1m8s). Browsers drop
/// those attributes, so the label the author wrote is never announced.
///
/// Role: the computed one, except that an explicit `none`/`presentation` on an element that is not focusable
/// stays presentational when its only global attributes are ones prohibited on `none` (ARIA 1.3 conflict
/// resolution, which ACT kb1m8s follows; ``PresentationRoleConflictRule`` applies the ARIA 1.2 reading).
public struct AriaProhibitedAttrRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.aria-prohibited-attr"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed element with global `aria-*` attributes.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var observations: [Observation] = []
        for index in ARIARuleSupport.ariaAttributed(page) {
            let attributes = ARIARuleSupport.ariaAttributes(page.node(index)).filter {
                ARIA.attribute($0.name)?.isGlobal == true
            }
            guard !attributes.isEmpty, let exposure = ARIARuleSupport.exposure(page, index) else { continue }
            let role = semanticRole(page, index, attributes.map(\.name)) ?? "generic"
            let prohibited = Set(ARIA.role(role)?.prohibitedAttributes ?? [])
            let found = attributes.map(\.name).filter { prohibited.contains($0) }
            let summary =
                found.isEmpty
                ? "No global ARIA attribute is prohibited on role \(role)"
                : "\(found.joined(separator: ", ")) prohibited on role \(role)"
            observations.append(
                ARIARuleSupport.observation(
                    Self.id,
                    ARIARuleSupport.outcome(failing: !found.isEmpty, exposure),
                    page: page,
                    index: index,
                    url: url,
                    summary
                )
            )
        }
        return observations
    }

    private func semanticRole(_ page: A11yPage, _ index: Int, _ globals: [String]) -> String? {
        if let explicit = ARIARuleSupport.explicitRole(page, index), explicit == "none" || explicit == "presentation",
            !page.isFocusable(index)
        {
            let prohibitedOnNone = Set(ARIA.role("none")?.prohibitedAttributes ?? [])
            if globals.allSatisfy({ prohibitedOnNone.contains($0) || $0 == "aria-hidden" }) { return explicit }
        }
        return page.role(of: index)
    }
}
