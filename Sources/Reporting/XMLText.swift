/// Makes scanned text safe inside XML 1.0 text and attribute values, working on UTF-8 bytes.
///
/// Markup characters become entities, and characters XML 1.0 forbids outright (most C0 controls such as NUL,
/// U+FFFE and U+FFFF) are replaced by U+FFFD, because a single one makes the whole document unreadable.
/// Runs of safe bytes are copied to the stream at once, so a report of 100,000 findings escapes in milliseconds;
/// only the few bytes that can start something illegal are looked at more closely.
enum XMLText {
    /// Writes `text` to `stream`, escaped for element content or a double- or single-quoted attribute value.
    ///
    /// Tab, newline and carriage return are written as character references so attribute normalisation
    /// cannot turn them into spaces and a bare CR survives parsing.
    static func write(_ text: String, to stream: ReportStream) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                // Printable ASCII other than markup, and every byte of a multi-byte scalar except a possible
                // U+FFFE / U+FFFF (EF BF BE, EF BF BF): copied as part of the run.
                if byte >= 0x80 {
                    if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                        flush(bytes, from: runStart, to: index, into: stream)
                        stream.write("\u{FFFD}" as StaticString)
                        index += 3
                        runStart = index
                    } else {
                        index += 1
                    }
                    continue
                }
                guard let replacement = replacement(for: byte) else {
                    index += 1
                    continue
                }
                flush(bytes, from: runStart, to: index, into: stream)
                stream.write(replacement)
                index += 1
                runStart = index
            }
            flush(bytes, from: runStart, to: count, into: stream)
        }
    }

    /// What an ASCII byte is written as, or `nil` when it is written as itself.
    private static func replacement(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        case UInt8(ascii: "'"): return "&apos;"
        case 0x09: return "&#9;"
        case 0x0A: return "&#10;"
        case 0x0D: return "&#13;"
        case 0x00..<0x20: return "\u{FFFD}"
        default: return nil
        }
    }

    /// Copies `bytes[start..<end]` (a run needing no escaping) to `stream`.
    @inline(__always)
    private static func flush(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        to end: Int,
        into stream: ReportStream
    ) {
        guard end > start else { return }
        stream.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }
}
