/// A URI reference split into its five RFC 3986 components (Appendix B), as raw UTF-8 bytes, plus the
/// reference-resolution and dot-segment algorithms of §5.2.
///
/// Working on bytes keeps normalisation fast and independent of Foundation's parser, which is lenient in ways
/// that differ between platforms.
struct URIReference {
    var scheme: [UInt8]?
    var authority: [UInt8]?
    var path: [UInt8]
    var query: [UInt8]?

    init(scheme: [UInt8]?, authority: [UInt8]?, path: [UInt8], query: [UInt8]?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
    }

    /// Splits `bytes` (already cleaned of tabs and newlines); the fragment is dropped.
    ///
    /// For http(s) it follows browsers where they differ from RFC 3986: any number of slashes introduces the
    /// authority, and `http:path` with the base's scheme is a relative reference.
    init(parsing bytes: [UInt8], baseScheme: [UInt8]?) {
        var index = 0
        let end = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
        scheme = nil
        if let colon = bytes[..<end].firstIndex(where: { $0 == 0x3A || $0 == 0x2F || $0 == 0x3F }),
            bytes[colon] == 0x3A, URIReference.isScheme(bytes[..<colon])
        {
            scheme = bytes[..<colon].map(ASCII.lowercased)
            index = colon + 1
        }
        var slashes = 0
        while index + slashes < end && bytes[index + slashes] == 0x2F { slashes += 1 }
        if let explicit = scheme, URIReference.isSpecial(explicit), slashes < 2, baseScheme == explicit {
            scheme = nil  // `http:foo` against an http base is relative, as browsers treat it
        }
        let special = URIReference.isSpecial(scheme ?? baseScheme ?? [])
        var authorityStart: Int?
        if let explicit = scheme, URIReference.isSpecial(explicit) {
            authorityStart = index + slashes  // `https:example.com`, `http:///host`: browsers skip the slashes
        } else if slashes >= 2 {
            authorityStart = index + (special ? slashes : 2)
        }
        if let start = authorityStart {
            let stop = bytes[start..<end].firstIndex(where: { $0 == 0x2F || $0 == 0x3F }) ?? end
            authority = Array(bytes[start..<stop])
            index = stop
        } else {
            authority = nil
        }
        let pathEnd = bytes[index..<end].firstIndex(of: 0x3F) ?? end
        path = Array(bytes[index..<pathEnd])
        query = pathEnd < end ? Array(bytes[(pathEnd + 1)..<end]) : nil
    }

    /// RFC 3986 §5.2.2: this reference resolved against `base` (which has a scheme). Dot segments are left for the
    /// normaliser, which removes them after decoding `%2E`.
    func resolved(against base: URIReference) -> URIReference {
        if scheme != nil { return self }
        if authority != nil {
            return URIReference(scheme: base.scheme, authority: authority, path: path, query: query)
        }
        if path.isEmpty {
            return URIReference(
                scheme: base.scheme,
                authority: base.authority,
                path: base.path,
                query: query ?? base.query
            )
        }
        if path.first == 0x2F {
            return URIReference(scheme: base.scheme, authority: base.authority, path: path, query: query)
        }
        var merged: [UInt8]
        if base.authority != nil && base.path.isEmpty {
            merged = [0x2F]
        } else if let lastSlash = base.path.lastIndex(of: 0x2F) {
            merged = Array(base.path[...lastSlash])
        } else {
            merged = []
        }
        merged.append(contentsOf: path)
        return URIReference(scheme: base.scheme, authority: base.authority, path: merged, query: query)
    }

    /// RFC 3986 §5.2.4 `remove_dot_segments` over whole segments; the result starts with `/` when the input did.
    static func removingDotSegments(_ path: [UInt8]) -> [UInt8] {
        if !path.contains(0x2E) { return path }
        var output: [[UInt8]] = []
        let absolute = path.first == 0x2F
        let segments = path.split(separator: 0x2F, omittingEmptySubsequences: false)
        var trailingSlash = false
        for (position, segment) in segments.enumerated() {
            if position == 0 && absolute { continue }
            let isLast = position == segments.count - 1
            if segment.elementsEqual([0x2E]) {
                trailingSlash = isLast
            } else if segment.elementsEqual([0x2E, 0x2E]) {
                if !output.isEmpty { output.removeLast() }
                trailingSlash = isLast
            } else {
                output.append(Array(segment))
                trailingSlash = false
            }
        }
        var result: [UInt8] = absolute ? [0x2F] : []
        for (position, segment) in output.enumerated() {
            if position > 0 { result.append(0x2F) }
            result.append(contentsOf: segment)
        }
        if trailingSlash && result.last != 0x2F { result.append(0x2F) }
        return result
    }

    /// `http` and `https`: the schemes the crawler fetches and browsers treat specially.
    static func isSpecial(_ scheme: [UInt8]) -> Bool {
        scheme.elementsEqual("http".utf8) || scheme.elementsEqual("https".utf8)
    }

    private static func isScheme(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, ASCII.isLetter(first) else { return false }
        return bytes.allSatisfy { ASCII.isLetter($0) || ASCII.isDigit($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }
    }
}
