import A11yModel
import ARIAModel
import Foundation
import PortcullisCore
import PortcullisHTML

/// Shared helpers of the ARIA rule group: observations with evidence, exposure, and per-element ARIA facts.
enum ARIARuleSupport {
    /// How sure markup is that an element is exposed to assistive technology; nil (from ``exposure(_:_:)``)
    /// means hidden for certain, so rules about exposed elements do not apply.
    enum Exposure {
        case exposed
        case uncertain
    }

    /// Whether the element is exposed, maybe exposed, or (nil) certainly hidden.
    static func exposure(_ page: A11yPage, _ index: Int) -> Exposure? {
        switch page.hidden(index) {
        case .exposed: return .exposed
        case .hidden: return nil
        case .uncertain: return .uncertain
        }
    }

    /// The outcome for an element that fails or holds, downgraded to needs-review when its exposure is uncertain.
    static func outcome(failing: Bool, _ exposure: Exposure) -> Observation.Outcome {
        guard failing else { return .passed }
        return exposure == .uncertain ? .needsReview : .failed
    }

    /// One observation about the element at `index`, with its path; failures and needs-review also carry the
    /// snippet and the computed role and name.
    static func observation(
        _ rule: RuleID,
        _ outcome: Observation.Outcome,
        page: A11yPage,
        index: Int,
        url: URL,
        _ summary: @autoclosure () -> String
    ) -> Observation {
        // Passes skip the accessible-name computation: they never become findings.
        A11yObservation.element(
            rule,
            outcome,
            page: page,
            index: index,
            url: url,
            summary: outcome == .passed ? summary() : "\(summary()) (\(describe(page, index)))"
        )
    }

    /// "role X, name "…"" for evidence.
    static func describe(_ page: A11yPage, _ index: Int) -> String {
        let role = page.role(of: index) ?? "no role"
        let name = page.accessibleName(index).text
        return name.isEmpty ? "role \(role), no accessible name" : "role \(role), name \"\(name.prefix(80))\""
    }

    /// The elements carrying some `aria-*` attribute, in document order: found once per page and shared, so the
    /// attribute rules visit only them.
    static func ariaAttributed(_ page: A11yPage) -> [Int] {
        page.derived(ARIAAttributedElements.self) {
            ARIAAttributedElements(indices: $0.snapshot.indices(withAttributePrefix: "aria-"))
        }.indices
    }

    /// The element's `aria-*` attributes, in source order.
    static func ariaAttributes(_ node: DocumentSnapshot.Node) -> [(name: String, value: String)] {
        node.attributes.filter { $0.name.hasPrefix("aria-") }
    }

    /// The first known, non-abstract token of the `role` attribute (the explicit role), nil when none.
    static func explicitRole(_ page: A11yPage, _ index: Int) -> String? {
        page.explicitRoleTokens(of: index).first { ARIA.role($0).map { !$0.isAbstract } ?? false }
    }

    /// Whether the element's explicit role is `none`/`presentation` (conflict resolution aside).
    static func isExplicitlyPresentational(_ page: A11yPage, _ index: Int) -> Bool {
        let role = explicitRole(page, index)
        return role == "none" || role == "presentation"
    }

    /// The role used to judge attributes: the computed role, or for elements without one the role ARIA in HTML
    /// borrows attributes from (`audio`/`video` → application, `input type=password` → textbox).
    static func attributeRole(_ page: A11yPage, _ index: Int) -> String? {
        if let role = page.role(of: index) { return role }
        let node = page.node(index)
        switch node.name {
        case "audio", "video": return "application"
        case "input" where node.attribute("type")?.lowercased() == "password": return "textbox"
        default: return nil
        }
    }

    /// Whether `aria-hidden` is `true` (ASCII case-insensitive, surrounding whitespace ignored).
    static func isAriaHiddenTrue(_ node: DocumentSnapshot.Node) -> Bool {
        node.attribute("aria-hidden")?.trimmingHTMLWhitespace().lowercased() == "true"
    }

    /// Whether markup alone hides the element from rendering: the `hidden` attribute or an inline
    /// `display:none` / `visibility:hidden` (so it cannot take focus whatever its `aria-hidden`).
    static func isHiddenFromRendering(_ node: DocumentSnapshot.Node) -> Bool {
        if node.hasAttribute("hidden") { return true }
        guard let style = node.attribute("style")?.lowercased() else { return false }
        let compact = style.filter { !$0.isWhitespace }
        return compact.contains("display:none") || compact.contains("visibility:hidden")
    }

    /// Whether the element or an ancestor is inert or hidden from rendering (a bounded climb).
    static func isUnrendered(_ page: A11yPage, _ index: Int) -> Bool {
        var current: Int? = index
        while let at = current {
            let node = page.node(at)
            if isHiddenFromRendering(node) || node.hasAttribute("inert") || node.name == "template" { return true }
            current = node.parent
        }
        return false
    }
}

/// The page's elements with `aria-*` attributes, shared through ``A11yPage/derived(_:_:)``.
private struct ARIAAttributedElements {
    let indices: [Int]
}
