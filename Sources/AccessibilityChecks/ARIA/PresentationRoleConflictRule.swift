public import A11yModel
import ARIAModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an element marked decorative (`role="none"`/`"presentation"`, or `<img alt="">`) that browsers expose
/// anyway because it is focusable or carries a global ARIA attribute (ARIA 1.2 presentational roles conflict
/// resolution) (best practice; axe `presentation-role-conflict`; ACT 46ca7f). Decorative elements hidden from
/// assistive technology pass.
public struct PresentationRoleConflictRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.presentation-role-conflict"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per element marked decorative.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var observations: [Observation] = []
        let candidates = Set(page.snapshot.indices(withAttribute: "role")).union(page.snapshot.indices(named: "img"))
        for index in candidates.sorted() where isDecorative(page, index) {
            guard let exposure = ARIARuleSupport.exposure(page, index) else {
                observations.append(
                    ARIARuleSupport.observation(
                        Self.id,
                        .passed,
                        page: page,
                        index: index,
                        url: url,
                        "Decorative element is hidden"
                    )
                )
                continue
            }
            let globals = ARIARuleSupport.ariaAttributes(page.node(index)).map(\.name).filter {
                $0 != "aria-hidden" && ARIA.attribute($0)?.isGlobal == true
            }
            let focusable = page.isFocusable(index)
            let failing = focusable || !globals.isEmpty
            let reason =
                focusable
                ? "it is focusable"
                : "it has global ARIA attribute\(globals.count > 1 ? "s" : "") "
                    + globals.joined(separator: ", ")
            let summary =
                failing ? "Element marked decorative is exposed because \(reason)" : "Decorative element is not exposed"
            observations.append(
                ARIARuleSupport.observation(
                    Self.id,
                    ARIARuleSupport.outcome(failing: failing, exposure),
                    page: page,
                    index: index,
                    url: url,
                    summary
                )
            )
        }
        return observations
    }

    private func isDecorative(_ page: A11yPage, _ index: Int) -> Bool {
        let node = page.node(index)
        if node.hasAttribute("role") {
            if let role = ARIARuleSupport.explicitRole(page, index) { return role == "none" || role == "presentation" }
        }
        return node.name == "img" && node.attribute("alt") == ""
    }
}
