import Foundation

/// Sends one ClientHello over a fresh TCP connection and reads a bounded first flight.
///
/// The socket work (non-blocking sockets and `poll`) runs on a thread of its own per exchange, never on Swift's
/// cooperative pool nor on a width-limited dispatch queue (which on Linux shares threads with that pool). The
/// number of such threads is bounded by the callers' connection limits. Every exchange is bounded by `limits` in
/// time and bytes.
public struct HandshakeTransport: Sendable {
    /// The time and byte bounds of each exchange.
    public var limits: ProbeLimits

    /// Creates a transport with `limits`.
    public init(limits: ProbeLimits = .init()) {
        self.limits = limits
    }

    /// Connects to `target`, sends `hello`, reads until `ServerFlight.isComplete` (or close, reset, timeout, byte
    /// cap) and closes.
    public func exchange(_ hello: [UInt8], with target: ProbeTarget) async -> HandshakeOutcome {
        let limits = limits
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: SocketExchange.run(hello, target: target, limits: limits))
            }
            thread.name = "portcullis-tls-handshake"
            thread.stackSize = 512 * 1024
            thread.start()
        }
    }
}
