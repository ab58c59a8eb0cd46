public import TLSProbe

/// Whether the server speaks one protocol version, and what the probe saw.
public struct ProtocolSupport: Sendable, Codable, Hashable {
    /// Wire value of the version (`0x0002` SSLv2 … `0x0304` TLS 1.3).
    public var version: UInt16
    /// Report name, e.g. `TLSv1.2`.
    public var name: String
    /// Whether a handshake at exactly this version was accepted.
    public var supported: Bool
    /// Why, when not obvious: "alert protocol_version", "answered with TLSv1.0", "timed out after 0 bytes"…
    public var note: String?

    /// Creates a value for `version`.
    public init(version: TLSVersion, supported: Bool, note: String? = nil) {
        self.version = version.rawValue
        self.name = version.description
        self.supported = supported
        self.note = note
    }

    /// The version as a `TLSVersion`.
    public var tlsVersion: TLSVersion { TLSVersion(rawValue: version) }
}
