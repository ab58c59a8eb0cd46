import CLibXML2
public import Foundation

// The one file that touches libxml2's C pointers. Everything else in PortcullisHTML works through the
// safe types below: `LibXML2Document` owns a parsed tree, `XMLNode` is a non-owning handle into it that is only
// ever used while its document is alive (``HTMLElement`` keeps the document alive alongside the handle).

/// Process-wide libxml2 set-up, run once, lazily and thread-safely (Swift globals initialise with `swift_once`).
private let libxml2Initialised: Bool = {
    xmlInitParser()
    return true
}()

/// Process-level facts and switches for libxml2.
enum LibXML2 {
    /// Relaxed parsing, silent, never touches the network, and our decoding choice beats in-document hints.
    static let parseOptions: Int32 = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
    )

    /// The most XPath operations one evaluation may take; stops hostile expressions on hostile documents.
    static let xpathOperationLimit: UInt = 50_000_000

    /// Runs `xmlInitParser()` the first time it is called in this process.
    static func initialise() {
        _ = libxml2Initialised
    }

    /// Whether libxml2 (built-in tables, iconv or ICU) can decode the charset called `name`.
    static func isEncodingSupported(_ name: String) -> Bool {
        initialise()
        guard !name.isEmpty, !name.utf8.contains(0) else { return false }
        return name.withCString { pc_xml_encoding_supported($0) } != 0
    }

    /// Parses `data` as HTML decoded with `encoding`; nil when libxml2 produces no document (e.g. empty input).
    static func parse(_ data: Data, encoding: String) -> htmlDocPtr? {
        initialise()
        guard !data.isEmpty, data.count <= Int(Int32.max) else { return nil }
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> htmlDocPtr? in
            guard let base = raw.baseAddress else { return nil }
            return encoding.withCString { encodingName in
                pc_xml_html_read_memory(
                    base.assumingMemoryBound(to: CChar.self),
                    Int32(raw.count),
                    encodingName,
                    parseOptions
                )
            }
        }
    }
}

/// Raw libxml2 calls for benchmarking our wrapper against the library itself.
@_spi(Benchmark)
public enum RawLibXML2 {
    /// Parses `data` (UTF-8) with the same options ``HTMLDocument`` uses, then frees the tree at once.
    /// Returns whether a document came back.
    @discardableResult
    public static func parseAndFree(_ data: Data) -> Bool {
        guard let document = LibXML2.parse(data, encoding: "UTF-8") else { return false }
        xmlFreeDoc(document)
        return true
    }
}

/// Owns one parsed libxml2 document and frees it when the last reference goes.
final class LibXML2Document {
    /// The owned tree; nil when the input could not be parsed at all.
    private let pointer: htmlDocPtr?

    /// Parses `data` decoded as `encoding` with ``LibXML2/parseOptions``.
    init(data: Data, encoding: String) {
        pointer = LibXML2.parse(data, encoding: encoding)
    }

    deinit {
        if let pointer {
            xmlFreeDoc(pointer)
        }
    }

    /// The document's root element (libxml2 implies `<html>` for any non-empty input).
    var rootElement: XMLNode? {
        guard let pointer, let root = xmlDocGetRootElement(pointer) else { return nil }
        return XMLNode(root)
    }

    /// Every element under (and including) `start` in document order, optionally only those named `name`.
    /// Walks the sibling/parent links iteratively, so depth never grows the call stack.
    func elements(from start: XMLNode, named name: String?) -> [XMLNode] {
        var result: [XMLNode] = []
        let wanted: [CChar]? = name.map { Array($0.utf8CString) }
        let top = start.pointer
        var current: xmlNodePtr? = top
        while let node = current {
            if node.pointee.type == XML_ELEMENT_NODE {
                if let wanted {
                    if let nodeName = node.pointee.name,
                        strcmp(UnsafeRawPointer(nodeName).assumingMemoryBound(to: CChar.self), wanted) == 0
                    {
                        result.append(XMLNode(node))
                    }
                } else {
                    result.append(XMLNode(node))
                }
            }
            current = Self.next(after: node, within: top, descend: node.pointee.type == XML_ELEMENT_NODE)
        }
        return result
    }

    /// The node after `node` in a pre-order walk that stays inside `top`.
    private static func next(after node: xmlNodePtr, within top: xmlNodePtr, descend: Bool) -> xmlNodePtr? {
        if descend, let child = node.pointee.children {
            return child
        }
        var climbing: xmlNodePtr? = node
        while let at = climbing, at != top {
            if let sibling = at.pointee.next {
                return sibling
            }
            climbing = at.pointee.parent
        }
        return nil
    }

    /// Evaluates an XPath 1.0 expression against the document, bounded by ``LibXML2/xpathOperationLimit``.
    func evaluate(_ expression: String) throws(HTMLError) -> RawXPathResult {
        guard let pointer else { return .nodes([]) }
        guard !expression.utf8.contains(0) else {
            throw HTMLError(code: .invalidXPath, reason: "the expression contains a NUL character", context: expression)
        }
        guard let context = pc_xml_xpath_context(pointer, LibXML2.xpathOperationLimit) else {
            throw HTMLError(
                code: .xpathFailed,
                reason: "libxml2 could not create an XPath context",
                context: expression
            )
        }
        defer { xmlXPathFreeContext(context) }
        let object = expression.withCString { text in
            xmlXPathEvalExpression(UnsafeRawPointer(text).assumingMemoryBound(to: xmlChar.self), context)
        }
        guard let object else {
            throw Self.xpathError(code: Int(context.pointee.lastError.code), expression: expression)
        }
        defer { xmlXPathFreeObject(object) }
        switch object.pointee.type {
        case XPATH_NODESET:
            let count = Int(pc_xml_xpath_node_count(object))
            var nodes: [XMLNode] = []
            var strings: [String] = []
            nodes.reserveCapacity(count)
            for index in 0..<count {
                guard let node = pc_xml_xpath_node_at(object, Int32(index)) else { continue }
                if node.pointee.type == XML_ELEMENT_NODE {
                    nodes.append(XMLNode(node))
                }
                strings.append(Self.ownedString(xmlXPathCastNodeToString(node)))
            }
            return .nodeSet(elements: nodes, strings: strings)
        case XPATH_BOOLEAN:
            return .boolean(object.pointee.boolval != 0)
        case XPATH_NUMBER:
            return .number(object.pointee.floatval)
        case XPATH_STRING:
            return .string(object.pointee.stringval.map { String(cString: $0) } ?? "")
        default:
            return .nodes([])
        }
    }

    /// libxml2's XPath error messages, indexed by `xmlXPathError` (its `lastError.code` minus 1200). With our
    /// silent error callback libxml2 records only the code, not the message.
    private static let xpathMessages = [
        "ok", "number encoding", "unfinished literal", "start of literal", "expected $ for variable reference",
        "undefined variable", "invalid predicate", "invalid expression", "missing closing curly brace",
        "unregistered function", "invalid operand", "invalid type", "invalid number of arguments",
        "invalid context size", "invalid context position", "memory allocation error", "syntax error",
        "resource error", "sub resource error", "undefined namespace prefix", "encoding error", "char out of XML range",
        "invalid or incomplete context", "stack usage error", "forbidden variable", "operation limit exceeded",
        "recursion limit exceeded",
    ]

    /// The ``HTMLError`` for a failed evaluation whose libxml2 error code is `code`.
    private static func xpathError(code: Int, expression: String) -> HTMLError {
        let index = code - Int(XML_XPATH_EXPRESSION_OK.rawValue)
        let reason = xpathMessages.indices.contains(index) ? xpathMessages[index] : "XPath error \(code)"
        let kind: HTMLError.Code =
            switch index {
            case Int(XPATH_OP_LIMIT_EXCEEDED.rawValue), Int(XPATH_RECURSION_LIMIT_EXCEEDED.rawValue):
                .xpathLimitExceeded
            case Int(XPATH_MEMORY_ERROR.rawValue):
                .xpathFailed
            default:
                .invalidXPath
            }
        return HTMLError(code: kind, reason: reason, context: expression)
    }

    /// Serialises `node` and its subtree as HTML with libxml2's serialiser.
    func html(of node: XMLNode) -> String {
        guard let pointer, let output = xmlAllocOutputBuffer(nil) else { return "" }
        defer { _ = xmlOutputBufferClose(output) }
        // Format 0: no added line breaks, so the markup is as close to the parsed tree as libxml2 gets.
        htmlNodeDumpFormatOutput(output, pointer, node.pointer, nil, 0)
        _ = xmlOutputBufferFlush(output)
        guard let content = xmlOutputBufferGetContent(output) else { return "" }
        let bytes = UnsafeBufferPointer(start: content, count: Int(xmlOutputBufferGetSize(output)))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Converts a libxml2-allocated string to Swift and frees it.
    fileprivate static func ownedString(_ text: UnsafeMutablePointer<xmlChar>?) -> String {
        guard let text else { return "" }
        defer { pc_xml_free(text) }
        return String(cString: text)
    }
}

/// What an XPath evaluation produced, as safe handles and values.
enum RawXPathResult {
    /// A node set: its element nodes, and the XPath string-value of every node (elements, attributes, text...).
    case nodeSet(elements: [XMLNode], strings: [String])
    /// A boolean result, e.g. `boolean(//form)`.
    case boolean(Bool)
    /// A number result, e.g. `count(//img)`.
    case number(Double)
    /// A string result, e.g. `string(//title)`.
    case string(String)

    /// An empty node set.
    static func nodes(_ elements: [XMLNode]) -> RawXPathResult {
        .nodeSet(elements: elements, strings: [])
    }
}

/// A non-owning handle to one node of a ``LibXML2Document``. Hashable by node identity.
/// Only valid while its document is alive; ``HTMLElement`` pairs it with the owning document.
struct XMLNode: Hashable {
    /// What kind of node this is, reduced to the kinds the HTML layer cares about.
    enum Kind {
        case element
        case text
        case comment
        case other
    }

    fileprivate let pointer: xmlNodePtr

    fileprivate init(_ pointer: xmlNodePtr) {
        self.pointer = pointer
    }

    /// The node kind.
    var kind: Kind {
        switch pointer.pointee.type {
        case XML_ELEMENT_NODE: .element
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: .text
        case XML_COMMENT_NODE: .comment
        default: .other
        }
    }

    /// The node name as libxml2 stores it (HTML element names are lower-cased by the parser).
    var name: String {
        pointer.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// The parent element, nil at the root (the document node is not an element).
    var parentElement: XMLNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLNode(parent)
    }

    /// The first child node of any kind.
    var firstChild: XMLNode? {
        pointer.pointee.children.map(XMLNode.init)
    }

    /// The next sibling node of any kind.
    var nextSibling: XMLNode? {
        pointer.pointee.next.map(XMLNode.init)
    }

    /// The previous sibling node of any kind.
    var previousSibling: XMLNode? {
        pointer.pointee.prev.map(XMLNode.init)
    }

    /// Whether both nodes are elements with the same name, compared without creating strings.
    func isElement(namedLike other: XMLNode) -> Bool {
        guard pointer.pointee.type == XML_ELEMENT_NODE, other.pointer.pointee.type == XML_ELEMENT_NODE,
            let name = pointer.pointee.name, let otherName = other.pointer.pointee.name
        else { return false }
        return name == otherName || xmlStrEqual(name, otherName) != 0
    }

    /// The source line libxml2 recorded (0 when unknown; libxml2's HTML parser stores at most 65535).
    var line: Int {
        max(0, Int(xmlGetLineNo(pointer)))
    }

    /// All descendant text concatenated by libxml2 (`xmlNodeGetContent`).
    var textContent: String {
        LibXML2Document.ownedString(xmlNodeGetContent(pointer))
    }

    /// Attributes in source order. A value-less attribute has the value "" (`<img alt>`), except HTML's boolean
    /// attributes, to which libxml2 gives their own name (`<input disabled>` has `disabled="disabled"`).
    var attributes: [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var attribute = pointer.pointee.properties
        while let current = attribute {
            let name = current.pointee.name.map { String(cString: $0) } ?? ""
            result.append((name: name, value: Self.value(of: current)))
            attribute = current.pointee.next
        }
        return result
    }

    /// The value of the attribute whose name equals `lowercasedName` ignoring ASCII case, nil when absent.
    func attribute(lowercasedName: String) -> String? {
        guard let found = findAttribute(lowercasedName) else { return nil }
        return Self.value(of: found)
    }

    /// Whether the attribute exists (compared ignoring ASCII case).
    func hasAttribute(lowercasedName: String) -> Bool {
        findAttribute(lowercasedName) != nil
    }

    private func findAttribute(_ lowercasedName: String) -> xmlAttrPtr? {
        guard !lowercasedName.utf8.contains(0) else { return nil }
        return lowercasedName.withCString { wanted -> xmlAttrPtr? in
            var attribute = pointer.pointee.properties
            while let current = attribute {
                if let name = current.pointee.name,
                    strcasecmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), wanted) == 0
                {
                    return current
                }
                attribute = current.pointee.next
            }
            return nil
        }
    }

    /// An attribute's value: its single text child read directly, else libxml2's concatenation.
    private static func value(of attribute: xmlAttrPtr) -> String {
        guard let child = attribute.pointee.children else { return "" }
        if child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content {
            return String(cString: content)
        }
        return LibXML2Document.ownedString(
            xmlNodeListGetString(attribute.pointee.doc, attribute.pointee.children, 1)
        )
    }

    /// The text of a text or comment node ("" for other kinds).
    var content: String {
        guard kind == .text || kind == .comment, let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }
}
