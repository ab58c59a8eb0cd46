/// How far one provider's crawl has got, for a live progress line.
public struct ScanProgress: Sendable, Hashable {
    public var provider: String
    /// Responses fetched so far.
    public var pages: Int
    /// URLs waiting in the frontier.
    public var queued: Int
    /// Fetches that failed.
    public var errors: Int
    public var pagesPerSecond: Double
    /// Whether the provider's crawl is over.
    public var finished: Bool

    public init(provider: String, pages: Int, queued: Int, errors: Int, pagesPerSecond: Double, finished: Bool) {
        self.provider = provider
        self.pages = pages
        self.queued = queued
        self.errors = errors
        self.pagesPerSecond = pagesPerSecond
        self.finished = finished
    }
}
