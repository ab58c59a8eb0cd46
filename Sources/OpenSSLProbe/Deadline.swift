/// A point in time a blocking step must finish by.
struct Deadline: Sendable {
    /// When time runs out.
    let instant: ContinuousClock.Instant

    /// A deadline `seconds` from now (negative or NaN counts as zero).
    init(seconds: Double) {
        let bounded = seconds.isFinite ? min(max(seconds, 0), 86_400) : 0
        instant = ContinuousClock.now.advanced(by: .milliseconds(Int64(bounded * 1000)))
    }

    /// The earlier of two deadlines.
    func capped(by other: Deadline) -> Deadline { instant < other.instant ? self : other }

    private init(instant: ContinuousClock.Instant) { self.instant = instant }

    /// Milliseconds left, for `poll` (0 when passed).
    var remainingMilliseconds: Int32 {
        let left = ContinuousClock.now.duration(to: instant)
        guard left > .zero else { return 0 }
        let (seconds, attoseconds) = left.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
    }

    /// Whether the deadline has passed.
    var hasPassed: Bool { ContinuousClock.now >= instant }
}
