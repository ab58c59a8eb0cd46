/// One element of an ``HTMLDocument``; keeps its document alive. Hashable by node identity.
///
/// Not Sendable (it shares the document's non-thread-safe tree): use it in the task that parsed the document,
/// and copy out plain values (names, attribute values, ``cssPath``) for anything that crosses tasks.
public struct HTMLElement: Hashable {
    /// The owning document; holding it keeps `node` valid.
    let document: HTMLDocument
    /// The libxml2 node this element wraps.
    let node: XMLNode

    init(document: HTMLDocument, node: XMLNode) {
        self.document = document
        self.node = node
    }

    /// Equal when both wrap the same node.
    public static func == (lhs: HTMLElement, rhs: HTMLElement) -> Bool {
        lhs.node == rhs.node
    }

    /// Hashes the node identity.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(node)
    }

    /// The lower-case tag name (libxml2 lower-cases HTML names, SVG ones included: `foreignobject`).
    public var name: String {
        node.name
    }

    /// The value of the attribute called `name` (compared ignoring ASCII case), entity-decoded; nil when absent.
    /// A value-less attribute gives "" (`<img alt>`), except HTML boolean attributes, which libxml2 fills with
    /// their own name (`<input disabled>` gives "disabled").
    public func attribute(_ name: String) -> String? {
        node.attribute(lowercasedName: name.lowercased())
    }

    /// Whether the element carries the attribute called `name` (compared ignoring ASCII case).
    public func hasAttribute(_ name: String) -> Bool {
        node.hasAttribute(lowercasedName: name.lowercased())
    }

    /// All attributes in source order (libxml2 keeps the first of duplicated names).
    public var attributes: [(name: String, value: String)] {
        node.attributes
    }

    /// The parent element; nil for the root.
    public var parent: HTMLElement? {
        node.parentElement.map { HTMLElement(document: document, node: $0) }
    }

    /// Element children only, in order.
    public var children: [HTMLElement] {
        var result: [HTMLElement] = []
        var child = node.firstChild
        while let current = child {
            if current.kind == .element {
                result.append(HTMLElement(document: document, node: current))
            }
            child = current.nextSibling
        }
        return result
    }

    /// Child nodes of every kind the checks care about (elements, text, comments), in order; for computations
    /// such as accessible names that must see text and elements interleaved.
    public var childNodes: [HTMLNode] {
        var result: [HTMLNode] = []
        var child = node.firstChild
        while let current = child {
            switch current.kind {
            case .element: result.append(.element(HTMLElement(document: document, node: current)))
            case .text: result.append(.text(current.content))
            case .comment: result.append(.comment(current.content))
            case .other: break
            }
            child = current.nextSibling
        }
        return result
    }

    /// Every descendant element (not the element itself) in document order, optionally only those named `name`.
    public func descendants(named name: String? = nil) -> [HTMLElement] {
        document.elements(under: node, named: name?.lowercased()).lazy
            .filter { $0 != node }
            .map { HTMLElement(document: document, node: $0) }
    }

    /// All descendant text, as libxml2 concatenates it (script and style text included, entities decoded).
    public var textContent: String {
        node.textContent
    }

    /// The ancestors, parent first, root last.
    public var ancestors: [HTMLElement] {
        var result: [HTMLElement] = []
        var current = node.parentElement
        while let ancestor = current {
            result.append(HTMLElement(document: document, node: ancestor))
            current = ancestor.parentElement
        }
        return result
    }

    /// The source line libxml2 recorded for the start tag; 0 if unknown. libxml2's HTML parser stores at most
    /// 65535, so every element from line 65535 on reports 65535.
    public var line: Int {
        node.line
    }

    /// A stable CSS-like path for evidence, e.g. `html > body > main > div:nth-of-type(2) > img`.
    ///
    /// Each step is the tag name, plus `:nth-of-type(k)` when the parent has several children of that name. The
    /// path climbs to the root, or stops at the nearest element (the element itself included) whose `id` is unique
    /// in the document and a plain CSS identifier, which then starts the path: `#hero > img:nth-of-type(1)`.
    /// The same input always gives the same path, and distinct elements get distinct paths.
    public var cssPath: String {
        ElementPath.cssPath(of: node, index: document.index)
    }

    /// The start tag as markup, attributes in source order, values escaped, capped at about 250 characters.
    public var startTagSnippet: String {
        MarkupSnippet.startTag(name: name, attributes: attributes)
    }

    /// The subtree serialised as HTML by libxml2, cut to `maxLength` characters (an ellipsis marks a cut).
    public func outerHTML(maxLength: Int = 500) -> String {
        MarkupSnippet.cap(document.html(of: node), to: maxLength)
    }
}

/// A child node as the HTML layer exposes it.
public enum HTMLNode: Hashable {
    /// An element.
    case element(HTMLElement)
    /// A text node's text (entities decoded; CDATA included).
    case text(String)
    /// A comment's text.
    case comment(String)
}
