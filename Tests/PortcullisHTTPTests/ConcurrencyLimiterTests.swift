import Foundation
import Testing

@testable import PortcullisHTTP

@Suite struct ConcurrencyLimiterTests {
    /// Counts tasks in the critical section and records the peaks per key.
    private actor Gauge {
        var current: [String: Int] = [:]
        var total = 0
        var peakTotal = 0
        var peakByKey: [String: Int] = [:]
        var order: [Int] = []

        func enter(_ key: String, index: Int) {
            total += 1
            current[key, default: 0] += 1
            peakTotal = max(peakTotal, total)
            peakByKey[key] = max(peakByKey[key, default: 0], current[key, default: 0])
            order.append(index)
        }

        func leave(_ key: String) {
            total -= 1
            current[key, default: 0] -= 1
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func respectsTotalAndPerKeyLimits() async throws {
        let limiter = ConcurrencyLimiter(maxTotal: 4, maxPerKey: 2)
        let gauge = Gauge()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<60 {
                let key = ["a", "b", "c"][index % 3]
                group.addTask {
                    try await limiter.acquire(key: key)
                    await gauge.enter(key, index: index)
                    try await Task.sleep(for: .milliseconds(2))
                    await gauge.leave(key)
                    limiter.release(key: key)
                }
            }
            try await group.waitForAll()
        }
        #expect(await gauge.peakTotal <= 4)
        #expect(await gauge.peakByKey.values.allSatisfy { $0 <= 2 })
        #expect(await gauge.order.count == 60)
        let snapshot = limiter.snapshot
        #expect(snapshot.inFlight == 0)
        #expect(snapshot.waiting == 0)
        #expect(snapshot.peakInFlight <= 4)
        #expect(snapshot.peakInFlight >= 2)
    }

    @Test(.timeLimit(.minutes(1)))
    func servesWaitersFirstComeFirstServed() async throws {
        let limiter = ConcurrencyLimiter(maxTotal: 1, maxPerKey: 1)
        try await limiter.acquire(key: "k")
        let gauge = Gauge()
        var tasks: [Task<Void, any Error>] = []
        for index in 0..<5 {
            tasks.append(
                Task {
                    try await limiter.acquire(key: "k")
                    await gauge.enter("k", index: index)
                    await gauge.leave("k")
                    limiter.release(key: "k")
                }
            )
            // Wait (bounded) until this waiter is queued, so the arrival order is known.
            try await waitUntil { limiter.snapshot.waiting == index + 1 }
        }
        limiter.release(key: "k")
        for task in tasks {
            try await task.value
        }
        #expect(await gauge.order == [0, 1, 2, 3, 4])
    }

    @Test(.timeLimit(.minutes(1)))
    func aWaiterBlockedByItsOwnKeyDoesNotHoldBackOthers() async throws {
        let limiter = ConcurrencyLimiter(maxTotal: 3, maxPerKey: 1)
        try await limiter.acquire(key: "a")
        let blocked = Task { try await limiter.acquire(key: "a") }
        try await waitUntil { limiter.snapshot.waiting == 1 }
        try await limiter.acquire(key: "b")  // would hang if "a"'s waiter blocked the queue
        #expect(limiter.snapshot.inFlight == 2)
        limiter.release(key: "a")
        try await blocked.value
        limiter.release(key: "a")
        limiter.release(key: "b")
        #expect(limiter.snapshot.inFlight == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func cancellingAWaiterRemovesItAndKeepsTheSlot() async throws {
        let limiter = ConcurrencyLimiter(maxTotal: 1, maxPerKey: 1)
        try await limiter.acquire(key: "k")
        let waiter = Task { try await limiter.acquire(key: "k") }
        try await waitUntil { limiter.snapshot.waiting == 1 }
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(limiter.snapshot.waiting == 0)
        limiter.release(key: "k")
        #expect(limiter.snapshot.inFlight == 0)
        // The slot is free again: this must not wait.
        try await limiter.acquire(key: "k")
        limiter.release(key: "k")
    }

    @Test(.timeLimit(.minutes(1)))
    func analreadyCancelledTaskThrowsWithoutTakingASlot() async throws {
        let limiter = ConcurrencyLimiter(maxTotal: 1, maxPerKey: 1)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await limiter.acquire(key: "k")
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(limiter.snapshot.inFlight == 0)
    }

    @Test func limitsBelowOneAreRaised() {
        let limiter = ConcurrencyLimiter(maxTotal: 0, maxPerKey: -3)
        #expect(limiter.maxTotal == 1)
        #expect(limiter.maxPerKey == 1)
    }
}

/// Polls `condition` every few milliseconds, for at most `seconds`; fails the wait when it never holds.
func waitUntil(seconds: Double = 5, _ condition: @Sendable () -> Bool) async throws {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while !condition() {
        guard ContinuousClock.now < deadline else {
            throw WaitTimedOut()
        }
        try await Task.sleep(for: .milliseconds(2))
    }
}

/// Thrown by ``waitUntil(seconds:_:)`` when its condition did not hold in time.
struct WaitTimedOut: Error {}
