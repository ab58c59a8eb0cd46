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
            if text.count > startTagLimit { break }
        }
        if text.count + 1 > startTagLimit {
            return String(text.prefix(startTagLimit - 2)) + "…>"
        }
        return text + ">"
    }

    /// `text` cut to at most `limit` characters, the last being `…` when cut; "" for a limit below 1.
    static func cap(_ text: String, to limit: Int) -> String {
        guard limit > 0 else { return "" }
        guard text.count > limit else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }

    /// Escapes `&`, `<` and `>` in text content.
    static func escapeText(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Escapes `&`, `<`, `>` and `"` for use inside a double-quoted attribute value.
    static func escape(_ value: String) -> String {
        guard value.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return value }
        var result = ""
        result.reserveCapacity(value.count + 16)
        for character in value {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
