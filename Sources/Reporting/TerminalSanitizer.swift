/// Makes text from scanned pages safe to print on a terminal.
///
/// A hostile page can put escape sequences in a header, title or snippet that would recolour, move the
/// cursor, rewrite earlier lines or set the window title when printed raw. Every C0 and C1 control
/// character, DEL, and the Unicode bidirectional overrides are replaced by a visible escape: ESC becomes
/// `\e`, newline `\n`, carriage return `\r`, tab `\t`, anything else `\u{XX}`.
public enum TerminalSanitizer {
    /// `text` with every control character replaced by a visible, inert escape.
    public static func neutralize(_ text: String) -> String {
        var output = ""
        output.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if let escape = escape(for: scalar) {
                output += escape
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    private static func escape(for scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x1B: return "\\e"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default: return nil
        }
    }
}
