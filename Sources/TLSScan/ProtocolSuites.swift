public import TLSProbe

/// The cipher suites one protocol version accepts, and whether the server imposes its own order.
public struct ProtocolSuites: Sendable, Codable, Hashable {
    /// Wire value of the version.
    public var version: UInt16
    /// Report name, e.g. `TLSv1.2`.
    public var name: String
    /// Accepted suite code points: in the server's preference order when it has one, else in the order offered.
    public var suites: [UInt16]
    /// True when the server picks by its own order, false when it follows the client's, nil when it cannot be told
    /// (fewer than two suites, or contradictory answers).
    public var serverPreference: Bool?
    /// The server's favourite suite when it has a preference order.
    public var preferredSuite: UInt16?

    /// Creates a value for `version`.
    public init(version: TLSVersion, suites: [UInt16], serverPreference: Bool?, preferredSuite: UInt16?) {
        self.version = version.rawValue
        self.name = version.description
        self.suites = suites
        self.serverPreference = serverPreference
        self.preferredSuite = preferredSuite
    }

    /// The version as a `TLSVersion`.
    public var tlsVersion: TLSVersion { TLSVersion(rawValue: version) }
}
