extension String {
    /// The text without leading and trailing ASCII whitespace (space, tab, LF, FF, CR): how HTML trims attribute
    /// values. Works on UTF-8 bytes, so it costs no `Character` breaking (these rules run on every element).
    public func trimmingHTMLWhitespace() -> String { self[...].trimmingHTMLWhitespace() }

    /// The text with every run of whitespace collapsed to one space and no leading or trailing whitespace, as
    /// accessible names and visible text are compared. Whitespace is `Character.isWhitespace`; ASCII text takes a
    /// byte-level path.
    public func collapsingWhitespace() -> String { self[...].collapsingWhitespace() }
}

extension Substring {
    /// The text without leading and trailing ASCII whitespace (space, tab, LF, FF, CR): how HTML trims attribute
    /// values.
    public func trimmingHTMLWhitespace() -> String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !HTMLWhitespace.isASCIISpace($0) }),
            let last = bytes.lastIndex(where: { !HTMLWhitespace.isASCIISpace($0) })
        else { return "" }
        return String(self[first..<bytes.index(after: last)])
    }

    /// The text with every run of whitespace collapsed to one space and no leading or trailing whitespace.
    public func collapsingWhitespace() -> String {
        var ascii = true
        var clean = true
        var previousWasSpace = true
        for byte in utf8 {
            if byte >= 0x80 {
                ascii = false
                break
            }
            let space = HTMLWhitespace.isUnicodeASCIISpace(byte)
            if space && (byte != 0x20 || previousWasSpace) { clean = false }
            previousWasSpace = space
        }
        guard ascii else { return split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        if clean && !previousWasSpace { return String(self) }
        if clean && isEmpty { return "" }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count)
        var pendingSpace = false
        for byte in utf8 {
            if HTMLWhitespace.isUnicodeASCIISpace(byte) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(0x20)
                pendingSpace = false
            }
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }
}

/// Byte classes for the whitespace helpers.
enum HTMLWhitespace {
    /// HTML's ASCII whitespace: space, tab, LF, FF, CR.
    @inline(__always)
    static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// The ASCII bytes `Character.isWhitespace` accepts: HTML's plus vertical tab.
    @inline(__always)
    static func isUnicodeASCIISpace(_ byte: UInt8) -> Bool { isASCIISpace(byte) || byte == 0x0B }
}
