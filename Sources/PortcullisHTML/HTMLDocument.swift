public import Foundation

/// A parsed HTML document. Not Sendable: parse and use it within one task.
///
/// Parsing is libxml2's HTML parser (not an HTML5 parser; see the gaps pinned in the tests) with recovery on,
/// errors silenced and network access off. Any input, however broken, gives a document; input libxml2 cannot
/// parse at all (e.g. empty data) gives a document with no ``root``.
public final class HTMLDocument {
    /// The charset actually used to decode, lower-case (e.g. `utf-8`, `windows-1252`).
    public let charset: String
    /// Where ``charset`` came from.
    public let charsetSource: CharsetSource
    /// Declared charset labels that were skipped because libxml2 cannot decode them (normalised, in precedence order).
    public let ignoredCharsets: [String]

    private let storage: LibXML2Document
    /// Lazily built facts about the whole tree (ids, sibling positions) shared by element paths and lookups.
    private var cachedIndex: DocumentIndex?

    /// Parses `data`; charset from a byte order mark, else `httpCharset` (the Content-Type `charset` parameter),
    /// else `<meta charset>` / `<meta http-equiv=content-type content="...charset=">` sniffed in the first
    /// 1024 bytes, else UTF-8. Labels libxml2 cannot decode are skipped and listed in ``ignoredCharsets``.
    /// Never crashes on hostile or broken input; unparseable input gives a document with no root.
    public convenience init(data: Data, httpCharset: String? = nil) {
        self.init(data: data, decision: CharsetResolver().resolve(data: data, httpCharset: httpCharset))
    }

    /// Parses a Swift string, as UTF-8 whatever its `<meta charset>` says (``charsetSource`` is `.defaultUTF8`).
    public convenience init(html: String) {
        self.init(data: Data(html.utf8), decision: .init(charset: "utf-8", source: .defaultUTF8, ignoredLabels: []))
    }

    /// Parses `data` with an already decided charset.
    private init(data: Data, decision: CharsetResolver.Decision) {
        charset = decision.charset
        charsetSource = decision.source
        ignoredCharsets = decision.ignoredLabels
        storage = LibXML2Document(data: data, encoding: decision.charset)
    }

    /// The root `<html>` element, if any.
    public var root: HTMLElement? {
        storage.rootElement.map { HTMLElement(document: self, node: $0) }
    }

    /// The `<head>` element (libxml2 implies one only when head content appears), if any.
    public var head: HTMLElement? {
        root?.children.first { $0.name == "head" }
    }

    /// The `<body>` element (libxml2 implies one for any body content), if any.
    public var body: HTMLElement? {
        root?.children.first { $0.name == "body" }
    }

    /// Evaluates an XPath 1.0 expression; returns the element nodes it selects (others ignored).
    /// Throws ``HTMLError`` with code `invalid-xpath` when libxml2 rejects the expression.
    public func select(_ xpath: String) throws(HTMLError) -> [HTMLElement] {
        switch try storage.evaluate(xpath) {
        case .nodeSet(let elements, _):
            return elements.map { HTMLElement(document: self, node: $0) }
        case .boolean, .number, .string:
            return []
        }
    }

    /// Evaluates an XPath 1.0 expression and returns whatever it yields: elements and string-values for a
    /// node set (so `//meta/@content` works), or a boolean, number or string (`count(//img[not(@alt)])`).
    public func evaluate(_ xpath: String) throws(HTMLError) -> XPathValue {
        switch try storage.evaluate(xpath) {
        case .nodeSet(let elements, let strings):
            return .nodeSet(elements: elements.map { HTMLElement(document: self, node: $0) }, strings: strings)
        case .boolean(let value):
            return .boolean(value)
        case .number(let value):
            return .number(value)
        case .string(let value):
            return .string(value)
        }
    }

    /// All elements in document order (depth-first), optionally only those named `name` (lower-case).
    public func elements(named name: String? = nil) -> [HTMLElement] {
        guard let root = storage.rootElement else { return [] }
        return storage.elements(from: root, named: name?.lowercased()).map { HTMLElement(document: self, node: $0) }
    }

    /// The element with `id` (first in document order).
    public func element(id: String) -> HTMLElement? {
        index.firstElement(withID: id).map { HTMLElement(document: self, node: $0) }
    }

    /// Elements in the subtree of `node` (itself included), for ``HTMLElement/descendants(named:)``.
    func elements(under node: XMLNode, named name: String?) -> [XMLNode] {
        storage.elements(from: node, named: name)
    }

    /// libxml2's serialisation of `node`'s subtree.
    func html(of node: XMLNode) -> String {
        storage.html(of: node)
    }

    /// The id and sibling-position index, built on first use.
    var index: DocumentIndex {
        if let cachedIndex { return cachedIndex }
        let built = DocumentIndex(elements: storage.rootElement.map { storage.elements(from: $0, named: nil) } ?? [])
        cachedIndex = built
        return built
    }
}
