public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// All page content should be inside landmarks, so screen-reader users navigating by landmark miss nothing
/// (best practice; axe-core `region`; no ACT rule).
///
/// One pass over the body in document order: a subtree is skipped when it is a landmark, a live region
/// (`aria-live` polite/assertive, roles alert/log/status), a dialog, a button, an iframe, hidden, or a skip link
/// (a same-page link to an existing target that comes before the first link leaving the page). The first
/// element outside those with content of its own (non-blank text, or a visual/form element such as an image or
/// input) fails; its subtree is not reported again. Passed once for the page when nothing is outside.
public struct RegionRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.region"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    private static let stopRoles: Set<String> = ["alert", "log", "status", "dialog", "alertdialog", "button"]
    private static let stopNames: Set<String> = ["iframe", "frame", "dialog", "svg"]
    private static let visualContent: Set<String> = [
        "img", "video", "audio", "canvas", "object", "embed", "math", "select", "textarea", "button", "meter",
        "progress", "input",
    ]

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let nodes = page.snapshot.nodes
        guard let body = page.snapshot.indices(named: "body").first else { return [] }
        let firstLeavingLink = nodes.indices.first { index in
            guard nodes[index].name == "a", let href = nodes[index].attribute("href") else { return false }
            return !Self.isSamePage(href)
        }
        var observations: [Observation] = []
        if Self.hasOwnText(body, nodes: nodes) {
            observations.append(
                StructureObservation.element(
                    Self.id,
                    .failed,
                    page: page,
                    index: body,
                    url: url,
                    "Text directly in <body> is not inside any landmark"
                )
            )
        }
        var index = body + 1
        let end = nodes.count
        let bodyDepth = nodes[body].depth
        while index < end, nodes[index].depth > bodyDepth {
            let node = nodes[index]
            if shouldSkip(index, page: page, firstLeavingLink: firstLeavingLink) {
                index = Self.subtreeEnd(of: index, nodes: nodes)
                continue
            }
            if Self.hasOwnText(index, nodes: nodes) || isVisualContent(node) {
                let role = page.role(of: index).map { " (role \($0))" } ?? ""
                observations.append(
                    StructureObservation.element(
                        Self.id,
                        .failed,
                        page: page,
                        index: index,
                        url: url,
                        "Content in <\(node.name)>\(role) is not inside any landmark (main, nav, header, footer, …)"
                    )
                )
                index = Self.subtreeEnd(of: index, nodes: nodes)
                continue
            }
            index += 1
        }
        if observations.isEmpty {
            return [StructureObservation.page(Self.id, .passed, url: url, "All content is inside landmarks")]
        }
        return observations
    }

    private func shouldSkip(_ index: Int, page: A11yPage, firstLeavingLink: Int?) -> Bool {
        let node = page.snapshot.nodes[index]
        if page.hidden(index).isHidden || Self.stopNames.contains(node.name) { return true }
        if ["script", "style", "template", "noscript"].contains(node.name) { return true }
        if Landmarks.role(of: index, in: page) != nil { return true }
        if let role = page.role(of: index), Self.stopRoles.contains(role) { return true }
        let live = (node.attribute("aria-live") ?? "").lowercased().trimmingHTMLWhitespace()
        if live == "polite" || live == "assertive" { return true }
        return isSkipLink(index, page: page, firstLeavingLink: firstLeavingLink)
    }

    private func isSkipLink(_ index: Int, page: A11yPage, firstLeavingLink: Int?) -> Bool {
        let node = page.snapshot.nodes[index]
        guard node.name == "a", let href = node.attribute("href"), href.hasPrefix("#"), href.count > 1 else {
            return false
        }
        if let firstLeavingLink, firstLeavingLink < index { return false }
        let target = String(href.dropFirst())
        let decoded = target.removingPercentEncoding ?? target
        return page.snapshot.index(ofID: decoded) != nil
            || page.snapshot.indices(named: "a").contains { page.snapshot.nodes[$0].attribute("name") == decoded }
    }

    private func isVisualContent(_ node: DocumentSnapshot.Node) -> Bool {
        guard Self.visualContent.contains(node.name) else { return false }
        return !(node.name == "input" && node.attribute("type")?.lowercased() == "hidden")
    }

    private static func isSamePage(_ href: String) -> Bool {
        href.hasPrefix("#") || href.hasPrefix("/#") || href.lowercased().hasPrefix("javascript:")
    }

    private static func hasOwnText(_ index: Int, nodes: [DocumentSnapshot.Node]) -> Bool {
        nodes[index].children.contains {
            if case .text(let text) = $0 { return !text.allSatisfy(\.isWhitespace) }
            return false
        }
    }

    /// The index after the last descendant of `index` (descendants are contiguous in document order).
    private static func subtreeEnd(of index: Int, nodes: [DocumentSnapshot.Node]) -> Int {
        let depth = nodes[index].depth
        var next = index + 1
        while next < nodes.count, nodes[next].depth > depth { next += 1 }
        return next
    }
}
