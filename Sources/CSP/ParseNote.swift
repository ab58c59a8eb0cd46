/// Something the parser skipped or ignored while parsing a serialized policy, with the spec step that says so.
public struct ParseNote: Hashable, Sendable {
    /// The kind of note.
    public enum Kind: String, Hashable, Sendable {
        /// A later occurrence of a directive name (CSP3 §2.2.1 step 3.5: ignored).
        case duplicateDirective
        /// A directive token that is not ASCII (CSP3 §2.2.1 step 3.2: skipped).
        case nonASCIIToken
        /// An empty directive token such as `;;` (CSP3 §2.2.1 step 3.2: skipped).
        case emptyToken
        /// A directive a `<meta>` policy cannot carry (CSP3 §3.3: removed).
        case ignoredInMeta
        /// Input over the parser's limits (truncated to keep time bounded).
        case truncated
    }

    /// The kind of note.
    public var kind: Kind
    /// The directive name or token concerned (truncated to 200 characters).
    public var detail: String

    /// Creates a note.
    public init(kind: Kind, detail: String) {
        self.kind = kind
        self.detail = String(detail.prefix(200))
    }
}
