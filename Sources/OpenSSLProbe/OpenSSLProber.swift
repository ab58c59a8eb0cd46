/// Completed-handshake TLS probes through libssl (OpenSSL 3), for what a raw ClientHello cannot show: every
/// certificate verification error, the chain and stapled OCSP response, session resumption, client-initiated
/// renegotiation and 0-RTT. Each probe runs on its own thread, each connection is bounded by `options.timeout` and
/// `options.maximumBytes`, and a failure is reported in the result rather than thrown.
public struct OpenSSLProber: Sendable {
    /// The budgets and trust this prober uses.
    public let options: OpenSSLProbeOptions
    private let context: ClientContext
    private let counter = HandshakeCounter()

    /// Creates a prober. The TLS context (trust store, cipher lists) is built on the first prober with these trust
    /// settings and shared by every later one, so a prober per host costs nothing.
    public init(options: OpenSSLProbeOptions = .init()) {
        self.options = options
        context = ClientContext.shared(for: options)
    }

    /// TLS connections (handshakes started) by this prober and its copies so far.
    public var handshakeCount: Int { counter.value }

    /// One handshake: protocol, suite, every verification error (host name included), chain, stapled OCSP,
    /// secure renegotiation and ticket issuance. One connection.
    public func handshake(_ endpoint: OpenSSLEndpoint) async -> HandshakeReport {
        let environment = environment(endpoint)
        return await BlockingThread.run { HandshakeProbe(environment: environment).run() }
    }

    /// Session-ID resumption (tickets off, TLS ≤ 1.2), RFC 5077 ticket resumption (TLS ≤ 1.2) and TLS 1.3 ticket
    /// resumption, each proven by resuming in a second connection. Up to six connections.
    public func resumption(_ endpoint: OpenSSLEndpoint) async -> ResumptionReport {
        let environment = environment(endpoint)
        return await BlockingThread.run { ResumptionProbe(environment: environment).run() }
    }

    /// Whether the server completes a renegotiation the client starts (TLS ≤ 1.2). One connection.
    public func clientRenegotiation(_ endpoint: OpenSSLEndpoint) async -> RenegotiationResult {
        let environment = environment(endpoint)
        return await BlockingThread.run { RenegotiationProbe(environment: environment).run() }
    }

    /// Whether the server accepts TLS 1.3 early data on a resumed session. Up to two connections.
    public func earlyData(_ endpoint: OpenSSLEndpoint) async -> EarlyDataResult {
        let environment = environment(endpoint)
        return await BlockingThread.run { EarlyDataProbe(environment: environment).run() }
    }

    private func environment(_ endpoint: OpenSSLEndpoint) -> ProbeEnvironment {
        ProbeEnvironment(context: context, options: options, counter: counter, endpoint: endpoint)
    }
}
