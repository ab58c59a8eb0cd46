public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an HTML page whose first `<title>` element is missing or blank: the title is what screen readers
/// announce first and what tabs and history show (WCAG 2.4.2; axe `document-title`; ACT 2779a5).
///
/// As browsers, the page title is the first `<title>` in the document, even one misplaced in `<body>`; `<title>`
/// inside inline SVG or MathML names the graphic, and one in `<template>` content is not in the document, so
/// neither counts. Standalone SVG documents are out of scope.
public struct DocumentTitleRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.document-title"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        guard DocumentRoot.htmlElement(of: page) != nil else { return [] }
        let snapshot = page.snapshot
        let titles = snapshot.indices(named: "title")
        var excluded: [Bool] = []
        if !titles.isEmpty {
            // One pass: an element is out of the document's own content when an ancestor is svg/math/template.
            excluded = [Bool](repeating: false, count: snapshot.nodes.count)
            for (index, node) in snapshot.nodes.enumerated() {
                let parentExcluded = node.parent.map { excluded[$0] || Self.foreign.contains(snapshot.nodes[$0].name) }
                excluded[index] = parentExcluded ?? false
            }
        }
        guard let title = titles.first(where: { !excluded[$0] }) else {
            return [A11yObservation.page(Self.id, .failed, url: url, "The document has no <title> element")]
        }
        let text = TextContent.of(title, in: snapshot).trimmingASCIIWhitespace
        if text.isEmpty {
            return [
                A11yObservation.element(
                    Self.id,
                    .failed,
                    page: page,
                    index: title,
                    url: url,
                    summary: "The document's <title> is empty"
                )
            ]
        }
        return [
            A11yObservation.element(Self.id, .passed, page: page, index: title, url: url, summary: "Title \"\(text)\"")
        ]
    }

    private static let foreign: Set<String> = ["svg", "math", "template"]
}

/// The text content of an element from the snapshot, without recursion.
enum TextContent {
    /// The concatenated text of `index` and its descendants, in document order, capped at `limit` characters.
    static func of(_ index: Int, in snapshot: DocumentSnapshot, limit: Int = 1000) -> String {
        var result = ""
        var stack: [DocumentSnapshot.Child] = [.element(index)]
        while let child = stack.popLast(), result.count < limit {
            switch child {
            case .text(let text): result += text
            case .element(let element): stack.append(contentsOf: snapshot.nodes[element].children.reversed())
            }
        }
        return String(result.prefix(limit))
    }
}
