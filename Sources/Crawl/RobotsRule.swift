/// One `Allow` or `Disallow` line of a robots.txt group, with its path pattern ready to match.
struct RobotsRule: Sendable, Hashable {
    /// `Allow` (true) or `Disallow`.
    var allows: Bool
    /// The value as written, for reports.
    var written: String
    /// The percent-normalised pattern, `$` removed, ending in `*` unless it was anchored with `$`.
    private var pattern: [UInt8]
    /// How specific the rule is: the normalised pattern's length as written (longest match wins).
    var specificity: Int
    private var isPlainPrefix: Bool

    /// A rule from a non-empty value; a value not starting with `/` or `*` is read as starting with `/`.
    init(allows: Bool, value: [UInt8]) {
        self.allows = allows
        written = String(decoding: value, as: UTF8.self)
        var raw = value
        if raw.first != 0x2F && raw.first != 0x2A { raw.insert(0x2F, at: 0) }
        let anchored = raw.last == 0x24
        if anchored { raw.removeLast() }
        let normalized = PercentEncoding.normalized(raw, inQuery: true)
        specificity = normalized.count + (anchored ? 1 : 0)
        isPlainPrefix = !anchored && !normalized.contains(0x2A)
        pattern = normalized
        if !anchored && !isPlainPrefix { pattern.append(0x2A) }
    }

    /// Whether the rule matches `path` (normalised path and query).
    func matches(_ path: [UInt8]) -> Bool {
        if isPlainPrefix { return path.starts(with: pattern) }
        return Self.globMatches(pattern, path)
    }

    /// Whole-text match where `*` matches any run of bytes: the greedy two-pointer algorithm, O(n·m) worst case.
    static func globMatches(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
        var patternIndex = 0
        var textIndex = 0
        var star = -1
        var mark = 0
        while textIndex < text.count {
            if patternIndex < pattern.count && pattern[patternIndex] == 0x2A {
                star = patternIndex
                patternIndex += 1
                mark = textIndex
            } else if patternIndex < pattern.count && pattern[patternIndex] == text[textIndex] {
                patternIndex += 1
                textIndex += 1
            } else if star >= 0 {
                patternIndex = star + 1
                mark += 1
                textIndex = mark
            } else {
                return false
            }
        }
        while patternIndex < pattern.count && pattern[patternIndex] == 0x2A { patternIndex += 1 }
        return patternIndex == pattern.count
    }
}
