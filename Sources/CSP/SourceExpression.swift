/// One typed source expression of a directive value (CSP3 §2.3.1 `source-expression`).
public enum SourceExpression: Hashable, Sendable {
    /// A keyword-source or `'none'`.
    case keyword(CSPKeyword)
    /// A nonce-source with its base64 value (case kept).
    case nonce(String)
    /// A hash-source with its algorithm and base64 value.
    case hash(HashAlgorithm, String)
    /// A scheme-source: the scheme lowercased, without the trailing `:`.
    case scheme(String)
    /// A host-source (also covers `https://*`, `*.example.com`, paths, ports).
    case host(HostSource)
    /// The bare `*` wildcard.
    case wildcard
    /// Anything else (kept verbatim so that it can be reported).
    case invalid(String)

    /// Parses one token of a directive value. Never fails: unrecognised tokens become `.invalid`.
    public static func parse(_ token: String) -> SourceExpression {
        if token == "*" { return .wildcard }
        if token.hasPrefix("'") {
            if let keyword = CSPKeyword(token: token) { return .keyword(keyword) }
            if let nonce = quotedValue(token, prefix: "'nonce-"), isBase64Value(nonce) { return .nonce(String(nonce)) }
            for algorithm in HashAlgorithm.allCases {
                if let value = quotedValue(token, prefix: "'\(algorithm.rawValue)-"), isBase64Value(value) {
                    return .hash(algorithm, String(value))
                }
            }
            return .invalid(token)
        }
        if token.hasSuffix(":"), isSchemeName(token.dropLast()) {
            return .scheme(String(token.dropLast()).lowercased())
        }
        if let host = HostSource.parse(token) { return .host(host) }
        return .invalid(token)
    }

    /// `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )` (RFC 3986 §3.1).
    static func isSchemeName(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, first.isASCIILetter else { return false }
        return text.utf8.allSatisfy { $0.isASCIILetterOrDigit || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }
    }

    /// `base64-value = 1*( ALPHA / DIGIT / "+" / "/" / "-" / "_" ) *2"="` (CSP3 §2.3.1).
    public static func isBase64Value(_ value: Substring) -> Bool {
        var body = value.utf8[...]
        var padding = 0
        while body.last == UInt8(ascii: "="), padding < 3 {
            body = body.dropLast()
            padding += 1
        }
        guard padding <= 2, !body.isEmpty else { return false }
        return body.allSatisfy { $0.isASCIILetterOrDigit || $0 == 0x2B || $0 == 0x2F || $0 == 0x2D || $0 == 0x5F }
    }

    /// The text between `prefix` (matched ASCII-case-insensitively) and the closing quote.
    static func quotedValue(_ token: String, prefix: String) -> Substring? {
        guard token.utf8.count > prefix.utf8.count + 1, token.utf8.last == UInt8(ascii: "'") else { return nil }
        guard token.utf8.prefix(prefix.utf8.count).lazy.map(\.asciiLowercased).elementsEqual(prefix.utf8) else {
            return nil
        }
        return token.dropFirst(prefix.count).dropLast()
    }

    /// Whether this is a nonce or hash source.
    public var isNonceOrHash: Bool {
        switch self {
        case .nonce, .hash: true
        default: false
        }
    }
}

extension UInt8 {
    var isASCIILetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
    var isASCIILetterOrDigit: Bool { isASCIILetter || (0x30...0x39).contains(self) }
    var asciiLowercased: UInt8 { (0x41...0x5A).contains(self) ? self + 0x20 : self }
}
