import TLSProbe

/// Builds the ClientHello bytes of every probe, with fresh randoms, the same SNI in each, and the extensions whose
/// answers the enumeration reads.
struct HelloFactory: Sendable {
    /// The SNI host name; nil when the target's name is empty or an IP literal, which RFC 6066 §3 forbids in SNI.
    let serverName: String?

    init(serverName: String) {
        let isLiteral = SocketAddress(serverName, port: 443) != nil
        self.serverName = serverName.isEmpty || isLiteral ? nil : serverName
    }

    /// Every TLS ≤ 1.2 elliptic curve (RFC 4492, 7027, 8422) followed by the RFC 7919 finite-field groups, so a
    /// server with only exotic curves still negotiates its ECDHE suites.
    static let legacyCurves: [UInt16] =
        [0x001D, 0x0017, 0x0018, 0x0019, 0x001E, 0x001A, 0x001B, 0x001C, 0x0016, 0x0015, 0x0014, 0x0013]
        + Array(0x0001...0x0012)
    /// RFC 7919 groups for TLS ≤ 1.2 DHE.
    static let finiteFieldGroups: [UInt16] = [0x0100, 0x0101, 0x0102, 0x0103, 0x0104]
    /// Every TLS 1.3 key-exchange group worth asking about: X25519, NIST curves, X448, FFDHE, brainpool TLS 1.3,
    /// and the hybrid ML-KEM groups.
    static let tls13Groups: [UInt16] = [
        0x001D, 0x0017, 0x0018, 0x0019, 0x001E, 0x0100, 0x0101, 0x0102, 0x0103, 0x0104, 0x001F, 0x0020, 0x0021,
        0x11EC, 0x11EB, 0x11ED,
    ]

    static func random(_ count: Int = 32) -> [UInt8] { (0..<count).map { _ in UInt8.random(in: 0...255) } }

    /// A TLS ≤ 1.2 (or SSLv3) hello at `version` asking for every extension the result reports.
    func legacy(
        _ version: TLSVersion,
        suites: [UInt16],
        groups: [UInt16] = legacyCurves + finiteFieldGroups,
        configure: (inout ClientHelloSpec) -> Void = { _ in }
    ) -> [UInt8] {
        var spec = ClientHelloSpec.legacy(
            version: version,
            random: Self.random(),
            cipherSuites: suites,
            serverName: serverName
        )
        spec.supportedGroups = groups
        spec.statusRequest = true
        spec.extendedMasterSecret = true
        spec.encryptThenMAC = true
        spec.sessionTicket = []
        spec.signedCertificateTimestamp = true
        configure(&spec)
        return ClientHello.records(spec)
    }

    /// A TLS 1.3-only hello (`supported_versions` = [1.3]) offering `groups`, with a random X25519 key share when
    /// X25519 is among them and no share otherwise (the server then answers with a HelloRetryRequest).
    func tls13(suites: [UInt16], groups: [UInt16] = tls13Groups) -> [UInt8] {
        var spec = ClientHelloSpec.tls13(
            random: Self.random(),
            cipherSuites: suites,
            x25519PublicKey: Self.random(),
            serverName: serverName
        )
        spec.supportedGroups = groups
        if !groups.contains(NamedGroup.x25519) { spec.keyShares = [] }
        return ClientHello.records(spec)
    }

    /// An SSLv2 CLIENT-HELLO with every SSLv2 cipher kind.
    func sslv2() -> [UInt8] { SSLv2ClientHello.record(challenge: Self.random(16)) }
}
