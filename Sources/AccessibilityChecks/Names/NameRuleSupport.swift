import A11yModel
import Foundation
import PortcullisCore
import PortcullisHTML

/// Building blocks the accessible-name rules share: observations with the element's path, snippet and computed
/// role and name as evidence, and the common "must have a non-empty accessible name" verdict.
enum NameRuleSupport {
    /// The computed role, for evidence: `none` when there is none.
    static func roleLabel(_ page: A11yPage, _ index: Int) -> String { page.role(of: index) ?? "no role" }

    /// The "element needs a non-empty accessible name" verdict for element `index`, described as `what`:
    /// nil (inapplicable) when hidden from assistive technology; passed with a name; needs review when the
    /// element may be hidden by a stylesheet or the name depends on what markup cannot tell; failed otherwise.
    static func requireName(
        _ rule: RuleID,
        page: A11yPage,
        index: Int,
        url: URL,
        what: String,
        keySuffix: String? = nil
    ) -> Observation? {
        let hidden = page.hidden(index)
        if hidden.isHidden { return nil }
        let name = page.accessibleName(index)
        let role = roleLabel(page, index)
        if !name.isEmpty {
            return A11yObservation.element(
                rule,
                .passed,
                page: page,
                index: index,
                url: url,
                summary:
                    "\(what) (role \(role)) has the accessible name \"\(name.text)\" (from \(name.source.rawValue))",
                keySuffix: keySuffix
            )
        }
        if case .uncertain(let reason) = hidden {
            return A11yObservation.element(
                rule,
                .needsReview,
                page: page,
                index: index,
                url: url,
                summary: "\(what) (role \(role)) has no accessible name, but may be hidden: \(reason)",
                keySuffix: keySuffix
            )
        }
        if name.uncertain {
            return A11yObservation.element(
                rule,
                .needsReview,
                page: page,
                index: index,
                url: url,
                summary: "\(what) (role \(role)) has no accessible name in the markup; generated content or "
                    + "stylesheet-hidden references may give it one",
                keySuffix: keySuffix
            )
        }
        return A11yObservation.element(
            rule,
            .failed,
            page: page,
            index: index,
            url: url,
            summary: "\(what) (role \(role)) has no accessible name, so assistive technology announces nothing "
                + "useful for it",
            keySuffix: keySuffix
        )
    }

    /// Indices of the elements whose computed role is one of `roles`, in document order (one pass).
    static func indices(of page: A11yPage, withRoles roles: Set<String>) -> [Int] {
        page.indices(withRoles: roles)
    }

    /// Whether the element's role comes from its `role` attribute (the first token that resolved is explicit).
    static func hasExplicitRole(_ page: A11yPage, _ index: Int, _ role: String) -> Bool {
        page.explicitRoleTokens(of: index).contains(role)
    }

    /// The `input` type, lower-cased, `text` when absent.
    static func inputType(_ node: DocumentSnapshot.Node) -> String {
        (node.attribute("type") ?? "text").trimmingHTMLWhitespace().lowercased()
    }

    /// `link` and the DPUB-ARIA roles that inherit from it (`doc-biblioref`, …): all are links to users.
    static let linkRoles: Set<String> = ["link", "doc-backlink", "doc-biblioref", "doc-glossref", "doc-noteref"]

    /// Whether the element is `<svg>` or inside one (an SVG-namespace element; bounded climb).
    static func isSVG(_ page: A11yPage, _ index: Int) -> Bool {
        var current: Int? = index
        var steps = 0
        while let element = current, steps < 512 {
            let name = page.node(element).name
            if name == "svg" { return true }
            if name == "body" || name == "html" || name == "foreignobject" { return false }
            current = page.node(element).parent
            steps += 1
        }
        return false
    }

    /// Whether the role is a presentational one (`none`, `presentation`).
    static func isPresentational(_ role: String?) -> Bool { role == "none" || role == "presentation" }
}

extension String {
    /// Lower-cased with runs of whitespace collapsed to one space and trimmed, for comparing names.
    var normalisedForComparison: String {
        lowercased().collapsingWhitespace()
    }
}
