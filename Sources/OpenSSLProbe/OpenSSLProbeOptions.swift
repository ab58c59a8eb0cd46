/// Budgets and trust for the libssl probes.
public struct OpenSSLProbeOptions: Sendable, Hashable {
    /// Seconds each connection may take, from connect to the last byte read (a probe opens at most two in a row).
    public var timeout: Double = 3
    /// An extra PEM bundle of trust anchors (a plan's or `--ca-file`'s), added to the system store.
    public var caFile: String? = nil
    /// Whether the system trust store (OpenSSL's default verify paths) is trusted.
    public var useSystemTrust = true
    /// Bytes a connection may read from the server before it is abandoned.
    public var maximumBytes = 1 << 20
    /// Seconds to wait after a TLS 1.3 handshake for the server's NewSessionTicket (capped by `timeout`).
    public var ticketWait: Double = 0.5

    /// Creates options; every parameter has the default described on its property.
    public init(
        timeout: Double = 3,
        caFile: String? = nil,
        useSystemTrust: Bool = true,
        maximumBytes: Int = 1 << 20,
        ticketWait: Double = 0.5
    ) {
        self.timeout = timeout
        self.caFile = caFile
        self.useSystemTrust = useSystemTrust
        self.maximumBytes = maximumBytes
        self.ticketWait = ticketWait
    }
}
