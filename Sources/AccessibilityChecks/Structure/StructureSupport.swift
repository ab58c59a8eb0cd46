import A11yModel
import Foundation
import PortcullisCore
import PortcullisHTML

/// Builds the structure rules' observations the same way: element path, outer HTML snippet and the path as key
/// (the same element in a shared layout aggregates into one finding), or a page-level observation.
enum StructureObservation {
    /// An observation about the element at `index` (with the outer HTML snippet unless it passed); a failure on an element a stylesheet or script may hide
    /// becomes "needs review" (markup cannot tell whether users meet it).
    static func element(
        _ rule: RuleID,
        _ outcome: Observation.Outcome,
        page: A11yPage,
        index: Int,
        url: URL,
        _ summary: @autoclosure () -> String
    ) -> Observation {
        if outcome == .failed, case .uncertain(let reason) = page.hidden(index) {
            return A11yObservation.element(
                rule,
                .needsReview,
                page: page,
                index: index,
                url: url,
                summary: "\(summary()) (the element may be hidden: \(reason))"
            )
        }
        return A11yObservation.element(rule, outcome, page: page, index: index, url: url, summary: summary())
    }

    /// An observation about the whole page: the key is empty so every page aggregates into one.
    static func page(_ rule: RuleID, _ outcome: Observation.Outcome, url: URL, _ summary: String) -> Observation {
        A11yObservation.page(rule, outcome, url: url, summary)
    }
}

/// Facts about landmarks the landmark rules share.
enum Landmarks {
    /// The ARIA 1.2 landmark roles.
    static let roles: Set<String> = [
        "banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search",
    ]

    /// The landmark role of the element at `index`, nil when it is not a landmark: `form` and `region` are
    /// landmarks only with an accessible name (HTML-AAM; axe-core agrees).
    static func role(of index: Int, in page: A11yPage) -> String? {
        guard let role = page.role(of: index), roles.contains(role) else { return nil }
        if role == "form" || role == "region", page.accessibleName(index).isEmpty { return nil }
        return role
    }

    /// For every element, the landmark roles of its ancestors that matter for "top level": bit 0 set when some
    /// ancestor is a landmark, bit 1 when some ancestor is a landmark other than `main`. One pass in document
    /// order (a parent always precedes its children), so deep nesting stays linear; once per page, shared by the
    /// four top-level rules.
    static func ancestorFlags(in page: A11yPage) -> [UInt8] {
        page.derived(LandmarkAncestry.self) { LandmarkAncestry(flags: computeAncestorFlags(in: $0)) }.flags
    }

    private static func computeAncestorFlags(in page: A11yPage) -> [UInt8] {
        let nodes = page.snapshot.nodes
        var flags = [UInt8](repeating: 0, count: nodes.count)
        var own = [UInt8](repeating: 0, count: nodes.count)
        for index in nodes.indices {
            if let role = role(of: index, in: page) { own[index] = role == "main" ? 1 : 3 }
            if let parent = nodes[index].parent { flags[index] = flags[parent] | own[parent] }
        }
        return flags
    }

    /// Every landmark with `role` that is not certainly hidden, in document order.
    static func elements(withRole role: String, in page: A11yPage) -> [Int] {
        candidates(for: role, in: page).filter {
            Landmarks.role(of: $0, in: page) == role && !page.hidden($0).isHidden
        }
    }

    /// The elements that may carry `role`: its native elements and every element with a `role` attribute
    /// (cheaper than asking every element).
    private static func candidates(for role: String, in page: A11yPage) -> [Int] {
        let native: [String] =
            switch role {
            case "banner": ["header"]
            case "contentinfo": ["footer"]
            case "main": ["main"]
            case "complementary": ["aside"]
            case "navigation": ["nav"]
            case "region": ["section"]
            case "form": ["form"]
            case "search": ["search"]
            default: []
            }
        let result = Set(native.flatMap { page.snapshot.indices(named: $0) })
            .union(page.snapshot.indices(withAttribute: "role"))
        return result.sorted()
    }
}

/// The landmark ancestry flags of a page, shared through ``A11yPage/derived(_:_:)``.
private struct LandmarkAncestry {
    let flags: [UInt8]
}

/// Text helpers of the structure rules.
enum StructureText {
    /// The text of the element at `index` and its descendants that are not certainly hidden, whitespace
    /// normalised; `uncertain` when part of it may be hidden by a stylesheet or script. Explicit stack, no
    /// recursion.
    static func visibleText(of index: Int, in page: A11yPage) -> (text: String, uncertain: Bool) {
        let nodes = page.snapshot.nodes
        var parts: [String] = []
        var uncertain = false
        var stack: [DocumentSnapshot.Child] = nodes[index].children.reversed()
        while let child = stack.popLast() {
            switch child {
            case .text(let text): parts.append(text)
            case .element(let element):
                switch page.hidden(element) {
                case .hidden: continue
                case .uncertain: uncertain = true
                case .exposed: break
                }
                stack.append(contentsOf: nodes[element].children.reversed())
            }
        }
        return (normalised(parts.joined(separator: " ")), uncertain)
    }

    /// `text` with runs of whitespace collapsed to one space and trimmed.
    static func normalised(_ text: String) -> String {
        text.collapsingWhitespace()
    }
}
