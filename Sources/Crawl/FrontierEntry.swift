public import Foundation

/// One URL waiting in the frontier, with how it was reached.
public struct FrontierEntry: Sendable, Hashable {
    /// The normalised URL to fetch.
    public var url: URL
    /// Links followed from an entry URL to reach it (entry URLs are depth 0).
    public var depth: Int
    /// Its queue.
    public var priority: CrawlPriority
    /// The page it was found on, if any (for reports and the growing-query trap check).
    public var referrer: URL?

    public init(url: URL, depth: Int, priority: CrawlPriority, referrer: URL? = nil) {
        self.url = url
        self.depth = depth
        self.priority = priority
        self.referrer = referrer
    }
}
