/// A limit that ended a crawl before it ran out of pages, and what it left unreached.
public struct CrawlStop: Sendable, Hashable, Codable {
    /// The limit: `max-pages`, `max-bytes`, `max-time`, `cancelled`.
    public var limit: String
    /// The limit's value and what happened, for people.
    public var detail: String

    public init(limit: String, detail: String) {
        self.limit = limit
        self.detail = detail
    }
}

/// What a crawl of one provider did: how much it fetched, what it skipped and why, and where it stopped.
public struct CrawlSummary: Sendable, Hashable, Codable {
    public var provider: String
    /// HTML pages fetched and checked.
    public var pages: Int
    /// Responses of other content types (recorded with their headers, not parsed).
    public var otherResponses: Int
    /// Fetches that failed (unreachable, timeout, TLS, ...).
    public var errors: Int
    /// Body bytes received.
    public var bytes: Int
    /// Seconds the crawl took.
    public var durationSeconds: Double
    /// URLs still queued when the crawl stopped.
    public var notReached: Int
    /// URLs deliberately not fetched, by reason (`out-of-scope`, `robots`, `max-depth`, trap kinds, ...).
    public var skipped: [String: Int]
    /// The limits that stopped the crawl; empty when it ran out of pages.
    public var stops: [CrawlStop]
    /// A few examples per skip reason, so a reader can see what was not fetched.
    public var skippedExamples: [String: [String]]

    public init(
        provider: String,
        pages: Int = 0,
        otherResponses: Int = 0,
        errors: Int = 0,
        bytes: Int = 0,
        durationSeconds: Double = 0,
        notReached: Int = 0,
        skipped: [String: Int] = [:],
        stops: [CrawlStop] = [],
        skippedExamples: [String: [String]] = [:]
    ) {
        self.provider = provider
        self.pages = pages
        self.otherResponses = otherResponses
        self.errors = errors
        self.bytes = bytes
        self.durationSeconds = durationSeconds
        self.notReached = notReached
        self.skipped = skipped
        self.stops = stops
        self.skippedExamples = skippedExamples
    }

    /// How many examples are kept per skip reason.
    public static let examplesPerReason = 5

    /// Counts `count` skipped URLs and keeps `url` as an example while there are few.
    public mutating func skip(_ reason: String, _ url: String, count: Int = 1) {
        skipped[reason, default: 0] += count
        if skippedExamples[reason, default: []].count < Self.examplesPerReason {
            skippedExamples[reason, default: []].append(url)
        }
    }
}
