public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an element given an input-field role (`combobox`, `listbox`, `searchbox`, `slider`, `spinbutton`,
/// `textbox`) by its `role` attribute without an accessible name (WCAG 4.1.2; axe `aria-input-field-name`;
/// ACT e086e5). Native `<input>`, `<select>` and `<textarea>` are `label`'s and `select-name`'s.
public struct AriaInputFieldNameRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.aria-input-field-name"
    static let roles: Set<String> = ["combobox", "listbox", "searchbox", "slider", "spinbutton", "textbox"]
    static let native: Set<String> = ["input", "select", "textarea"]

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed element with an explicit input-field role.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        NameRuleSupport.indices(of: page, withRoles: Self.roles).compactMap { index in
            guard let role = page.role(of: index), NameRuleSupport.hasExplicitRole(page, index, role),
                !Self.native.contains(page.node(index).name)
            else { return nil }
            return NameRuleSupport.requireName(Self.id, page: page, index: index, url: url, what: "Input field")
        }
    }
}
