public import A11yModel
import ARIAModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an exposed element with an explicit role that needs a context role (listitem in list, row in
/// table/grid/rowgroup, tab in tablist, option in listbox, menuitem in menu, treeitem in tree) when its owning
/// element has another role (WCAG 1.3.1; axe `aria-required-parent`; ACT ff89c9).
///
/// The owner is the `aria-owns` claimant, else the DOM parent; `none`/`presentation` elements and plain generic
/// containers (no role attribute, no `aria-*` attribute, not focusable — they are not in the accessibility tree)
/// are looked through. Applies only where the explicit role differs from the implicit one (`<li role=listitem>`
/// in `<ul>` is inapplicable, as in ACT).
public struct AriaRequiredParentRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.aria-required-parent"

    /// How many transparent containers are looked through before giving up (needs review).
    private static let maximumClimb = 256

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed element with an explicit role that requires a context role.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var ownership: AriaOwnership?
        var observations: [Observation] = []
        for index in page.snapshot.indices(withAttribute: "role") {
            guard let role = ARIARuleSupport.explicitRole(page, index), page.role(of: index) == role,
                role != page.implicitRole(of: index), let description = ARIA.role(role),
                !description.requiredContextRoles.isEmpty, let exposure = ARIARuleSupport.exposure(page, index)
            else { continue }
            if ownership == nil { ownership = AriaOwnership.of(page) }
            guard let owned = ownership else { continue }
            let context = contextRole(of: index, page, owned)
            let outcome: Observation.Outcome
            let summary: String
            switch context {
            case .found(let parentRole):
                let ok = parentRole.map { description.requiredContextRoles.contains($0) } ?? false
                outcome = ARIARuleSupport.outcome(failing: !ok, exposure)
                let expected = description.requiredContextRoles.joined(separator: " or ")
                summary =
                    ok
                    ? "Role \(role) is owned by a \(parentRole ?? "")"
                    : "Role \(role) must be owned by \(expected), found \(parentRole ?? "no role")"
            case .undecided:
                outcome = .needsReview
                summary = "Role \(role): the owning element could not be found within \(Self.maximumClimb) levels"
            }
            observations.append(
                ARIARuleSupport.observation(Self.id, outcome, page: page, index: index, url: url, summary)
            )
        }
        if page.hasScripts {
            observations += scriptOwnedElements(page, ownership ?? AriaOwnership.of(page), url)
        }
        return observations
    }

    /// Containers whose `aria-owns` names ids missing from the markup on a scripted page: the owned elements a
    /// script adds (possibly in a shadow tree, where `aria-owns` cannot reach) cannot be checked, so needs review.
    private func scriptOwnedElements(_ page: A11yPage, _ owned: AriaOwnership, _ url: URL) -> [Observation] {
        owned.missingReferences.sorted().compactMap { index in
            guard let role = page.role(of: index), ARIA.role(role)?.requiredOwnedElements.isEmpty == false,
                ARIARuleSupport.exposure(page, index) != nil
            else { return nil }
            return ARIARuleSupport.observation(
                Self.id,
                .needsReview,
                page: page,
                index: index,
                url: url,
                "Role \(role) claims elements missing from the markup with aria-owns; a script may add them"
            )
        }
    }

    private enum Context {
        case found(String?)
        case undecided
    }

    private func contextRole(of index: Int, _ page: A11yPage, _ owned: AriaOwnership) -> Context {
        var current = owned.owningElement(of: index, in: page)
        var steps = 0
        while let at = current {
            steps += 1
            if steps > Self.maximumClimb { return .undecided }
            let role = page.role(of: at)
            if role == "none" || role == "presentation" || isTransparentGeneric(at, role, page) {
                current = owned.owningElement(of: at, in: page)
                continue
            }
            return .found(role)
        }
        return .found(nil)
    }

    private func isTransparentGeneric(_ index: Int, _ role: String?, _ page: A11yPage) -> Bool {
        guard role == nil || role == "generic" else { return false }
        let node = page.node(index)
        return !node.hasAttribute("role") && ARIARuleSupport.ariaAttributes(node).isEmpty && !page.isFocusable(index)
    }
}
