public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Markup nested deeper than the HTML parser keeps (libxml2 keeps 256 levels and drops everything deeper, text
/// included) cannot be checked at all: the page gets one "needs review" observation saying so, instead of a
/// silent pass on content nobody looked at. Not a WCAG rule of its own; it tells an auditor where the automated
/// check stopped.
public struct MarkupDepthRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.markup-too-deep"
    /// The deepest level libxml2's HTML parser keeps (the root element is level 0).
    static let parserDepthLimit = 255

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let nodes = page.snapshot.nodes
        guard let deepest = nodes.indices.max(by: { nodes[$0].depth < nodes[$1].depth }),
            nodes[deepest].depth >= Self.parserDepthLimit
        else { return [] }
        return [
            A11yObservation.element(
                Self.id,
                .needsReview,
                page: page,
                index: deepest,
                url: url,
                summary: "Markup is nested deeper than \(Self.parserDepthLimit + 1) levels: the parser dropped the "
                    + "deeper content, so it was not checked"
            )
        ]
    }
}
