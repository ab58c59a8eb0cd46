/// How important a queued URL is: lower raw value is fetched first.
///
/// Entry URLs come before sitemap URLs, which come before links found in pages, so the pages a provider declared
/// are scanned even when the page budget runs out.
public enum CrawlPriority: Int, Sendable, Comparable, CaseIterable {
    case entry = 0
    case sitemap = 1
    case link = 2

    public static func < (lhs: CrawlPriority, rhs: CrawlPriority) -> Bool { lhs.rawValue < rhs.rawValue }
}
