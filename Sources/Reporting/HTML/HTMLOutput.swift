/// Writes HTML markup and escaped scanned text straight into a ``ReportStream`` as UTF-8 bytes.
///
/// The findings and waived sections of a 100,000-finding report are written with this rather than through
/// Mustache: no view dictionaries, no intermediate strings. Scanned text is escaped byte by byte, appending runs of
/// safe bytes at once: `& < > " '` become entities (as Mustache writes them), and control and bidi-override
/// characters become visible `⟨U+XXXX⟩` markers, exactly as ``HTMLText/clean(_:)`` shows them.
struct HTMLOutput {
    /// The stream the bytes go to.
    let stream: ReportStream

    /// Appends trusted template markup.
    func markup(_ text: StaticString) { stream.write(text) }

    /// Appends a decimal number.
    func number(_ value: Int) { stream.write(decimal: value) }

    /// Appends a value that is known to be safe markup text (an enum's raw value, such as a severity).
    func trusted(_ text: String) { stream.write(text) }

    /// Appends scanned `text`, escaped, whole.
    func text(_ text: String) {
        var text = text
        text.withUTF8 { Self.escape($0, to: stream) }
    }

    /// Appends scanned evidence, escaped and cut after `limit` characters (Unicode scalars) with
    /// `… (N more characters)`.
    func evidence(_ text: String, limit: Int = HTMLText.evidenceLimit) {
        var text = text
        text.withUTF8 { bytes in
            // A scalar takes at least one byte: a text no longer than the limit in bytes needs no cut.
            guard bytes.count > limit else { return Self.escape(bytes, to: stream) }
            var cut = 0
            var scalars = 0
            while cut < bytes.count {
                if bytes[cut] & 0xC0 != 0x80 {
                    if scalars == limit { break }
                    scalars += 1
                }
                cut += 1
            }
            guard cut < bytes.count else { return Self.escape(bytes, to: stream) }
            var omitted = 0
            for index in cut..<bytes.count where bytes[index] & 0xC0 != 0x80 { omitted += 1 }
            Self.escape(UnsafeBufferPointer(rebasing: bytes[0..<cut]), to: stream)
            stream.write("… (" as StaticString)
            stream.write(decimal: omitted)
            stream.write(" more characters)" as StaticString)
        }
    }

    /// Escapes UTF-8 `bytes` into `stream`.
    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, to stream: ReportStream) {
        let count = bytes.count
        var runStart = 0
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte >= 0x20, byte < 0x7F {
                switch byte {
                case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                    break
                default:
                    index += 1
                    continue
                }
            } else if byte >= 0x80, byte != 0xC2, byte != 0xE2 {
                index += 1
                continue
            } else if byte == 0x09 || byte == 0x0A {
                index += 1
                continue
            }
            // A byte that may need replacing: find out how many bytes it covers and what it becomes.
            var scalar: UInt32?
            var width = 1
            if byte < 0x20 || byte == 0x7F {
                scalar = UInt32(byte)
            } else if byte == 0xC2 {
                if index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) {
                    scalar = UInt32(bytes[index + 1])
                    width = 2
                }
            } else if byte == 0xE2 {
                if index + 2 < count {
                    let value = 0x2000 | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
                    if HTMLText.isUnsafe(value) {
                        scalar = value
                        width = 3
                    }
                }
            }
            let entity = entity(for: byte)
            guard scalar != nil || entity != nil else {
                index += 1
                continue
            }
            if runStart < index { stream.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            if let entity {
                stream.write(entity)
            } else if let scalar {
                marker(scalar, to: stream)
            }
            index += width
            runStart = index
        }
        if runStart < count { stream.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
    }

    /// The entity Mustache writes for a markup byte, nil for other bytes.
    private static func entity(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        case UInt8(ascii: "'"): return "&#39;"
        default: return nil
        }
    }

    /// Writes `⟨U+XXXX⟩` for `scalar` (four or more upper-case hex digits).
    private static func marker(_ scalar: UInt32, to stream: ReportStream) {
        stream.write("⟨U+" as StaticString)
        let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
        var shift = 12
        while shift >= 0 {
            stream.write(byte: digits[Int((scalar >> UInt32(shift)) & 0xF)])
            shift -= 4
        }
        stream.write("⟩" as StaticString)
    }
}
