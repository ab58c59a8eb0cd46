public import A11yModel
import ARIAModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an exposed element whose explicit role is deprecated in WAI-ARIA 1.2 / DPUB-ARIA 1.1 (`directory`,
/// `doc-biblioentry`, `doc-endnote`) (WCAG 4.1.2; axe `aria-deprecated-role`). Elements with a current role pass.
public struct AriaDeprecatedRoleRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.aria-deprecated-role"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed element with a valid explicit role.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var observations: [Observation] = []
        for index in page.snapshot.indices(withAttribute: "role") {
            guard let role = ARIARuleSupport.explicitRole(page, index),
                let exposure = ARIARuleSupport.exposure(page, index)
            else { continue }
            let deprecated = ARIA.role(role)?.isDeprecated == true
            let summary = deprecated ? "The role \"\(role)\" is deprecated" : "The role \"\(role)\" is current"
            observations.append(
                ARIARuleSupport.observation(
                    Self.id,
                    ARIARuleSupport.outcome(failing: deprecated, exposure),
                    page: page,
                    index: index,
                    url: url,
                    summary
                )
            )
        }
        return observations
    }
}
