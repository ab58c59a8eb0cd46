/// A protocol version as it appears on the wire (`ProtocolVersion`, RFC 8446 §4.1.2), SSLv2 included.
public struct TLSVersion: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The two wire bytes, major then minor.
    public var rawValue: UInt16

    /// Wraps a wire value; unknown values are kept so a server's odd answer can be reported verbatim.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// SSL 2.0 (detection only; RFC 6176 prohibits it).
    public static let ssl2 = TLSVersion(rawValue: 0x0002)
    /// SSL 3.0 (RFC 6101; prohibited by RFC 7568).
    public static let ssl3 = TLSVersion(rawValue: 0x0300)
    /// TLS 1.0 (RFC 2246; deprecated by RFC 8996).
    public static let tls10 = TLSVersion(rawValue: 0x0301)
    /// TLS 1.1 (RFC 4346; deprecated by RFC 8996).
    public static let tls11 = TLSVersion(rawValue: 0x0302)
    /// TLS 1.2 (RFC 5246).
    public static let tls12 = TLSVersion(rawValue: 0x0303)
    /// TLS 1.3 (RFC 8446).
    public static let tls13 = TLSVersion(rawValue: 0x0304)

    /// Every version the prober knows, oldest first.
    public static let known: [TLSVersion] = [.ssl2, .ssl3, .tls10, .tls11, .tls12, .tls13]

    /// The names used in `Rules/tls-cipher-suites.tsv` and reports.
    public var name: String? {
        switch self {
        case .ssl2: "SSLv2"
        case .ssl3: "SSLv3"
        case .tls10: "TLSv1.0"
        case .tls11: "TLSv1.1"
        case .tls12: "TLSv1.2"
        case .tls13: "TLSv1.3"
        default: nil
        }
    }

    /// Looks a version up by its `name`; nil for an unknown name.
    public init?(name: String) {
        guard let match = Self.known.first(where: { $0.name == name }) else { return nil }
        self = match
    }

    /// The name, or the hex wire value for unknown versions.
    public var description: String {
        name ?? "0x" + String(rawValue, radix: 16, uppercase: true)
    }

    /// Orders by wire value, which matches protocol age for every real version.
    public static func < (lhs: TLSVersion, rhs: TLSVersion) -> Bool { lhs.rawValue < rhs.rawValue }
}
