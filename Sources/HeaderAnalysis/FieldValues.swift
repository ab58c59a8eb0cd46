public import PortcullisCore

/// Fetch's header-list primitives ("get", "get, decode, and split") over raw field lines, so every analyser reads
/// multiple field lines and comma-joined values the way browsers do. Linear in the input size.
public enum FieldValues {
    /// Every value of the header `name` (ASCII case-insensitive, RFC 9110 §5.1), in wire order.
    public static func values(_ name: String, in headers: [HeaderField]) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// Fetch "get": the values of `name` joined by ", ", or nil when the header is absent.
    public static func combined(_ name: String, in headers: [HeaderField]) -> String? {
        let found = values(name, in: headers)
        return found.isEmpty ? nil : found.joined(separator: ", ")
    }

    /// Fetch "get, decode, and split": the combined value split on commas outside quoted strings, each part
    /// trimmed of HTTP tab or space; nil when the header is absent.
    public static func decodeSplit(_ name: String, in headers: [HeaderField]) -> [String]? {
        combined(name, in: headers).map(split)
    }

    /// Fetch "split" of one value: commas inside double-quoted strings do not separate; quotes are kept.
    public static func split(_ value: String) -> [String] {
        let bytes = Array(value.utf8)
        var parts: [String] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let end = quotedStringEnd(bytes, from: index)
                current.append(contentsOf: bytes[index..<end])
                index = end
                continue
            }
            if byte == UInt8(ascii: ",") {
                parts.append(trimmed(current))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
            index += 1
        }
        parts.append(trimmed(current))
        return parts
    }

    /// The index just past the quoted string starting at `start` (a `"`), honouring backslash escapes; the end
    /// of input when the quote is unbalanced.
    static func quotedStringEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return bytes.count
    }

    /// `bytes` as a string with leading and trailing HTTP tab or space removed.
    static func trimmed(_ bytes: some Collection<UInt8>) -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        let array = Array(bytes)
        guard let first = array.firstIndex(where: { !isSpace($0) }), let last = array.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(decoding: array[first...last], as: UTF8.self)
    }

    /// `value` trimmed of HTTP tab or space.
    public static func trim(_ value: String) -> String { trimmed(Array(value.utf8)) }

    /// True when `value` is an RFC 9110 token (tchar only, non-empty).
    public static func isToken(_ value: some StringProtocol) -> Bool {
        !value.isEmpty && value.utf8.allSatisfy(isTokenChar)
    }

    /// True for an RFC 9110 tchar.
    static func isTokenChar(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
