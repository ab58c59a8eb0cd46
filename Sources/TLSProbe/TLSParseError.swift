/// A malformed or out-of-bounds server message, with where and what was being read.
///
/// Parsers throw this instead of crashing so a probe can turn hostile input into a finding or a scan note.
public struct TLSParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The class of defect, stable for programmatic handling.
    public enum Kind: String, Sendable, Hashable {
        /// The input ended before a field or vector it announced.
        case truncated
        /// A length field exceeds the protocol's or the caller's bound.
        case oversized
        /// Bytes left over after a structure that must fill its container.
        case trailingBytes
        /// A field holds a value the protocol forbids here.
        case invalidValue
        /// The same extension appears twice (RFC 8446 §4.2).
        case duplicateExtension
        /// The input is not a TLS or SSLv2 message at all.
        case notTLS
    }

    /// The class of defect.
    public var kind: Kind
    /// The structure and field being read, e.g. `ServerHello.session_id`.
    public var context: String
    /// Byte offset within the buffer handed to the failing parser.
    public var offset: Int

    /// Creates an error for `kind` at `offset` while reading `context`.
    public init(_ kind: Kind, _ context: String, offset: Int) {
        self.kind = kind
        self.context = context
        self.offset = offset
    }

    /// One line: kind, context and offset.
    public var description: String { "\(kind.rawValue) in \(context) at offset \(offset)" }
}
