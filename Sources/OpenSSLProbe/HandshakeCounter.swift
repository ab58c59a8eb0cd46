import Synchronization

/// Counts the TLS connections a prober opened (shared by copies of the prober), for the benchmark's report.
final class HandshakeCounter: Sendable {
    private let count = Mutex(0)

    /// Adds one connection.
    func increment() { count.withLock { $0 += 1 } }

    /// Connections so far.
    var value: Int { count.withLock { $0 } }
}
