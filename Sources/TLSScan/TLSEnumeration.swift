/// Everything the raw ClientHello prober learned about one host: protocols, suites, groups, extensions and the
/// certificate chain sent in clear, with the number of connections it took and human-readable notes.
public struct TLSEnumeration: Sendable, Codable, Hashable {
    /// SSLv2, SSLv3, TLS 1.0, 1.1, 1.2 and 1.3, oldest first.
    public var protocols: [ProtocolSupport] = []
    /// Per supported protocol (oldest first): the accepted suites, server preference and preferred suite.
    public var suites: [ProtocolSuites] = []
    /// Groups accepted for TLS 1.3 key exchange (via key_share or HelloRetryRequest), in the order the server chose.
    public var tls13Groups: [UInt16] = []
    /// Curves accepted for TLS ≤ 1.2 ECDHE (from ServerKeyExchange), in the order the server chose.
    public var ecdheCurves: [UInt16] = []
    /// Smallest finite-field DHE prime seen in a ServerKeyExchange, nil if no DHE suite was negotiated.
    public var dhPrimeBits: Int?
    /// Of `h2` and `http/1.1`, the ones the server selects when offered alone (TLS ≤ 1.2 only: in TLS 1.3 the
    /// answer is encrypted).
    public var alpn: [String] = []
    /// Whether `renegotiation_info` was echoed (RFC 5746) in TLS ≤ 1.2; nil without TLS ≤ 1.2.
    public var secureRenegotiation: Bool?
    /// TLS_FALLBACK_SCSV handling (RFC 7507).
    public var fallbackSCSV: FallbackSCSVResult = .notApplicable
    /// Whether DEFLATE was chosen when offered (CRIME).
    public var compression = false
    /// Whether a TLS ≤ 1.2 ServerHello carried `session_ticket` (RFC 5077).
    public var sessionTicket = false
    /// Whether a CertificateStatus message followed `status_request` (TLS ≤ 1.2 OCSP stapling).
    public var ocspStapled = false
    /// Whether a ServerHello carried `signed_certificate_timestamp` (RFC 6962).
    public var sctExtension = false
    /// Whether `extended_master_secret` was acknowledged (RFC 7627); nil without TLS ≤ 1.2.
    public var extendedMasterSecret: Bool?
    /// Whether `encrypt_then_mac` was acknowledged for a CBC suite (RFC 7366); nil when no CBC suite was negotiated.
    public var encryptThenMAC: Bool?
    /// DER certificates, leaf first, from a TLS ≤ 1.2 flight (empty if only TLS 1.3 or anonymous suites).
    public var certificateChain: [[UInt8]] = []
    /// The CertificateStatus body (a stapled OCSP response), if one was sent.
    public var stapledOCSPResponse: [UInt8]?
    /// Connections made.
    public var handshakes = 0
    /// Garbage, timeouts, resets and other oddities, human-readable, at most `TLSEnumeration.maximumNotes`.
    public var notes: [String] = []

    /// Most notes kept, so a hostile server cannot grow the report.
    public static let maximumNotes = 32

    /// An empty result, filled in by `RawTLSEnumerator`.
    public init() {}

    /// Support for one version, if it was probed.
    public func support(for version: UInt16) -> ProtocolSupport? { protocols.first { $0.version == version } }

    /// Accepted suites for one version, if it is supported.
    public func suites(for version: UInt16) -> ProtocolSuites? { suites.first { $0.version == version } }
}
