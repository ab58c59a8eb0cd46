import Foundation

/// Makes scanned text inert in GitHub-flavoured Markdown.
///
/// Inline text (table cells, list items, headings) gets Markdown's active punctuation backslash-escaped
/// and `<`, `>`, `&` written as entities, so no scanned string can open a link, an image, raw HTML, a code span or
/// a new table column; line breaks become spaces. Code blocks use a fence longer than any backtick run inside.
/// Control characters are replaced by U+FFFD in both.
enum MarkdownText {
    /// `text` as one line of inert inline Markdown.
    static func inline(_ text: String) -> String {
        var output = ""
        output.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&": output += "&amp;"
            case "\r", "\n", "\t": output += " "
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "!", "|", "~", "$":
                output += "\\"
                output.unicodeScalars.append(scalar)
            default:
                output.unicodeScalars.append(isControl(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return output
    }

    /// `text` as a fenced code block, lines ending in LF, cut to `limit` characters with a note of how many more.
    static func codeBlock(_ text: String, limit: Int) -> String {
        var body = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        body = String(
            String.UnicodeScalarView(
                body.unicodeScalars.map { $0 == "\n" || $0 == "\t" || !isControl($0) ? $0 : "\u{FFFD}" }
            )
        )
        var note = ""
        if body.count > limit {
            note = "\n_(\(body.count - limit) more characters not shown)_"
            body = String(body.prefix(limit))
        }
        let fence = String(repeating: "`", count: max(3, longestBacktickRun(body) + 1))
        return "\(fence)text\n\(body)\n\(fence)\(note)"
    }

    private static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0
        var current = 0
        for scalar in text.unicodeScalars {
            current = scalar == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
