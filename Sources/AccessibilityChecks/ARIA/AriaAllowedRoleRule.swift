public import A11yModel
import ARIAModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an explicit role that ARIA in HTML does not allow on the element, such as `role="button"` on a `<ul>`,
/// any role on `<meta>`, `<script>` or `<col>`, or a role other than `none`/`presentation` on `<img alt="">`
/// (best practice; axe `aria-allowed-role`). A role equal to the element's implicit one is redundant, not wrong,
/// and passes. Elements ARIA in HTML lets take any role (`div`, `span`, `p`, …) are inapplicable.
public struct AriaAllowedRoleRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.aria-allowed-role"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed element with a restricted set of allowed roles and an explicit role.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var observations: [Observation] = []
        for index in page.snapshot.indices(withAttribute: "role") {
            guard let role = ARIARuleSupport.explicitRole(page, index),
                let allowed = AriaAllowedRoleTable.allowedRoles(for: page.node(index)),
                let exposure = ARIARuleSupport.exposure(page, index)
            else { continue }
            let ok = allowed.contains(role) || role == page.implicitRole(of: index)
            let name = page.node(index).name
            observations.append(
                ARIARuleSupport.observation(
                    Self.id,
                    ARIARuleSupport.outcome(failing: !ok, exposure),
                    page: page,
                    index: index,
                    url: url,
                    ok ? "Role \(role) is allowed on <\(name)>" : "Role \(role) is not allowed on <\(name)>"
                )
            )
        }
        return observations
    }
}
