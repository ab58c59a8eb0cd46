public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an element (other than `<html>`) whose `lang` value is not a valid language tag while it sets the
/// language of some text, so that text is read with the wrong voice (WCAG 3.1.2; axe `valid-lang`; ACT de46e4).
///
/// As ACT: applies when `lang` is not empty and the element is the nearest `lang` ancestor of rendered text (or of
/// an image's non-empty `alt`); text hidden by `aria-hidden` or moved off-screen still counts (it is visible or
/// exposed), unrendered text (`display:none`, `hidden`) does not.
public struct ValidLangRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.valid-lang"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let nodes = page.snapshot.nodes
        guard nodes.count > 1, page.snapshot.indices(withAttribute: "lang").contains(where: { $0 > 0 }) else {
            return []
        }
        let rendered = RenderedTree.of(page)
        // The nearest element with a lang attribute, per element, in one pass (parents precede children).
        var owner = [Int?](repeating: nil, count: nodes.count)
        var ownsText = [Bool](repeating: false, count: nodes.count)
        for (index, node) in nodes.enumerated() {
            owner[index] = node.hasAttribute("lang") ? index : node.parent.flatMap { owner[$0] }
            guard let current = owner[index], !rendered.notRendered[index], !ownsText[current] else { continue }
            if Self.hasText(node) { ownsText[current] = true }
        }
        var observations: [Observation] = []
        for (index, node) in nodes.enumerated().dropFirst() where ownsText[index] {
            guard let value = node.attribute("lang"), !value.isEmpty else { continue }
            let tag = LanguageTag(value)
            if tag.isValid {
                observations.append(
                    A11yObservation.element(Self.id, .passed, page: page, index: index, url: url, summary: "Valid lang")
                )
            } else {
                let summary = "<\(node.name)> lang=\"\(value)\" is not a valid language tag for the text it contains"
                observations.append(
                    A11yObservation.element(Self.id, .failed, page: page, index: index, url: url, summary: summary)
                )
            }
        }
        return observations
    }

    /// Whether the element has text of its own: a non-blank text child, or an image's non-empty `alt`.
    private static func hasText(_ node: DocumentSnapshot.Node) -> Bool {
        if ["img", "area", "input"].contains(node.name), let alt = node.attribute("alt"),
            !alt.trimmingASCIIWhitespace.isEmpty
        {
            return true
        }
        return node.children.contains {
            if case .text(let text) = $0 { return !text.trimmingASCIIWhitespace.isEmpty }
            return false
        }
    }
}
