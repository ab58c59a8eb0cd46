/// An async limit on requests in flight, overall and per key (per origin), in pure Swift.
///
/// Waiters are served first come, first served among those that can run: a waiter blocked only by its
/// own origin's limit does not hold back requests to other origins. Cancelling a waiting task removes
/// it from the queue and throws `CancellationError`; a slot is never lost to a cancelled waiter.
final class ConcurrencyLimiter: Sendable {
    /// Requests allowed in flight over all keys.
    let maxTotal: Int
    /// Requests allowed in flight for one key.
    let maxPerKey: Int

    private struct Waiter {
        var id: UInt64
        var key: String
        var continuation: CheckedContinuation<Void, any Error>
    }

    private enum Phase {
        case announced
        case cancelledEarly
    }

    private struct State {
        var inFlight = 0
        var inFlightByKey: [String: Int] = [:]
        var waiters: [Waiter] = []
        var phases: [UInt64: Phase] = [:]
        var nextID: UInt64 = 0
        var peakInFlight = 0
        var peakInFlightByKey: [String: Int] = [:]

        func canRun(_ key: String, maxTotal: Int, maxPerKey: Int) -> Bool {
            inFlight < maxTotal && inFlightByKey[key, default: 0] < maxPerKey
        }

        mutating func take(_ key: String) {
            inFlight += 1
            let count = inFlightByKey[key, default: 0] + 1
            inFlightByKey[key] = count
            peakInFlight = max(peakInFlight, inFlight)
            peakInFlightByKey[key] = max(peakInFlightByKey[key, default: 0], count)
        }
    }

    private let state = LockedState(State())

    /// Creates a limiter; limits below 1 are raised to 1 so requests always make progress.
    init(maxTotal: Int, maxPerKey: Int) {
        self.maxTotal = max(1, maxTotal)
        self.maxPerKey = max(1, min(maxPerKey, max(1, maxTotal)))
    }

    /// Waits for a slot for `key`; the caller must ``release(key:)`` it when done.
    ///
    /// - Throws: `CancellationError` when the task is cancelled before a slot was granted.
    func acquire(key: String) async throws(CancellationError) {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            state.phases[state.nextID] = .announced
            return state.nextID
        }
        do {
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                    let granted: Bool? = state.withLock { state in
                        let phase = state.phases.removeValue(forKey: id)
                        if phase == .cancelledEarly {
                            return false
                        }
                        if state.canRun(key, maxTotal: maxTotal, maxPerKey: maxPerKey) {
                            state.take(key)
                            return true
                        }
                        state.waiters.append(Waiter(id: id, key: key, continuation: continuation))
                        return nil
                    }
                    switch granted {
                    case true?: continuation.resume()
                    case false?: continuation.resume(throwing: CancellationError())
                    case nil: break
                    }
                }
            } onCancel: {
                let waiter = state.withLock { state -> Waiter? in
                    if state.phases[id] == .announced {
                        state.phases[id] = .cancelledEarly
                        return nil
                    }
                    guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                    return state.waiters.remove(at: index)
                }
                waiter?.continuation.resume(throwing: CancellationError())
            }
        } catch {
            throw CancellationError()
        }
    }

    /// Gives back the slot taken for `key` and wakes the waiters that can now run.
    func release(key: String) {
        let ready = state.withLock { state -> [Waiter] in
            state.inFlight = max(0, state.inFlight - 1)
            let remaining = state.inFlightByKey[key, default: 1] - 1
            state.inFlightByKey[key] = remaining > 0 ? remaining : nil
            var ready: [Waiter] = []
            var index = 0
            while index < state.waiters.count && state.inFlight < maxTotal {
                let waiter = state.waiters[index]
                if state.canRun(waiter.key, maxTotal: maxTotal, maxPerKey: maxPerKey) {
                    state.take(waiter.key)
                    ready.append(state.waiters.remove(at: index))
                } else {
                    index += 1
                }
            }
            return ready
        }
        for waiter in ready {
            waiter.continuation.resume()
        }
    }

    /// A snapshot of the limiter, for tests and diagnostics.
    struct Snapshot: Sendable, Hashable {
        var inFlight: Int
        var waiting: Int
        var peakInFlight: Int
        var peakInFlightByKey: [String: Int]
    }

    /// The current counts and the peaks seen since creation.
    var snapshot: Snapshot {
        state.withLock {
            Snapshot(
                inFlight: $0.inFlight,
                waiting: $0.waiters.count,
                peakInFlight: $0.peakInFlight,
                peakInFlightByKey: $0.peakInFlightByKey
            )
        }
    }
}
