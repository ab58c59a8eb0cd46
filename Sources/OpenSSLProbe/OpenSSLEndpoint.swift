/// Where a libssl probe connects: an IP literal and port, with the host name sent as SNI and verified against.
public struct OpenSSLEndpoint: Sendable, Hashable, Codable {
    /// The host name for SNI and certificate name checks (an IP literal checks the certificate's IP addresses).
    public var serverName: String
    /// The IPv4 or IPv6 literal to connect to; no name resolution happens here.
    public var address: String
    /// The TCP port.
    public var port: Int

    /// Creates an endpoint for `serverName` at `address`:`port`.
    public init(serverName: String, address: String, port: Int) {
        self.serverName = serverName
        self.address = address
        self.port = port
    }
}
