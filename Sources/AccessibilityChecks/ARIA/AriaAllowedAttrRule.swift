public import A11yModel
import ARIAModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an exposed element carrying a WAI-ARIA state or property that its semantic role does not support, such
/// as `aria-sort` on a button or `aria-checked` on a link (WCAG 4.1.2; axe `aria-allowed-attr`; ACT 5c01ea).
///
/// Global attributes are always permitted. The semantic role is the computed one (explicit, else implicit, with
/// presentational-role conflict resolution); elements without a role borrow one as ARIA in HTML does
/// (`audio`/`video` → application, password inputs → textbox). Unknown attributes are left to
/// ``AriaValidAttrRule``; conditional uses (ARIA 1.2 notes) to ``AriaConditionalAttrRule``.
public struct AriaAllowedAttrRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.aria-allowed-attr"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed element with known `aria-*` attributes.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var observations: [Observation] = []
        for index in ARIARuleSupport.ariaAttributed(page) {
            let names = ARIARuleSupport.ariaAttributes(page.node(index)).map(\.name).filter {
                ARIA.attribute($0) != nil
            }
            guard !names.isEmpty, let exposure = ARIARuleSupport.exposure(page, index) else { continue }
            let role = ARIARuleSupport.attributeRole(page, index)
            let supported = Set(role.flatMap { ARIA.role($0)?.supportedAttributes } ?? [])
            let notAllowed = names.filter { ARIA.attribute($0)?.isGlobal != true && !supported.contains($0) }
            let summary =
                notAllowed.isEmpty
                ? "Every ARIA attribute is permitted for the role"
                : "\(notAllowed.joined(separator: ", ")) not supported by role \(role ?? "(none)")"
            observations.append(
                ARIARuleSupport.observation(
                    Self.id,
                    ARIARuleSupport.outcome(failing: !notAllowed.isEmpty, exposure),
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
