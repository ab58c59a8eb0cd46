/// What a ClientHello offers: every field and extension the prober can vary, as plain values.
///
/// The random and key-share bytes are supplied by the caller so tests are deterministic and the module needs no
/// random source or crypto. An empty list or `false` leaves the corresponding extension out.
public struct ClientHelloSpec: Sendable, Hashable {
    /// How secure renegotiation support (RFC 5746) is signalled.
    public enum RenegotiationSignal: Sendable, Hashable {
        /// Neither the extension nor the SCSV.
        case none
        /// An empty `renegotiation_info` extension.
        case renegotiationInfoExtension
        /// `TLS_EMPTY_RENEGOTIATION_INFO_SCSV` appended to the cipher suites (RFC 5746 §3.3; the SSLv3 way).
        case scsv
    }

    /// One `KeyShareEntry` (RFC 8446 §4.2.8): a group and its public key bytes.
    public struct KeyShare: Sendable, Hashable {
        /// The named group code point.
        public var group: UInt16
        /// The public key; for X25519 any 32 bytes will do, as the prober never derives a secret.
        public var keyExchange: [UInt8]

        /// Creates a key share for `group` carrying `keyExchange`.
        public init(group: UInt16, keyExchange: [UInt8]) {
            self.group = group
            self.keyExchange = keyExchange
        }
    }

    /// Version in the record header (RFC 8446 §5.1 recommends 0x0301 for the first ClientHello).
    public var recordVersion: TLSVersion = .tls10
    /// `legacy_version` / `client_version` of the ClientHello body.
    public var legacyVersion: TLSVersion = .tls12
    /// The 32-byte client random (shorter input is zero-padded, longer truncated).
    public var random: [UInt8]
    /// `legacy_session_id`, 0–32 bytes (TLS 1.3 middlebox compatibility uses 32).
    public var sessionID: [UInt8] = []
    /// Cipher suite code points in preference order.
    public var cipherSuites: [UInt16]
    /// Compression methods; `[0]` is "null" only, `[1, 0]` offers DEFLATE to detect CRIME exposure.
    public var compressionMethods: [UInt8] = [0]
    /// Host name for `server_name` (SNI); nil omits the extension.
    public var serverName: String?
    /// Versions for `supported_versions`, preferred first; empty omits the extension (TLS ≤ 1.2 probe).
    public var supportedVersions: [TLSVersion] = []
    /// Groups for `supported_groups` (also the ECDHE curves of TLS ≤ 1.2); empty omits it.
    public var supportedGroups: [UInt16] = NamedGroup.defaultOffer
    /// Entries for `key_share`; sent only when `supportedVersions` contains TLS 1.3.
    public var keyShares: [KeyShare] = []
    /// Schemes for `signature_algorithms`; empty omits it (required for TLS 1.2+ servers to pick a certificate).
    public var signatureAlgorithms: [UInt16] = SignatureScheme.defaultOffer
    /// Protocols for ALPN, e.g. `["h2", "http/1.1"]`; empty omits it.
    public var alpnProtocols: [String] = []
    /// Secure-renegotiation signal.
    public var renegotiation: RenegotiationSignal = .renegotiationInfoExtension
    /// Sends `status_request` (OCSP) to learn whether the server staples.
    public var statusRequest = false
    /// Sends `extended_master_secret`.
    public var extendedMasterSecret = false
    /// Sends `encrypt_then_mac`.
    public var encryptThenMAC = false
    /// Sends `session_ticket` with this ticket (empty = ask for a new one); nil omits it.
    public var sessionTicket: [UInt8]?
    /// Sends `signed_certificate_timestamp` to ask for SCTs.
    public var signedCertificateTimestamp = false
    /// Sends `ec_point_formats` (uncompressed), which some TLS ≤ 1.2 servers need before they choose ECDHE.
    public var ecPointFormats = true
    /// Appends `TLS_FALLBACK_SCSV` (RFC 7507) to the cipher suites to test downgrade protection.
    public var fallbackSCSV = false

    /// Creates a spec from the random and the suites; everything else takes the defaults above.
    public init(random: [UInt8], cipherSuites: [UInt16]) {
        self.random = random
        self.cipherSuites = cipherSuites
    }

    /// A TLS 1.3 offer: `supported_versions` = [1.3], X25519 key share from `x25519PublicKey`, 32-byte session id.
    public static func tls13(
        random: [UInt8],
        cipherSuites: [UInt16] = [0x1301, 0x1302, 0x1303],
        x25519PublicKey: [UInt8],
        serverName: String? = nil
    ) -> ClientHelloSpec {
        var spec = ClientHelloSpec(random: random, cipherSuites: cipherSuites)
        spec.supportedVersions = [.tls13]
        spec.keyShares = [KeyShare(group: NamedGroup.x25519, keyExchange: x25519PublicKey)]
        spec.sessionID = Array(random.reversed().prefix(32))
        spec.serverName = serverName
        return spec
    }

    /// A TLS ≤ 1.2 (or SSLv3) offer at `version`, with no `supported_versions`; SSLv3 uses the SCSV and no
    /// extensions-only features.
    public static func legacy(
        version: TLSVersion,
        random: [UInt8],
        cipherSuites: [UInt16],
        serverName: String? = nil
    ) -> ClientHelloSpec {
        var spec = ClientHelloSpec(random: random, cipherSuites: cipherSuites)
        spec.legacyVersion = version
        spec.recordVersion = min(version, .tls10)
        spec.serverName = serverName
        if version <= .ssl3 { spec.renegotiation = .scsv }
        return spec
    }
}
