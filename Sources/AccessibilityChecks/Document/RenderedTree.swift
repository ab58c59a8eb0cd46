import A11yModel
import Foundation
import PortcullisHTML

/// Which elements are rendered at all, from markup alone, computed in one pass over the snapshot (parents come
/// before their children in document order, so each element inherits its parent's answer).
///
/// Not rendered: what the page model says is not rendered (`hidden`, `display:none` inline or from a style sheet,
/// `visibility:hidden`, `<template>` content, `head`, `script`, …) and its descendants. Invisible adds inline
/// off-screen positioning (`position:absolute; left:-9999px`). These are
/// not the accessibility-tree answer (`aria-hidden` content is still visible) — the ACT rules here ask whether
/// text is visible *or* exposed, so only unrendered content drops out.
struct RenderedTree {
    /// Per element: not rendered (so neither visible nor in the accessibility tree).
    let notRendered: [Bool]
    /// Per element: not visible on screen (not rendered, `visibility:hidden`, or positioned off-screen).
    let invisible: [Bool]

    /// The page's rendering facts, computed once per page and shared by the rules reading them.
    static func of(_ page: A11yPage) -> RenderedTree { page.derived(RenderedTree.self, RenderedTree.init) }

    init(_ page: A11yPage) {
        let snapshot = page.snapshot
        var notRendered = [Bool](repeating: false, count: snapshot.nodes.count)
        var invisible = [Bool](repeating: false, count: snapshot.nodes.count)
        for (index, node) in snapshot.nodes.enumerated() {
            let parentHidden = node.parent.map { notRendered[$0] } ?? false
            let parentInvisible = node.parent.map { invisible[$0] } ?? false
            let hidden = parentHidden || page.notRenderedReason(index) != nil
            notRendered[index] = hidden
            var gone = hidden || parentInvisible
            if !gone, let style = node.attribute("style"), style.range(of: "position", options: .caseInsensitive) != nil
            {
                gone = InlineStyle(style).isPositionedOffScreen
            }
            invisible[index] = gone
        }
        self.notRendered = notRendered
        self.invisible = invisible
    }
}
