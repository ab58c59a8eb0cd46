public import A11yModel
import ARIAModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an exposed element whose role requires specific owned elements (list → listitem, table → row,
/// row → cell, menu → menuitem, tablist → tab, …) but owns something else (WCAG 1.3.1; axe
/// `aria-required-children`; ACT bc4a75).
///
/// Owned elements are DOM children plus `aria-owns` targets; `none`/`presentation` elements are looked through,
/// hidden ones skipped, elements without a role ignored. A `group` (or `rowgroup`) allowed by a two-step path
/// (`group` › `option`) must itself own only the second step (nested groups allowed). Table-like roles may also
/// own a `caption`, menus and menubars a `separator` (as axe-core allows; ARIA 1.2 does not list it). Busy
/// elements (`aria-busy="true"`) are inapplicable; an element whose `aria-owns` names a missing id on a page with
/// scripts is needs-review, since the script may add it.
public struct AriaRequiredChildrenRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.aria-required-children"

    /// The roles with required owned elements (`list`, `table`, `menu`, …), from the ARIA model.
    private static let rolesOwningRequiredElements = Set(permittedOwned.keys)

    /// Per role with required owned elements: the roles it may own directly, and per group role (`group`,
    /// `rowgroup`) the roles that group may own. Tables may own `caption` and menus `separator` as well.
    private static let permittedOwned: [String: (direct: Set<String>, grouped: [String: Set<String>])] = {
        var result: [String: (direct: Set<String>, grouped: [String: Set<String>])] = [:]
        for role in ARIA.roles.values where !role.requiredOwnedElements.isEmpty {
            var direct = Set(role.requiredOwnedElements.compactMap { $0.count == 1 ? $0[0] : nil })
            var grouped: [String: Set<String>] = [:]
            for path in role.requiredOwnedElements where path.count == 2 {
                grouped[path[0], default: []].insert(path[1])
            }
            if ARIA.role(role.name, inheritsFrom: "table") { direct.insert("caption") }
            if ARIA.role(role.name, inheritsFrom: "menu") { direct.insert("separator") }
            result[role.name] = (direct, grouped)
        }
        return result
    }()

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed element whose role has required owned elements.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var ownership: AriaOwnership?
        var observations: [Observation] = []
        for index in page.indices(withRoles: Self.rolesOwningRequiredElements) {
            guard let role = page.role(of: index), let description = ARIA.role(role),
                !description.requiredOwnedElements.isEmpty,
                page.node(index).attribute("aria-busy")?.lowercased() != "true",
                let exposure = ARIARuleSupport.exposure(page, index)
            else { continue }
            if ownership == nil { ownership = AriaOwnership.of(page) }
            guard let owned = ownership else { continue }
            let wrong = firstDisallowed(description, index, page, owned)
            var outcome = ARIARuleSupport.outcome(failing: wrong != nil, exposure)
            if outcome == .passed, page.hasScripts, owned.missingReferences.contains(index) { outcome = .needsReview }
            let summary =
                wrong.map { "Role \(role) owns a \(roleText(page, $0)) element, not one of its required roles" }
                ?? "Role \(role) owns only permitted elements"
            observations.append(
                ARIARuleSupport.observation(Self.id, outcome, page: page, index: index, url: url, summary)
            )
        }
        return observations
    }

    private func roleText(_ page: A11yPage, _ index: Int) -> String {
        "<\(page.node(index).name)> (\(page.role(of: index) ?? "no role"))"
    }

    /// The first owned element whose role is not permitted, nil when all are.
    private func firstDisallowed(_ role: ARIARole, _ index: Int, _ page: A11yPage, _ owned: AriaOwnership) -> Int? {
        guard let (direct, grouped) = Self.permittedOwned[role.name] else { return nil }
        for child in effectiveOwned(index, page, owned) {
            guard let childRole = page.role(of: child) else { continue }
            if direct.contains(childRole) { continue }
            guard let inner = grouped[childRole] else { return child }
            // A group: every element it owns must be the second step or a nested group of the same kind.
            var pending = [child]
            var visited: Set<Int> = [child]
            while let group = pending.popLast() {
                for member in effectiveOwned(group, page, owned) {
                    guard let memberRole = page.role(of: member) else { continue }
                    if inner.contains(memberRole) { continue }
                    guard memberRole == childRole && childRole == "group" else { return member }
                    if visited.insert(member).inserted { pending.append(member) }
                }
            }
        }
        return nil
    }

    /// Owned elements with hidden ones skipped and presentational ones looked through (explicit stack; each
    /// element visited once, so `aria-owns` cycles end).
    private func effectiveOwned(_ index: Int, _ page: A11yPage, _ owned: AriaOwnership) -> [Int] {
        var result: [Int] = []
        var visited: Set<Int> = [index]
        var pending = Array(owned.ownedElements(of: index, in: page).reversed())
        while let next = pending.popLast() {
            guard visited.insert(next).inserted else { continue }
            if page.hidden(next).isHidden { continue }
            let role = page.role(of: next)
            if role == "none" || role == "presentation" {
                pending += owned.ownedElements(of: next, in: page).reversed()
            } else {
                result.append(next)
            }
        }
        return result
    }
}
