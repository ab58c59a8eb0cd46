import Crawl
import Foundation
import Testing

@Suite struct TokenBucketTests {
    let start = ContinuousClock.now

    @Test func burstThenSteadyRate() {
        var bucket = TokenBucket(ratePerSecond: 2, burst: 3)
        let waits = (0..<6).map { _ in bucket.reserve(at: start) }
        #expect(waits == [.zero, .zero, .zero, .milliseconds(500), .seconds(1), .milliseconds(1500)])
    }

    @Test func tokensRefillOverTimeUpToBurst() {
        var bucket = TokenBucket(ratePerSecond: 1, burst: 2)
        #expect(bucket.reserve(at: start) == .zero)
        #expect(bucket.reserve(at: start) == .zero)
        #expect(bucket.reserve(at: start) == .seconds(1))
        let later = start + .seconds(100)
        #expect(bucket.reserve(at: later) == .zero)
        #expect(bucket.reserve(at: later) == .zero)
        #expect(bucket.reserve(at: later) == .seconds(1), "refill is capped at burst")
    }

    @Test func retryAfterSecondsDelaysAndStopsAccrual() {
        var bucket = TokenBucket(ratePerSecond: 10, burst: 5)
        bucket.backOff(retryAfter: "3", at: start)
        #expect(bucket.reserve(at: start) == .seconds(3))
        #expect(bucket.reserve(at: start + .seconds(1)) == .milliseconds(2100))
        #expect(bucket.notBefore == start + .seconds(3))
    }

    @Test func retryAfterHTTPDate() {
        var bucket = TokenBucket(ratePerSecond: 1, burst: 1)
        let wall = Date(timeIntervalSince1970: 784_111_767)  // Sun, 06 Nov 1994 08:49:27 GMT
        bucket.backOff(retryAfter: "Sun, 06 Nov 1994 08:49:37 GMT", at: start, now: wall)
        #expect(bucket.reserve(at: start) == .seconds(10))
    }

    @Test(
        "Retry-After values",
        arguments: [
            ("0", Duration.zero), (" 7 ", .seconds(7)), ("120", .seconds(60)),
            ("99999999999999999999999", .seconds(60)),
            ("Sun, 06 Nov 1994 08:49:57 GMT", .seconds(30)), ("Sunday, 06-Nov-94 08:49:37 GMT", .seconds(10)),
            ("Sun Nov  6 08:49:37 1994", .seconds(10)), ("Sat, 01 Jan 2000 00:00:00 GMT", .seconds(60)),
            ("Sun, 06 Nov 1994 08:00:00 GMT", .zero),
        ]
    )
    func retryAfter(value: String, expected: Duration) {
        let wall = Date(timeIntervalSince1970: 784_111_767)
        #expect(TokenBucket.retryAfterDelay(value, now: wall) == expected)
    }

    @Test("Garbage Retry-After is not a delay", arguments: ["", "soon", "-5", "1.5", "Sun, 32 Nov 1994 08:49:37 GMT"])
    func garbageRetryAfter(value: String) {
        #expect(TokenBucket.retryAfterDelay(value, now: Date()) == nil)
    }

    @Test func exponentialBackOffWithoutRetryAfterIsCappedAndResets() {
        var bucket = TokenBucket(ratePerSecond: 1000, burst: 1)
        var waits: [Duration] = []
        var now = start
        for value in [nil, "garbage", nil, nil, nil, nil, nil, nil] as [String?] {
            bucket.backOff(retryAfter: value, at: now, maxWait: .seconds(60))
            let wait = bucket.reserve(at: now)
            waits.append(wait)
            now += wait
        }
        #expect(waits.map { $0.components.seconds } == [1, 2, 4, 8, 16, 32, 60, 60])
        #expect(bucket.consecutiveBackOffs == 8)
        bucket.recordSuccess()
        #expect(bucket.consecutiveBackOffs == 0)
        bucket.backOff(retryAfter: nil, at: now)
        #expect(bucket.reserve(at: now) == .seconds(1))
    }

    @Test func degenerateRatesDoNotCrash() {
        var unlimited = TokenBucket(ratePerSecond: 0, burst: 0)
        #expect((0..<100).allSatisfy { _ in unlimited.reserve(at: start) == .zero })
        var notANumber = TokenBucket(ratePerSecond: .nan, burst: -3)
        #expect(notANumber.reserve(at: start) == .zero)
        var tiny = TokenBucket(ratePerSecond: 1e-300, burst: 1)
        _ = tiny.reserve(at: start)
        #expect(tiny.reserve(at: start) > .seconds(1000))
    }

    @Test(
        "HTTP dates",
        arguments: [
            ("Sun, 06 Nov 1994 08:49:37 GMT", 784_111_777.0), ("Sunday, 06-Nov-94 08:49:37 GMT", 784_111_777),
            ("Sun Nov  6 08:49:37 1994", 784_111_777), ("Thu, 01 Jan 1970 00:00:00 GMT", 0),
            ("Tue, 29 Feb 2028 23:59:59 GMT", 1_835_481_599),
        ]
    )
    func httpDates(text: String, epoch: Double) {
        #expect(HTTPDate.parse(text)?.timeIntervalSince1970 == epoch)
    }
}
