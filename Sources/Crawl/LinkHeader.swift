/// One link of an RFC 8288 `Link` header: `<url>; rel="next"; title=...`.
public struct LinkHeaderValue: Sendable, Hashable {
    /// The URI reference between `<` and `>`, as written (resolve it against the response URL).
    public var target: String
    /// The relation types of the first `rel` parameter, lower-cased, split at whitespace; empty without one.
    public var relations: [String]
    /// The other parameters by lower-cased name (first occurrence wins), quoted strings unescaped; a parameter
    /// without a value maps to "". Lets callers read `as` of `rel=preload` or `type`.
    public var parameters: [String: String]

    /// Creates a link value.
    public init(target: String, relations: [String], parameters: [String: String] = [:]) {
        self.target = target
        self.relations = relations
        self.parameters = parameters
    }
}

/// Parses RFC 8288 `Link` header values: several links per header, commas and semicolons inside `<>` and
/// quoted strings, `rel` with several relation types, `rel` after other parameters.
///
/// Tolerant and bounded: a malformed link is skipped up to the next top-level comma, never crashes; at most
/// ``maxValues`` links per header value.
public enum LinkHeader {
    /// The most links read from one header value; a longer list is cut.
    public static let maxValues = 1000

    /// The links in `value`, in order.
    public static func parse(_ value: String) -> [LinkHeaderValue] {
        var scanner = LinkHeaderScanner(Array(value.utf8))
        var links: [LinkHeaderValue] = []
        while links.count < maxValues, let link = scanner.nextLink() {
            if let link {
                links.append(link)
            }
        }
        return links
    }
}

/// A cursor over a `Link` header value's bytes.
private struct LinkHeaderScanner {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The next link; `.some(nil)` for a malformed entry that was skipped; `nil` at the end.
    mutating func nextLink() -> LinkHeaderValue?? {
        while position < bytes.count, bytes[position] == UInt8(ascii: ",") || isWhitespace(bytes[position]) {
            position += 1
        }
        guard position < bytes.count else { return nil }
        guard bytes[position] == UInt8(ascii: "<") else {
            skipToNextLink()
            return .some(nil)
        }
        position += 1
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: ">") {
            position += 1
        }
        guard position < bytes.count else { return .some(nil) }
        let target = String(decoding: bytes[start..<position], as: UTF8.self)
        position += 1
        var relations: [String]?
        var parameters: [String: String] = [:]
        while let (name, value) = nextParameter() {
            if name == "rel" {
                if relations == nil {
                    relations = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.lowercased() }
                }
            } else if parameters[name] == nil {
                parameters[name] = value
            }
        }
        return .some(LinkHeaderValue(target: target, relations: relations ?? [], parameters: parameters))
    }

    /// The next `; name[=value]` of the current link, or nil at its end (a top-level comma or the end).
    private mutating func nextParameter() -> (String, String)? {
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] != UInt8(ascii: ",") else { return nil }
            guard bytes[position] == UInt8(ascii: ";") else {
                // Garbage between parameters: skip it (quoted strings included) up to the next `;` or `,`.
                skipUntil { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") }
                continue
            }
            position += 1
            skipWhitespace()
            let nameStart = position
            while position < bytes.count, isTokenByte(bytes[position]) {
                position += 1
            }
            let name = String(decoding: bytes[nameStart..<position], as: UTF8.self).lowercased()
            skipWhitespace()
            var value = ""
            if position < bytes.count, bytes[position] == UInt8(ascii: "=") {
                position += 1
                skipWhitespace()
                value = readValue()
            }
            if !name.isEmpty {
                return (name, value)
            }
        }
    }

    /// A quoted string (unescaped) or a token.
    private mutating func readValue() -> String {
        guard position < bytes.count else { return "" }
        if bytes[position] == UInt8(ascii: "\"") {
            position += 1
            var value: [UInt8] = []
            while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
                if bytes[position] == UInt8(ascii: "\\"), position + 1 < bytes.count {
                    position += 1
                }
                value.append(bytes[position])
                position += 1
            }
            position = min(position + 1, bytes.count)
            return String(decoding: value, as: UTF8.self)
        }
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: ";"), bytes[position] != UInt8(ascii: ","),
            !isWhitespace(bytes[position])
        {
            position += 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// Skips a malformed link: up to the next comma outside quotes and angle brackets.
    private mutating func skipToNextLink() {
        skipUntil { $0 == UInt8(ascii: ",") }
    }

    /// Advances to the first byte matching `stop` outside quoted strings and `<...>`, or the end.
    private mutating func skipUntil(_ stop: (UInt8) -> Bool) {
        var inQuotes = false
        var inBrackets = false
        while position < bytes.count {
            let byte = bytes[position]
            if inQuotes {
                if byte == UInt8(ascii: "\\") {
                    position += 1
                } else if byte == UInt8(ascii: "\"") {
                    inQuotes = false
                }
            } else if inBrackets {
                inBrackets = byte != UInt8(ascii: ">")
            } else if byte == UInt8(ascii: "\"") {
                inQuotes = true
            } else if byte == UInt8(ascii: "<") {
                inBrackets = true
            } else if stop(byte) {
                return
            }
            position += 1
        }
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, isWhitespace(bytes[position]) {
            position += 1
        }
    }

    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// RFC 7230 token characters, plus `*` (for `title*`).
    private func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
