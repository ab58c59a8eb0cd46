/// The result of ``HTMLDocument/evaluate(_:)``: what an XPath 1.0 expression yields.
public enum XPathValue {
    /// A node set: the element nodes in it, and the XPath string-value of every node in it (elements, attributes,
    /// text nodes...), both in document order.
    case nodeSet(elements: [HTMLElement], strings: [String])
    /// A boolean, e.g. from `boolean(//form[@method='get'])`.
    case boolean(Bool)
    /// A number, e.g. from `count(//img[not(@alt)])`.
    case number(Double)
    /// A string, e.g. from `string(//title)`.
    case string(String)
}
