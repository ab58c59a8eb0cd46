public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails a native form field whose only accessible name is its `title` (best practice; axe `label-title-only`):
/// the tooltip is invisible to most sighted users and to touch users, so the field has no visible label.
/// Fields without any name are `label`'s failures, not this rule's.
public struct LabelTitleOnlyRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.label-title-only"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed, named native form field.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        FormFields.all(page).compactMap { index in
            guard !page.hidden(index).isHidden else { return nil }
            let name = page.accessibleName(index)
            guard !name.isEmpty else { return nil }
            let role = NameRuleSupport.roleLabel(page, index)
            if name.source == .title {
                return A11yObservation.element(
                    Self.id,
                    .failed,
                    page: page,
                    index: index,
                    url: url,
                    summary: "Form field (role \(role)) is named \"\(name.text)\" only by its title attribute, "
                        + "which is not a visible label"
                )
            }
            return A11yObservation.element(
                Self.id,
                .passed,
                page: page,
                index: index,
                url: url,
                summary: "Form field (role \(role)) is named \"\(name.text)\" by \(name.source.rawValue)"
            )
        }
    }
}
