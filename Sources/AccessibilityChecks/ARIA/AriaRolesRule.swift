public import A11yModel
import ARIAModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an exposed element whose `role` attribute has no valid, non-abstract WAI-ARIA role among its tokens
/// (WCAG 1.3.1 and 4.1.2; axe `aria-roles`; ACT 674b10).
///
/// As ACT 674b10, one valid token is enough (later tokens are fallbacks); deprecated roles are valid here and
/// reported by ``AriaDeprecatedRoleRule``. An empty or whitespace-only `role` is inapplicable.
public struct AriaRolesRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.aria-roles"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed element with a non-empty `role` attribute.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var observations: [Observation] = []
        for index in page.snapshot.indices(withAttribute: "role") {
            let tokens = page.explicitRoleTokens(of: index)
            guard !tokens.isEmpty, let exposure = ARIARuleSupport.exposure(page, index) else { continue }
            let valid = tokens.contains { ARIA.role($0).map { !$0.isAbstract } ?? false }
            let outcome = ARIARuleSupport.outcome(failing: !valid, exposure)
            let summary =
                valid
                ? "The role attribute has a valid WAI-ARIA role"
                : "The role attribute \"\(tokens.joined(separator: " "))\" names no valid, non-abstract WAI-ARIA role"
            observations.append(
                ARIARuleSupport.observation(Self.id, outcome, page: page, index: index, url: url, summary)
            )
        }
        return observations
    }
}
