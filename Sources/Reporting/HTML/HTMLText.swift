/// Scanned text made safe to show in the HTML report beyond what Mustache's escaping does.
///
/// Mustache escapes `<`, `>`, `&`, `"` and `'`; this removes what escaping cannot: control characters
/// (NUL is a parse error in HTML, escape sequences are noise) and bidirectional overrides that make text read
/// differently from what it is (`\u{202E}txt.exe`). Each becomes a visible `U+XXXX` marker, so an auditor
/// sees that it was there. Long evidence is cut with a count of what was left out. ``HTMLOutput`` does the same on
/// UTF-8 bytes for the sections written without Mustache.
enum HTMLText {
    /// The most characters of evidence shown per snippet or message.
    static let evidenceLimit = 2_000

    /// `text` with control and bidi-override characters shown as `⟨U+XXXX⟩` (tab and newline kept).
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "⟨U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "⟩"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` cleaned and cut to `limit` characters (Unicode scalars, as ``HTMLOutput`` counts them), with
    /// `… (N more characters)` when something was cut.
    static func evidence(_ text: String, limit: Int = evidenceLimit) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return clean(text) }
        let cut = scalars.index(scalars.startIndex, offsetBy: limit)
        let omitted = scalars.count - limit
        return clean(String(scalars[..<cut])) + "… (\(omitted) more characters)"
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { isUnsafe(scalar.value) }

    /// Whether the scalar `value` is a control (other than tab and newline) or a bidi override or mark.
    static func isUnsafe(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
