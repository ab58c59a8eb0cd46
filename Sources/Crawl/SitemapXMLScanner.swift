/// A small, tolerant XML scanner for sitemaps: finds `<loc>` texts and the element each sits in, nothing more.
///
/// Not a general XML parser, on purpose: it never expands entities beyond the five predefined ones and
/// character references (no DTDs, so no XXE or billion laughs), ignores namespaces by comparing local names
/// (`<sm:loc>` is `loc`), survives any malformed input (unclosed tags, stray `<`, binary noise), and runs in
/// one linear pass with bounded memory: the element stack and each `<loc>` text are capped.
struct SitemapXMLScanner {
    /// The element a `<loc>` sits in, lower-cased local name (`url`, `sitemap`, `image`…).
    typealias Parent = String

    /// The deepest nesting tracked; deeper elements are still scanned but not remembered as parents.
    static let maxDepth = 64
    /// The longest `<loc>` text kept; longer ones are reported with ``Loc/tooLong``.
    static let maxLocBytes = 8192

    /// One `<loc>` element's text.
    struct Loc {
        /// The enclosing element's local name, lower-cased; "" at the top level.
        var parent: Parent
        /// The text, entities decoded, surrounding whitespace not yet trimmed.
        var text: String
        /// Whether the text was longer than ``maxLocBytes`` (and cut).
        var tooLong: Bool
    }

    /// Whether a `<urlset>` element was seen.
    private(set) var sawURLSet = false
    /// Whether a `<sitemapindex>` element was seen.
    private(set) var sawSitemapIndex = false

    private var stack: [String] = []
    private var depth = 0

    /// Scans `bytes`, calling `onLoc` for each complete `<loc>`; stops early when `onLoc` returns false.
    mutating func scan(_ bytes: UnsafeRawBufferPointer, onLoc: (Loc) -> Bool) {
        let count = bytes.count
        var index = 0
        var loc: (parent: Parent, text: [UInt8], tooLong: Bool)?
        func appendToLoc(_ range: Range<Int>, decode: Bool) {
            guard var current = loc, !range.isEmpty else { return }
            let room = Self.maxLocBytes - current.text.count
            if range.count > room {
                current.tooLong = true
            }
            let slice = bytes[range.lowerBound..<(range.lowerBound + max(0, min(room, range.count)))]
            current.text += decode ? XMLText.decodeEntities(slice) : Array(slice)
            loc = current
        }
        while index < count {
            guard let open = Self.find(UInt8(ascii: "<"), in: bytes, from: index) else {
                appendToLoc(index..<count, decode: true)
                break
            }
            appendToLoc(index..<open, decode: true)
            if Self.hasPrefix("<!--", in: bytes, at: open) {
                index = Self.end(of: "-->", in: bytes, from: open + 4)
            } else if Self.hasPrefix("<![CDATA[", in: bytes, at: open) {
                let close = Self.find("]]>", in: bytes, from: open + 9) ?? count
                appendToLoc((open + 9)..<close, decode: false)
                index = min(count, close + 3)
            } else if Self.hasPrefix("<!", in: bytes, at: open) || Self.hasPrefix("<?", in: bytes, at: open) {
                index = Self.endOfDeclaration(in: bytes, from: open + 2)
            } else if Self.hasPrefix("</", in: bytes, at: open) {
                let (name, after) = Self.readTag(in: bytes, from: open + 2)
                index = after
                if name == "loc", let finished = loc {
                    loc = nil
                    let text = String(decoding: finished.text, as: UTF8.self)
                    guard onLoc(Loc(parent: finished.parent, text: text, tooLong: finished.tooLong)) else { return }
                }
                close(name)
            } else {
                let (name, after) = Self.readTag(in: bytes, from: open + 1)
                index = after
                guard !name.isEmpty else { continue }
                let selfClosing = after >= 2 && bytes[after - 2] == UInt8(ascii: "/")
                if name == "urlset" { sawURLSet = true }
                if name == "sitemapindex" { sawSitemapIndex = true }
                if name == "loc", !selfClosing {
                    loc = (stack.count == depth ? stack.last ?? "" : "", [], false)
                }
                if !selfClosing { push(name) }
            }
        }
    }

    private mutating func push(_ name: String) {
        if stack.count < Self.maxDepth, stack.count == depth {
            stack.append(name)
        }
        depth += 1
    }

    /// Pops up to the innermost open element called `name`; a stray end tag changes nothing.
    private mutating func close(_ name: String) {
        guard depth > 0 else { return }
        if depth > stack.count {
            depth -= 1
            return
        }
        guard let match = stack.lastIndex(of: name) else { return }
        stack.removeSubrange(match...)
        depth = stack.count
    }

    // MARK: Byte helpers

    /// The lower-cased local name of the tag starting at `start` and the index just past its `>`.
    private static func readTag(in bytes: UnsafeRawBufferPointer, from start: Int) -> (String, Int) {
        var index = start
        var nameStart = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte <= 0x20 { break }
            if byte == UInt8(ascii: ":") { nameStart = index + 1 }
            index += 1
        }
        let nameBytes = bytes[nameStart..<index].prefix(64)
        let name = String(decoding: nameBytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        // Attributes: skip to the closing `>` outside quotes.
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                break
            }
        }
        return (name, index)
    }

    /// The index past the `>` that ends a `<!...>` or `<?...?>`, skipping a DOCTYPE's `[...]` internal subset.
    private static func endOfDeclaration(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        var inSubset = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "[") { inSubset = true }
            if byte == UInt8(ascii: "]") { inSubset = false }
            if byte == UInt8(ascii: ">"), !inSubset { break }
        }
        return index
    }

    private static func find(_ byte: UInt8, in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    private static func find(_ needle: StaticString, in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        let first = needle.utf8Start.pointee
        var index = start
        while let candidate = find(first, in: bytes, from: index) {
            if hasPrefix(needle, in: bytes, at: candidate) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    /// The index past `needle` found from `start`, or the end of the bytes.
    private static func end(of needle: StaticString, in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        guard let found = find(needle, in: bytes, from: start) else { return bytes.count }
        return found + needle.utf8CodeUnitCount
    }

    private static func hasPrefix(_ prefix: StaticString, in bytes: UnsafeRawBufferPointer, at start: Int) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard start + length <= bytes.count else { return false }
        let pointer = prefix.utf8Start
        for offset in 0..<length where bytes[start + offset] != pointer[offset] {
            return false
        }
        return true
    }
}
