public import Foundation

/// Breadth-first queue of URLs to fetch, with O(1) dedupe over a ``CompactURLSet`` of stable URL hashes.
///
/// One FIFO queue per ``CrawlPriority``: `next()` takes from the most important non-empty queue, so entry URLs
/// go first, then sitemap URLs, then links, each breadth-first. Every URL ever added stays "seen" for the whole
/// crawl (8 bytes of hash each), so a page is never queued twice. The queues are bounded by `maxQueued`; URLs
/// refused because they are full are counted in ``droppedCount`` (a limit the crawl report must state).
public struct Frontier: Sendable {
    private var seen = CompactURLSet()
    private var queues: [FIFOQueue<FrontierEntry>] = Array(repeating: FIFOQueue(), count: CrawlPriority.allCases.count)
    /// The most URLs waiting at once; adds beyond it are refused.
    public let maxQueued: Int
    /// How many adds were refused because ``maxQueued`` URLs were already waiting (a URL refused twice counts
    /// twice; it is not marked seen, so it can still be queued later).
    public private(set) var droppedCount = 0

    /// An empty frontier holding at most `maxQueued` waiting URLs (default one million).
    public init(maxQueued: Int = 1_000_000) {
        self.maxQueued = max(1, maxQueued)
    }

    /// Adds `url` (already normalised) unless seen before or the queues are full; returns whether it was added.
    @discardableResult
    public mutating func add(_ url: URL, depth: Int, priority: CrawlPriority, referrer: URL? = nil) -> Bool {
        let hash = StableHash.fnv1a(url.absoluteString)
        guard !seen.contains(hash: hash) else { return false }
        guard queuedCount < maxQueued else {
            droppedCount += 1
            return false
        }
        seen.insert(hash: hash)
        queues[priority.rawValue].append(FrontierEntry(url: url, depth: depth, priority: priority, referrer: referrer))
        return true
    }

    /// Records `url` as seen without queueing it (a redirect target fetched on the way); returns whether it was new.
    @discardableResult
    public mutating func markSeen(_ url: URL) -> Bool {
        seen.insert(url)
    }

    /// Whether `url` was ever added or marked seen (queued or done).
    public func hasSeen(_ url: URL) -> Bool {
        seen.contains(url)
    }

    /// The next entry: lowest priority value first, then FIFO (breadth-first) within a priority.
    public mutating func next() -> FrontierEntry? {
        for index in queues.indices where !queues[index].isEmpty {
            return queues[index].popFirst()
        }
        return nil
    }

    /// How many entries are waiting.
    public var queuedCount: Int { queues.reduce(0) { $0 + $1.count } }

    /// How many distinct URLs were ever added or marked seen.
    public var seenCount: Int { seen.count }

    /// The bytes the seen-set's table holds.
    public var seenStorageBytes: Int { seen.storageBytes }

    /// Removes and returns every entry still queued (for "not reached" reporting), in the order `next()` would
    /// have returned them.
    public mutating func drain() -> [FrontierEntry] {
        var entries: [FrontierEntry] = []
        entries.reserveCapacity(queuedCount)
        for index in queues.indices {
            entries += queues[index].removeAll()
        }
        return entries
    }
}
