import Foundation

/// Short, escaped markup for evidence: start tags and capped serialisations.
enum MarkupSnippet {
    /// The cap on a start-tag snippet, in characters.
    static let startTagLimit = 250
    /// The cap on one attribute value inside a snippet, in characters.
    static let attributeValueLimit = 120

    /// `<name a="v" b="">`, attributes in the given order, values escaped and capped, the whole capped at
    /// ``startTagLimit`` characters (a cut ends in `…>`).
    static func startTag(name: String, attributes: [(name: String, value: String)]) -> String {
        var text = "<" + name
        for attribute in attributes {
            text += " " + attribute.name + "=\"" + escape(cap(attribute.value, to: attributeValueLimit)) + "\""
            if longer(text, than: startTagLimit) { break }
        }
        if longer(text, than: startTagLimit - 1) {
            return String(text.prefix(startTagLimit - 2)) + "…>"
        }
        return text + ">"
    }

    /// `text` cut to at most `limit` characters, the last being `…` when cut; "" for a limit below 1.
    static func cap(_ text: String, to limit: Int) -> String {
        guard limit > 0 else { return "" }
        guard longer(text, than: limit) else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }

    /// Whether `text` has more than `limit` characters; the UTF-8 length (never less than the character count,
    /// and O(1)) settles most cases without counting characters.
    static func longer(_ text: String, than limit: Int) -> Bool {
        text.utf8.count > limit && text.count > limit
    }

    /// Escapes `&`, `<` and `>` in text content.
    static func escapeText(_ text: String) -> String { escaping(text, quotes: false) }

    /// Escapes `&`, `<`, `>` and `"` for use inside a double-quoted attribute value.
    static func escape(_ value: String) -> String { escaping(value, quotes: true) }

    /// `text` with markup-significant ASCII bytes replaced by entities; a byte-level pass (every byte replaced is
    /// ASCII, so multi-byte characters pass through whole).
    private static func escaping(_ text: String, quotes: Bool) -> String {
        let bytes = text.utf8
        let needsWork = bytes.contains {
            $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                || (quotes && $0 == UInt8(ascii: "\""))
        }
        guard needsWork else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;".utf8
            case UInt8(ascii: "<"): result += "&lt;".utf8
            case UInt8(ascii: ">"): result += "&gt;".utf8
            case UInt8(ascii: "\"") where quotes: result += "&quot;".utf8
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
