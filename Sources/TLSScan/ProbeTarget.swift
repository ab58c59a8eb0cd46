/// Where to connect: the SNI host name, the IP literal to connect to, and the TCP port.
///
/// The name and the address are separate so a fleet sweep can resolve once and probe every address of a host with
/// the same SNI; the prober never resolves names itself.
public struct ProbeTarget: Sendable, Hashable, Codable {
    /// Host name sent in `server_name` (SNI) in every ClientHello (left out when it is an IP literal: RFC 6066 §3).
    public var serverName: String
    /// IPv4 or IPv6 literal to connect to.
    public var address: String
    /// TCP port, 1–65535.
    public var port: Int

    /// Creates a target.
    public init(serverName: String, address: String, port: Int) {
        self.serverName = serverName
        self.address = address
        self.port = port
    }
}
