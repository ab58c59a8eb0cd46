public import PortcullisHTML

/// A page as assistive technology would meet it, computed from markup alone: each element's role, whether it is
/// hidden, focusable, and its accessible name and description. Built once per page; every rule reads it.
///
/// Markup cannot always decide (a stylesheet may hide content, a script may build the DOM): such answers carry an
/// uncertainty so rules report "needs review" instead of guessing.
public final class A11yPage {
    /// The element tree.
    public let snapshot: DocumentSnapshot
    /// Whether the page has `<script>` elements (the DOM a user meets may differ from the markup).
    public let hasScripts: Bool
    /// Whether the page has stylesheets (`<style>`, `<link rel=stylesheet>`) that may hide or move content.
    public let hasStylesheets: Bool

    /// Builds the page model from a parsed document.
    public init(document: HTMLDocument) {
        let snapshot = DocumentSnapshot(document)
        self.snapshot = snapshot
        hasScripts = !snapshot.indices(named: "script").isEmpty
        hasStylesheets =
            !snapshot.indices(named: "style").isEmpty
            || snapshot.indices(named: "link").contains {
                snapshot.nodes[$0].attribute("rel")?.lowercased().split(separator: " ").contains("stylesheet") == true
            }
    }

    /// The element count.
    public var count: Int { snapshot.nodes.count }

    /// The element at `index`.
    public func node(_ index: Int) -> DocumentSnapshot.Node { snapshot.nodes[index] }

    /// The role tokens of the `role` attribute, lower-cased, in order.
    public func explicitRoleTokens(of index: Int) -> [String] {
        (snapshot.nodes[index].attribute("role") ?? "").lowercased().split(whereSeparator: \.isWhitespace).map(
            String.init
        )
    }

    /// The implicit role per HTML-AAM / HTML-ARIA (`a[href]` → `link`, `h1` → `heading`, …), nil when none.
    public func implicitRole(of index: Int) -> String? { nil }

    /// The role assistive technology gets: the first valid, non-abstract explicit token, else the implicit role;
    /// `none`/`presentation` are ignored (conflict resolution) on focusable elements or ones with global ARIA
    /// attributes.
    public func role(of index: Int) -> String? { implicitRole(of: index) }

    /// Whether the element is hidden from assistive technology, and how sure that is.
    public func hidden(_ index: Int) -> Hiddenness { .exposed }

    /// Whether the element is focusable (natively or by `tabindex`), not disabled or inert.
    public func isFocusable(_ index: Int) -> Bool { false }

    /// Whether the element is in sequential focus navigation (focusable and `tabindex` not negative).
    public func isInSequentialFocusOrder(_ index: Int) -> Bool { false }

    /// The accessible name per W3C accname 1.2.
    public func accessibleName(_ index: Int) -> AccessibleName { AccessibleName(text: "", source: .none) }

    /// The accessible description per accname 1.2 (`aria-describedby`, `aria-description`, `title`).
    public func accessibleDescription(_ index: Int) -> String { "" }
}

/// Whether an element is hidden from assistive technology.
public enum Hiddenness: Sendable, Hashable {
    /// Exposed (as far as markup tells).
    case exposed
    /// Hidden for certain: `hidden`, `aria-hidden="true"`, inline `display:none` / `visibility:hidden`,
    /// `<template>`, an ancestor of those, or non-rendered elements (`head`, `script`, …).
    case hidden(String)
    /// Maybe hidden: a stylesheet or script may hide it; the reason says what markup cannot decide.
    case uncertain(String)

    /// Whether it is certainly hidden.
    public var isHidden: Bool {
        if case .hidden = self { return true }
        return false
    }
}

/// An accessible name and where it came from.
public struct AccessibleName: Sendable, Hashable {
    /// Where the name came from (accname 1.2 step).
    public enum Source: String, Sendable, Hashable {
        case none, ariaLabelledby, ariaLabel, nativeLabel, alt, caption, legend, figcaption, contents, title,
            placeholder, value
    }

    /// The name, whitespace-normalised; empty when there is none.
    public var text: String
    /// Which step gave it.
    public var source: Source
    /// Whether markup alone could not decide it (CSS-generated content, hidden-by-stylesheet references).
    public var uncertain: Bool

    /// Creates a name.
    public init(text: String, source: Source, uncertain: Bool = false) {
        self.text = text
        self.source = source
        self.uncertain = uncertain
    }

    /// Whether the name is empty.
    public var isEmpty: Bool { text.isEmpty }
}
