/// Makes scanned text safe inside XML 1.0 text and attribute values.
///
/// Markup characters become entities, and characters XML 1.0 forbids outright (most C0 controls such as NUL,
/// U+FFFE and U+FFFF) are replaced by U+FFFD, because a single one makes the whole document unreadable.
enum XMLText {
    /// `text` escaped for element content or a double- or single-quoted attribute value.
    ///
    /// Tab, newline and carriage return are written as character references so attribute normalisation
    /// cannot turn them into spaces and a bare CR survives parsing.
    static func escape(_ text: String) -> String {
        var output = ""
        output.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            case "\t": output += "&#9;"
            case "\n": output += "&#10;"
            case "\r": output += "&#13;"
            default:
                output.unicodeScalars.append(isLegal(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return output
    }

    /// Whether XML 1.0 allows `scalar` in a document (the `Char` production).
    static func isLegal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
