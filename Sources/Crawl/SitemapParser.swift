public import Foundation

/// What a sitemap file lists.
public struct Sitemap: Sendable, Hashable {
    /// `<urlset><url><loc>` values: absolute http(s) URLs only, fragment dropped, deduplicated, in file order.
    public var pages: [URL]
    /// `<sitemapindex><sitemap><loc>` values: further sitemaps to read, same rules as ``pages``.
    public var sitemaps: [URL]
    /// What was wrong or cut, one sentence each, e.g. "inflated size exceeds 52428800 bytes",
    /// "12 <loc> values are not absolute http(s) URLs", "not a sitemap (no <urlset> or <sitemapindex>)".
    public var problems: [String]

    /// Creates a sitemap result.
    public init(pages: [URL] = [], sitemaps: [URL] = [], problems: [String] = []) {
        self.pages = pages
        self.sitemaps = sitemaps
        self.problems = problems
    }
}

/// Reads sitemaps.org sitemaps: XML `<urlset>` and `<sitemapindex>` (namespace prefixes allowed), the plain
/// text form (one URL per line), and either of them gzip-compressed (detected by the magic bytes `1f 8b`).
///
/// Bounded for hostile input: inflation stops at `maxInflatedBytes` (a gzip bomb is cut with a problem, not
/// held in memory), an uncompressed file is read up to the same size, at most `maxURLs` URLs are kept, each
/// `<loc>` text is capped, and malformed XML is scanned tolerantly rather than rejected.
public enum SitemapParser {
    /// The sitemaps.org limit on a sitemap's uncompressed size: 50 MiB.
    public static let defaultMaxBytes = 52_428_800
    /// The sitemaps.org limit on URLs per sitemap.
    public static let defaultMaxURLs = 50_000

    /// The pages and sitemaps `data` lists, and what was wrong with it. Never throws or crashes.
    public static func parse(
        _ data: Data,
        maxInflatedBytes: Int = defaultMaxBytes,
        maxURLs: Int = defaultMaxURLs
    ) -> Sitemap {
        var problems: [String] = []
        var content = data
        if GzipInflater.isGzip(data) {
            let inflated = GzipInflater.inflate(data, maxBytes: maxInflatedBytes)
            content = inflated.data
            problems += inflated.problem.map { [$0] } ?? []
        } else if data.count > max(0, maxInflatedBytes) {
            content = data.prefix(max(0, maxInflatedBytes))
            problems.append("size exceeds \(max(0, maxInflatedBytes)) bytes; only the first part was read")
        }
        var collector = SitemapCollector(maxURLs: max(0, maxURLs))
        if Self.looksLikeXML(content) {
            collector.scanXML(content)
        } else {
            collector.scanText(content)
        }
        return Sitemap(pages: collector.pages, sitemaps: collector.sitemaps, problems: problems + collector.problems)
    }

    /// Whether the first non-whitespace byte (after a UTF-8 byte order mark) is `<`.
    static func looksLikeXML(_ data: Data) -> Bool {
        var bytes = data.prefix(4096)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
        }
        let first = bytes.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
        return first == nil || first == UInt8(ascii: "<")
    }
}

/// Gathers the URLs of one sitemap file: validation, deduplication, the URL cap and the problem sentences.
private struct SitemapCollector {
    let maxURLs: Int
    var pages: [URL] = []
    var sitemaps: [URL] = []
    private var seen: Set<String> = []
    private var invalid = 0
    private var capped = false
    private var kindProblem: String?

    init(maxURLs: Int) {
        self.maxURLs = maxURLs
    }

    var problems: [String] {
        var problems: [String] = []
        if let kindProblem { problems.append(kindProblem) }
        if invalid > 0 {
            problems.append("\(invalid) <loc> value\(invalid == 1 ? " is" : "s are") not absolute http(s) URLs")
        }
        if capped { problems.append("more than \(maxURLs) URLs; only the first \(maxURLs) were kept") }
        return problems
    }

    mutating func scanXML(_ content: Data) {
        var scanner = SitemapXMLScanner()
        content.withUnsafeBytes { bytes in
            scanner.scan(bytes) { loc in
                switch loc.parent {
                case "url": return add(loc.text, tooLong: loc.tooLong, toSitemaps: false)
                case "sitemap": return add(loc.text, tooLong: loc.tooLong, toSitemaps: true)
                default: return true
                }
            }
        }
        if !scanner.sawURLSet, !scanner.sawSitemapIndex {
            kindProblem = "not a sitemap (no <urlset> or <sitemapindex>)"
        }
    }

    /// The text form: one absolute URL per line; blank lines skipped.
    mutating func scanText(_ content: Data) {
        var lines = 0
        let body = content.starts(with: [0xEF, 0xBB, 0xBF]) ? content.dropFirst(3) : content[...]
        for line in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            let text = String(decoding: line.prefix(SitemapXMLScanner.maxLocBytes + 1), as: UTF8.self)
            guard !text.allSatisfy(\.isWhitespace) else { continue }
            lines += 1
            guard add(text, tooLong: line.count > SitemapXMLScanner.maxLocBytes, toSitemaps: false) else { break }
        }
        if pages.isEmpty, lines > 0 {
            kindProblem = "not a sitemap (no <urlset> or <sitemapindex>, and no line is a URL)"
            invalid = 0
        } else if lines == 0 {
            kindProblem = "not a sitemap (empty)"
        }
    }

    /// Adds one URL; false once the cap is reached (stop scanning).
    private mutating func add(_ text: String, tooLong: Bool, toSitemaps: Bool) -> Bool {
        guard pages.count + sitemaps.count < maxURLs else {
            capped = true
            return false
        }
        guard !tooLong, let cleaned = ReferenceResolver.clean(text), let parsed = URL(string: cleaned),
            let url = ReferenceResolver.fetchable(parsed)
        else {
            invalid += 1
            return true
        }
        guard seen.insert(url.absoluteString).inserted else { return true }
        if toSitemaps {
            sitemaps.append(url)
        } else {
            pages.append(url)
        }
        return true
    }
}
