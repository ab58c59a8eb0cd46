/// Where the charset used to decode a document came from, in order of precedence.
public enum CharsetSource: String, Sendable, Hashable, CustomStringConvertible {
    /// A byte order mark at the start of the body (wins over everything, as in browsers).
    case byteOrderMark = "byte-order-mark"
    /// The `charset` parameter of the HTTP `Content-Type` header.
    case httpHeader = "http-header"
    /// `<meta charset>` or `<meta http-equiv="content-type" content="...charset=...">` in the first 1024 bytes.
    case metaTag = "meta-tag"
    /// Nothing usable was declared, so the document was decoded as UTF-8.
    case defaultUTF8 = "default"

    /// The kebab-case name, for evidence.
    public var description: String { rawValue }
}
