public import A11yModel
import ARIAModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an exposed element whose role has presentational children (button, checkbox, tab, img, option,
/// menuitemcheckbox, …) but which contains focusable content (WCAG 4.1.2; axe `nested-interactive`; ACT 307n5z):
/// the inner control is announced without its role and name, yet takes keyboard focus.
public struct NestedInteractiveRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.nested-interactive"

    /// The roles whose children are presentational (`button`, `img`, `checkbox`, …), from the ARIA model.
    private static let childrenPresentationalRoles = Set(ARIA.roles.values.filter(\.childrenPresentational).map(\.name))

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed element whose role has presentational children.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var candidates: [(Int, String, ARIARuleSupport.Exposure)] = []
        for index in page.indices(withRoles: Self.childrenPresentationalRoles) {
            guard let role = page.role(of: index), ARIA.role(role)?.childrenPresentational == true,
                let exposure = ARIARuleSupport.exposure(page, index)
            else { continue }
            candidates.append((index, role, exposure))
        }
        guard !candidates.isEmpty else { return [] }
        let facts = FocusFacts(page, sequential: false)
        return candidates.compactMap { index, role, exposure in
            guard !facts.unrendered[index] else { return nil }
            let inner = facts.inside(page, index)
            let summary =
                inner.map {
                    "Role \(role) has presentational children but contains a focusable <\(page.node($0).name)>"
                }
                ?? "No focusable content inside an element with presentational children"
            return ARIARuleSupport.observation(
                Self.id,
                ARIARuleSupport.outcome(failing: inner != nil, exposure),
                page: page,
                index: index,
                url: url,
                summary
            )
        }
    }
}
