public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an element given a command role (`button`, `link`, `menuitem`) by its `role` attribute that has no
/// accessible name (WCAG 4.1.2; axe `aria-command-name`; ACT 97a4e1 for buttons, c487ae for links, m6b1q3 for
/// menu items).
///
/// Elements whose explicit role is their native one (`<button role="button">`, `<a href role="link">`) are left to
/// `button-name` and `link-name`, so one element gives one finding; a native element given another command role
/// (`<button role="menuitem">`) is this rule's. The DPUB-ARIA link roles (`doc-biblioref`, …) count as links.
public struct AriaCommandNameRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.aria-command-name"
    static let roles: Set<String> = NameRuleSupport.linkRoles.union(["button", "menuitem"])

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed element with an explicit command role.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        NameRuleSupport.indices(of: page, withRoles: Self.roles).compactMap { index in
            guard let role = page.role(of: index), NameRuleSupport.hasExplicitRole(page, index, role),
                role != page.implicitRole(of: index)
            else { return nil }
            return NameRuleSupport.requireName(Self.id, page: page, index: index, url: url, what: "Element")
        }
    }
}
