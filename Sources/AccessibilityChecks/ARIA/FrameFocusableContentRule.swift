public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an `<iframe tabindex="-1">` whose document has elements in sequential focus navigation: keyboard users
/// cannot reach them (WCAG 2.1.1; axe `frame-focusable-content`; ACT akn7bn).
///
/// Only `srcdoc` documents can be read from the page; a frame loaded from `src` with a negative tabindex is
/// needs-review. Hidden, inert or tiny frames (`width` or `height` of 1 pixel or less: tracking frames, nothing
/// visible to operate) are inapplicable, as are frames without focusable content. On a page
/// with scripts a passing frame is needs-review (a script may make it inert or move it out of the tab order).
public struct FrameFocusableContentRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.frame-focusable-content"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per rendered iframe with focusable content (or unknown content and a negative tabindex).
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let frames = page.snapshot.indices(named: "iframe")
        guard !frames.isEmpty else { return [] }
        let facts = FocusFacts(page, sequential: false)
        return frames.compactMap { index in
            let node = page.node(index)
            guard !facts.unrendered[index], !page.hidden(index).isHidden, !isTiny(node) else { return nil }
            let negative =
                node.attribute("tabindex").flatMap { Int($0.trimmingHTMLWhitespace()) }
                .map { $0 < 0 } ?? false
            guard let source = node.attribute("srcdoc") else {
                return negative
                    ? ARIARuleSupport.observation(
                        Self.id,
                        .needsReview,
                        page: page,
                        index: index,
                        url: url,
                        "Frame removed from the tab order; its document is not in the page, check it has no controls"
                    )
                    : nil
            }
            let frame = A11yPage(document: HTMLDocument(html: source))
            guard (0..<frame.count).contains(where: { frame.isInSequentialFocusOrder($0) }) else { return nil }
            let outcome: Observation.Outcome = negative ? .failed : (page.hasScripts ? .needsReview : .passed)
            return ARIARuleSupport.observation(
                Self.id,
                outcome,
                page: page,
                index: index,
                url: url,
                negative
                    ? "Frame with tabindex=-1 contains focusable elements keyboard users cannot reach"
                    : "Frame with focusable content stays in the tab order"
            )
        }
    }

    /// Whether a `width` or `height` attribute makes the frame at most one pixel wide or high.
    private func isTiny(_ node: DocumentSnapshot.Node) -> Bool {
        ["width", "height"].contains { name in
            guard let value = node.attribute(name)?.trimmingHTMLWhitespace(), let size = Int(value) else {
                return false
            }
            return size <= 1
        }
    }
}
