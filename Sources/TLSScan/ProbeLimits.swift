public import TLSProbe

/// Bounds for every connection a probe makes, so a slow, silent or hostile server costs a known amount of time,
/// bytes and sockets.
public struct ProbeLimits: Sendable, Hashable {
    /// Most connections open to one host at once (default 4: five already broke a single-threaded test server).
    public var concurrentConnections: Int
    /// Longest wait for the TCP connection to be established.
    public var connectTimeout: Duration
    /// Longest wait from sending the ClientHello to a complete first flight.
    public var handshakeTimeout: Duration
    /// Most bytes read from one first flight before it is treated as garbage.
    public var maximumFlightBytes: Int
    /// Most cipher suites in one ClientHello (default 128: several server stacks reject or hang on hellos with
    /// more suites or hellos larger than a few hundred bytes, and 128 keeps every TLS ≤ 1.2 hello near 500 bytes).
    public var suitesPerHello: Int

    /// Creates limits; the defaults suit a scan over the internet and loopback alike.
    public init(
        concurrentConnections: Int = 4,
        connectTimeout: Duration = .seconds(3),
        handshakeTimeout: Duration = .seconds(3),
        maximumFlightBytes: Int = ServerFlight.defaultMaximumBytes,
        suitesPerHello: Int = 128
    ) {
        self.concurrentConnections = concurrentConnections
        self.connectTimeout = connectTimeout
        self.handshakeTimeout = handshakeTimeout
        self.maximumFlightBytes = maximumFlightBytes
        self.suitesPerHello = suitesPerHello
    }
}

extension Duration {
    /// Whole milliseconds, at least 1 and at most `Int32.max` (what `poll` takes).
    var pollMilliseconds: Int {
        let (seconds, attoseconds) = components
        let milliseconds = seconds.multipliedReportingOverflow(by: 1000)
        guard !milliseconds.overflow, seconds >= 0 else { return seconds < 0 ? 1 : Int(Int32.max) }
        let total = Int(clamping: milliseconds.partialValue) + Int(attoseconds / 1_000_000_000_000_000)
        return min(max(total, 1), Int(Int32.max))
    }
}
