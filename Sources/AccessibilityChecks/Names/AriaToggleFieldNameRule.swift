public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an element given a toggle role (`checkbox`, `menuitemcheckbox`, `menuitemradio`, `radio`, `switch`,
/// `option`) by its `role` attribute without an accessible name (WCAG 4.1.2; axe `aria-toggle-field-name`;
/// ACT e086e5, which does not cover `option`). Native inputs and `<option>` are left to `label`.
public struct AriaToggleFieldNameRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.aria-toggle-field-name"
    static let roles: Set<String> = ["checkbox", "menuitemcheckbox", "menuitemradio", "radio", "switch", "option"]
    static let native: Set<String> = ["input", "select", "textarea", "option"]

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed element with an explicit toggle role.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        NameRuleSupport.indices(of: page, withRoles: Self.roles).compactMap { index in
            guard let role = page.role(of: index), NameRuleSupport.hasExplicitRole(page, index, role),
                !Self.native.contains(page.node(index).name)
            else { return nil }
            return NameRuleSupport.requireName(Self.id, page: page, index: index, url: url, what: "Toggle field")
        }
    }
}
