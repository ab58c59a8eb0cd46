public import Foundation
import PortcullisCore

/// Requests-per-second limiter with bursts, plus back-off from 429/503 and `Retry-After`.
///
/// A token bucket in virtual time: it holds up to `burst` tokens, refilled at `ratePerSecond`; each request takes
/// one, and when none is left the caller is told how long to wait (the bucket goes into debt, so concurrent callers
/// get increasing waits and the rate holds). After ``backOff(retryAfter:at:now:maxWait:)`` nothing is sent before
/// the back-off ends, no tokens accrue during it, and sending resumes with one request when it ends, then the steady
/// rate. Every input is an explicit instant, so it is deterministic to test. A rate that is zero, negative or not
/// finite means "no rate limit" (back-off still applies). Waits already handed out are not revoked by a later
/// back-off.
public struct TokenBucket: Sendable {
    /// Tokens added per second.
    public let ratePerSecond: Double
    /// The most tokens held, so the most requests sent at once after a quiet spell.
    public let burst: Int
    /// The first back-off without `Retry-After` waits this long; each further one in a row doubles it.
    public var baseBackOff: Duration = .seconds(1)
    /// Back-offs since the last success.
    public private(set) var consecutiveBackOffs = 0
    /// Nothing may be sent before this instant.
    public private(set) var notBefore: ContinuousClock.Instant?

    private var tokens: Double
    private var updated: ContinuousClock.Instant?

    /// A full bucket.
    public init(ratePerSecond: Double, burst: Int) {
        self.ratePerSecond = ratePerSecond
        self.burst = max(1, burst)
        self.tokens = Double(max(1, burst))
    }

    private var isUnlimited: Bool { !(ratePerSecond > 0) || !ratePerSecond.isFinite }

    /// Takes a token at `now`; returns how long to wait before sending (zero when a token is available).
    public mutating func reserve(at now: ContinuousClock.Instant) -> Duration {
        let start = max(now, notBefore ?? now)
        if isUnlimited { return start - now }
        refill(to: start)
        tokens -= 1
        let send = tokens >= 0 ? start : (updated ?? start) + Self.duration(seconds: -tokens / ratePerSecond)
        return max(.zero, send - now)
    }

    /// Pushes the next send back: after a 429/503 with `Retry-After` (seconds or HTTP-date, read against
    /// `wallClock`; capped at `maxWait`), or exponential back-off from ``baseBackOff`` when it is absent or
    /// unreadable (also capped).
    public mutating func backOff(
        retryAfter: String?,
        at now: ContinuousClock.Instant,
        now wallClock: Date = Date(),
        maxWait: Duration = .seconds(60)
    ) {
        let cap = max(.zero, maxWait)
        let delay: Duration
        if let retryAfter, let given = Self.retryAfterDelay(retryAfter, now: wallClock, maxWait: cap) {
            delay = given
        } else {
            var exponential = baseBackOff
            for _ in 0..<min(consecutiveBackOffs, 40) where exponential < cap { exponential *= 2 }
            delay = min(exponential, cap)
        }
        consecutiveBackOffs += 1
        let until = now + delay
        notBefore = max(until, notBefore ?? until)
        tokens = 1  // one request when the back-off ends, then the steady rate
        updated = max(updated ?? now, notBefore ?? now)
    }

    /// Resets back-off after a success.
    public mutating func recordSuccess() {
        consecutiveBackOffs = 0
    }

    /// The wait a `Retry-After` value asks for: delay-seconds or an HTTP-date (in the past: zero), capped at
    /// `maxWait`; `nil` when the value is neither.
    public static func retryAfterDelay(_ value: String, now: Date, maxWait: Duration = .seconds(60)) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy(ASCII.isDigit) {
            guard trimmed.utf8.count <= 12, let seconds = Int64(trimmed) else { return maxWait }
            return min(.seconds(seconds), maxWait)
        }
        guard let date = HTTPDate.parse(trimmed) else { return nil }
        let interval = date.timeIntervalSince(now)
        guard interval > 0 else { return .zero }
        guard interval < 1e9 else { return maxWait }
        return min(.milliseconds(Int64(interval * 1000)), maxWait)
    }

    /// Whole nanoseconds, capped at about 30 years so absurd rates cannot overflow `Duration`.
    private static func duration(seconds: Double) -> Duration {
        .nanoseconds(Int64((min(seconds, 1e9) * 1e9).rounded()))
    }

    private mutating func refill(to instant: ContinuousClock.Instant) {
        guard let last = updated else {
            updated = instant
            return
        }
        guard instant > last else { return }
        let elapsed = instant - last
        tokens = min(Double(burst), tokens + elapsed.seconds * ratePerSecond)
        updated = instant
    }
}
