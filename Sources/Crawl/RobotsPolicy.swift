public import Foundation

/// robots.txt per RFC 9309.
///
/// Groups start with one or more `User-agent` lines and hold `Allow` and `Disallow` rules; several groups for the
/// same agent are merged; rules before any `User-agent` line are ignored (and counted as not understood).
/// `Sitemap` lines belong to no group. `Crawl-delay` (not in the RFC) is read so politeness can honour it;
/// `Host`, `Clean-param`, `Request-rate` and `Visit-time` are accepted and ignored; any other line is counted in
/// ``invalidLineCount``. A rule value that does not start with `/` or `*` is read as if it did start with `/`.
public struct RobotsPolicy: Sendable, Hashable {
    private var groups: [RobotsGroup]
    /// `Sitemap:` URLs listed (absolute http(s) only, normalised, without repeats, at most 1,000).
    public private(set) var sitemaps: [URL]
    /// Whether the input was cut at `maxBytes` (the partial last line is dropped).
    public private(set) var truncated: Bool
    /// How many non-empty lines were not understood.
    public private(set) var invalidLineCount: Int

    /// The most sitemap URLs kept.
    public static let maxSitemaps = 1000

    /// A policy that allows everything (no robots.txt, or one that could not be fetched as "unavailable").
    public static let allowAll = RobotsPolicy(groups: [], sitemaps: [], truncated: false, invalidLineCount: 0)

    private init(groups: [RobotsGroup], sitemaps: [URL], truncated: Bool, invalidLineCount: Int) {
        self.groups = groups
        self.sitemaps = sitemaps
        self.truncated = truncated
        self.invalidLineCount = invalidLineCount
    }

    /// Parses at most `maxBytes` (default 500 KiB, RFC 9309 §2.5); garbage lines ignored; never throws.
    public static func parse(_ data: Data, maxBytes: Int = 512_000) -> RobotsPolicy {
        var bytes = [UInt8](data.prefix(max(0, maxBytes)))
        let truncated = data.count > bytes.count
        if truncated {
            let lastBreak = bytes.lastIndex { $0 == 0x0A || $0 == 0x0D } ?? -1
            bytes.removeSubrange((lastBreak + 1)...)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var parser = RobotsParser()
        for line in bytes.split(omittingEmptySubsequences: true, whereSeparator: { $0 == 0x0A || $0 == 0x0D }) {
            parser.consume(line)
        }
        return RobotsPolicy(
            groups: parser.groups,
            sitemaps: parser.sitemaps,
            truncated: truncated,
            invalidLineCount: parser.invalidLineCount
        )
    }

    /// Whether `userAgent` (product token, e.g. "Portcullis"; anything after the token such as "/1.0" is ignored)
    /// may fetch `url`'s path and query: the groups naming the agent (case-insensitive) or else the `*` groups;
    /// the longest matching rule wins; `Allow` wins a tie; `*` matches any run and a final `$` anchors; percent
    /// encoding is compared normalised. `/robots.txt` itself is always allowed.
    public func allows(_ url: URL, userAgent: String) -> Bool {
        let path = Self.pathAndQuery(of: url)
        if path.elementsEqual("/robots.txt".utf8) { return true }
        var best: RobotsRule?
        for group in applicableGroups(for: userAgent) {
            for rule in group.rules where rule.matches(path) {
                guard let current = best else {
                    best = rule
                    continue
                }
                if rule.specificity > current.specificity || (rule.specificity == current.specificity && rule.allows) {
                    best = rule
                }
            }
        }
        return best?.allows ?? true
    }

    /// The Disallow rules that apply to `userAgent`, as written (for the info report).
    public func disallowRules(for userAgent: String) -> [String] {
        applicableGroups(for: userAgent).flatMap { $0.rules.filter { !$0.allows }.map(\.written) }
    }

    /// The largest `Crawl-delay` (seconds) in the groups that apply to `userAgent`, if any.
    public func crawlDelay(for userAgent: String) -> Double? {
        applicableGroups(for: userAgent).compactMap(\.crawlDelay).max()
    }

    private func applicableGroups(for userAgent: String) -> [RobotsGroup] {
        let token = RobotsGroup.productToken(Array(userAgent.utf8))
        let named = token.isEmpty ? [] : groups.filter { $0.agents.contains(token) }
        return named.isEmpty ? groups.filter { $0.agents.contains("*") } : named
    }

    /// The URL's path (at least `/`) and `?query`, percent-normalised as rules are.
    private static func pathAndQuery(of url: URL) -> [UInt8] {
        let parts = URIReference(parsing: Array(url.absoluteString.utf8), baseScheme: nil)
        var path = parts.path.isEmpty ? [0x2F] : parts.path
        if let query = parts.query {
            path.append(0x3F)
            path += query
        }
        return PercentEncoding.normalized(path, inQuery: true)
    }
}

/// One group: the agents it names (lower-cased product tokens or `*`) and its rules.
struct RobotsGroup: Sendable, Hashable {
    var agents: [String] = []
    var rules: [RobotsRule] = []
    var crawlDelay: Double?
    /// Whether a non-agent line was seen, so the next `User-agent` starts a new group.
    var closed = false

    /// The leading run of letters, `_` and `-`, lower-cased; `*` for a value starting with `*`.
    static func productToken(_ value: [UInt8]) -> String {
        if value.first == 0x2A { return "*" }
        let token = value.prefix { ASCII.isLetter($0) || $0 == 0x5F || $0 == 0x2D }
        return String(decoding: token.map(ASCII.lowercased), as: UTF8.self)
    }
}

/// The line-by-line state of parsing one robots.txt.
private struct RobotsParser {
    var groups: [RobotsGroup] = []
    var sitemaps: [URL] = []
    var invalidLineCount = 0
    private var sitemapSet: Set<URL> = []

    mutating func consume(_ rawLine: ArraySlice<UInt8>) {
        var line = rawLine
        if let hash = line.firstIndex(of: 0x23) { line = line[..<hash] }
        line = Self.trimmed(line)
        if line.isEmpty { return }
        guard let colon = line.firstIndex(of: 0x3A) else {
            invalidLineCount += 1
            return
        }
        let key = String(decoding: Self.trimmed(line[..<colon]).map(ASCII.lowercased), as: UTF8.self)
        let value = Array(Self.trimmed(line[(colon + 1)...]))
        switch key {
        case "user-agent":
            let token = RobotsGroup.productToken(value)
            if groups.isEmpty || groups[groups.count - 1].closed { groups.append(RobotsGroup()) }
            if token.isEmpty {
                invalidLineCount += 1
            } else {
                groups[groups.count - 1].agents.append(token)
            }
        case "allow", "disallow":
            guard !groups.isEmpty else {
                invalidLineCount += 1
                return
            }
            groups[groups.count - 1].closed = true
            if !value.isEmpty {
                groups[groups.count - 1].rules.append(RobotsRule(allows: key == "allow", value: value))
            }
        case "crawl-delay":
            guard !groups.isEmpty, let delay = Double(String(decoding: value, as: UTF8.self)), delay.isFinite,
                delay >= 0
            else {
                invalidLineCount += 1
                return
            }
            groups[groups.count - 1].closed = true
            groups[groups.count - 1].crawlDelay = delay
        case "sitemap":
            guard let url = URL(string: String(decoding: value, as: UTF8.self)), url.scheme != nil,
                let normalized = URLNormalizer().normalize(url)
            else { return }
            if sitemaps.count < RobotsPolicy.maxSitemaps && sitemapSet.insert(normalized).inserted {
                sitemaps.append(normalized)
            }
        case "host", "clean-param", "request-rate", "visit-time":
            return
        default:
            invalidLineCount += 1
        }
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var result = bytes
        while let first = result.first, first == 0x20 || first == 0x09 { result = result.dropFirst() }
        while let last = result.last, last == 0x20 || last == 0x09 { result = result.dropLast() }
        return result
    }
}
