public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// A role whose elements need a non-empty accessible name: one instance per axe rule —
/// `aria-dialog-name` (dialog, alertdialog; best practice), `aria-meter-name` (meter; WCAG 1.1.1),
/// `aria-progressbar-name` (progressbar; WCAG 1.1.1), `aria-tooltip-name` (tooltip; WCAG 4.1.2),
/// `aria-treeitem-name` (treeitem; best practice).
///
/// Deliberate deviation from axe-core, which only looks at `role` attributes: the computed role counts, so a
/// native `<meter>`, `<progress>` or open `<dialog>` without a name fails too (ARIA requires their name as well).
public struct RoleNameRule: A11yRule {
    /// The rule id.
    public let id: RuleID
    /// The roles the rule applies to.
    public let roles: Set<String>
    /// How evidence calls the element ("Dialog").
    public let what: String

    /// A rule `id` requiring a name on elements with one of `roles`.
    public init(id: RuleID, roles: Set<String>, what: String) {
        self.id = id
        self.roles = roles
        self.what = what
    }

    /// `a11y.aria-dialog-name`.
    public static let dialog = RoleNameRule(
        id: "a11y.aria-dialog-name",
        roles: ["dialog", "alertdialog"],
        what: "Dialog"
    )
    /// `a11y.aria-meter-name`.
    public static let meter = RoleNameRule(id: "a11y.aria-meter-name", roles: ["meter"], what: "Meter")
    /// `a11y.aria-progressbar-name`.
    public static let progressbar = RoleNameRule(
        id: "a11y.aria-progressbar-name",
        roles: ["progressbar"],
        what: "Progress bar"
    )
    /// `a11y.aria-tab-name`.
    public static let tab = RoleNameRule(id: "a11y.aria-tab-name", roles: ["tab"], what: "Tab")
    /// `a11y.aria-tooltip-name`.
    public static let tooltip = RoleNameRule(id: "a11y.aria-tooltip-name", roles: ["tooltip"], what: "Tooltip")
    /// `a11y.aria-treeitem-name`.
    public static let treeitem = RoleNameRule(id: "a11y.aria-treeitem-name", roles: ["treeitem"], what: "Tree item")

    /// The rule id.
    public var rules: [RuleID] { [id] }

    /// One observation per exposed element with one of the roles.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        NameRuleSupport.indices(of: page, withRoles: roles).compactMap { index in
            NameRuleSupport.requireName(id, page: page, index: index, url: url, what: what)
        }
    }
}
