import A11yModel
import PortcullisHTML

/// Per-page focus facts computed in two linear passes: which elements are unrendered (themselves or an ancestor
/// `hidden`, inline `display:none`/`visibility:hidden`, `inert`, `<template>`), and for every element one focusable
/// element of its subtree. Pre-order indices put children after parents, so a forward sweep sees parents first and
/// a reverse sweep children first: no recursion, no per-element walks.
struct FocusFacts {
    /// Whether the element or an ancestor is unrendered.
    let unrendered: [Bool]
    /// For each element, a focusable element in its subtree (itself included), nil when none.
    let first: [Int?]

    /// Computes the facts; `sequential` counts only elements in sequential focus navigation (else any focusable).
    init(_ page: A11yPage, sequential: Bool) {
        let count = page.count
        var unrendered = [Bool](repeating: false, count: count)
        for index in 0..<count {
            let node = page.node(index)
            let own =
                ARIARuleSupport.isHiddenFromRendering(node) || node.hasAttribute("inert") || node.name == "template"
            unrendered[index] = own || (node.parent.map { unrendered[$0] } ?? false)
        }
        var first = [Int?](repeating: nil, count: count)
        var index = count - 1
        while index >= 0 {
            if !unrendered[index], sequential ? page.isInSequentialFocusOrder(index) : page.isFocusable(index) {
                first[index] = index
            }
            if !unrendered[index], let found = first[index], let parent = page.node(index).parent {
                // Children are visited last-first, so overwriting keeps the earliest; a focusable parent, visited
                // after its children, then records itself.
                first[parent] = found
            }
            index -= 1
        }
        self.unrendered = unrendered
        self.first = first
    }

    /// A focusable element strictly inside `index`'s subtree, nil when none.
    func inside(_ page: A11yPage, _ index: Int) -> Int? {
        for child in page.node(index).elementChildren {
            if let found = first[child] { return found }
        }
        return nil
    }
}
