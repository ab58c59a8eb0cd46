/// The CSP3 serialized-policy parser (§2.2.1 "parse a serialized CSP").
public enum ContentSecurityPolicy {
    /// Maximum number of directives and of tokens per directive kept; beyond that the input is truncated (and
    /// noted) so that hostile values stay bounded in time and memory.
    public static let maximumDirectives = 1_000
    /// Maximum number of value tokens kept per directive.
    public static let maximumTokensPerDirective = 2_000

    /// Parses one serialized policy. Commas are NOT split here (see `PolicyList` for header values).
    public static func parse(
        _ serialized: String,
        disposition: Policy.Disposition = .enforce,
        source: Policy.Source = .header
    ) -> Policy {
        var directives: [Directive] = []
        var seen = Set<String>()
        var notes: [ParseNote] = []
        let bytes = Array(serialized.utf8)
        var tokenStart = 0
        while tokenStart <= bytes.count {
            var tokenEnd = tokenStart
            while tokenEnd < bytes.count, bytes[tokenEnd] != UInt8(ascii: ";") { tokenEnd += 1 }
            defer { tokenStart = tokenEnd + 1 }
            let parts = words(bytes[tokenStart..<tokenEnd])
            guard let first = parts.first else {
                notes.append(ParseNote(kind: .emptyToken, detail: ""))
                continue
            }
            guard bytes[tokenStart..<tokenEnd].allSatisfy({ $0 < 0x80 }) else {
                notes.append(ParseNote(kind: .nonASCIIToken, detail: String(decoding: bytes[first], as: UTF8.self)))
                continue
            }
            let name = String(decoding: bytes[first], as: UTF8.self).lowercased()
            if seen.contains(name) {
                notes.append(ParseNote(kind: .duplicateDirective, detail: name))
                continue
            }
            guard directives.count < maximumDirectives else {
                notes.append(ParseNote(kind: .truncated, detail: name))
                break
            }
            seen.insert(name)
            var tokens: [String] = []
            for part in parts.dropFirst() {
                guard tokens.count < maximumTokensPerDirective else {
                    notes.append(ParseNote(kind: .truncated, detail: name))
                    break
                }
                let value = normalize(String(decoding: bytes[part], as: UTF8.self))
                if tokens.count < 16 ? !tokens.contains(value) : !Set(tokens).contains(value) { tokens.append(value) }
            }
            directives.append(Directive(name: name, tokens: tokens))
        }
        var policy = Policy(directives: directives, disposition: disposition, source: source, notes: notes)
        if source == .meta {
            for name in DirectiveName.ignoredInMeta where policy.has(name) {
                policy.remove(name)
                policy.notes.append(ParseNote(kind: .ignoredInMeta, detail: name))
            }
        }
        return policy
    }

    /// Keywords and scheme-sources are lowercased (ABNF literals are case-insensitive); other tokens keep case.
    static func normalize(_ text: String) -> String {
        if CSPKeyword(token: text) != nil { return text.lowercased() }
        if text.hasSuffix(":"), SourceExpression.isSchemeName(text.dropLast()) { return text.lowercased() }
        return text
    }
}

extension ContentSecurityPolicy {
    /// The ranges of the ASCII-whitespace-separated words of `slice`.
    static func words(_ slice: ArraySlice<UInt8>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = slice.startIndex
        while index < slice.endIndex {
            while index < slice.endIndex, isASCIIWhitespace(slice[index]) { index += 1 }
            let start = index
            while index < slice.endIndex, !isASCIIWhitespace(slice[index]) { index += 1 }
            if index > start { result.append(start..<index) }
        }
        return result
    }

    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
