/// How far a scan has got, for a progress line.
public struct ScanProgress: Sendable, Hashable {
    /// Targets finished (scanned or failed).
    public var done: Int
    /// Targets in the plan.
    public var total: Int
    /// Targets that could not be scanned so far.
    public var failed: Int
    /// The URL that just finished.
    public var lastURL: String

    public init(done: Int, total: Int, failed: Int, lastURL: String) {
        self.done = done
        self.total = total
        self.failed = failed
        self.lastURL = lastURL
    }
}
