/// What one completed (or failed) libssl handshake showed: protocol, suite, every verification error, the chain as
/// sent, the stapled OCSP response and the renegotiation and ticket extensions.
public struct HandshakeReport: Sendable, Hashable, Codable {
    /// The negotiated protocol as OpenSSL names it (`"TLSv1.3"`, `"TLSv1.2"`, …); nil when the handshake failed.
    public var version: String?
    /// The negotiated suite's IANA name (`"TLS_AES_256_GCM_SHA384"`); nil when the handshake failed.
    public var cipher: String?
    /// The negotiated suite's IANA code point, to look up in the cipher-suite registry.
    public var cipherSuite: UInt16?
    /// Every verification error, in the order OpenSSL met them (deduplicated); empty means the chain verified.
    public var verificationErrors: [VerificationError]
    /// The certificates as the server sent them (DER), leaf first.
    public var peerChain: [[UInt8]]
    /// The stapled OCSP response, if the server sent one (the probe always asks with `status_request`).
    public var stapledOCSP: [UInt8]?
    /// `"good"`, `"revoked"` or `"unknown"` from the stapled response's first single response, nil if unparseable.
    public var ocspCertificateStatus: String?
    /// Whether the server supports secure renegotiation (RFC 5746); always false in TLS 1.3, which has none.
    public var secureRenegotiation: Bool
    /// Whether the server issued a session ticket (in TLS 1.3, a NewSessionTicket within `ticketWait`).
    public var sessionTicketIssued: Bool
    /// Why the handshake failed (OpenSSL's error string or a socket problem); nil on success.
    public var error: String?
    /// The protocol the server selected when offered `h2` and `http/1.1` through ALPN (also visible in TLS 1.3,
    /// where the raw probe cannot read the encrypted answer).
    public var alpn: String?

    /// Creates a report; a failed handshake has only `error` set.
    public init(
        version: String? = nil,
        cipher: String? = nil,
        cipherSuite: UInt16? = nil,
        verificationErrors: [VerificationError] = [],
        peerChain: [[UInt8]] = [],
        stapledOCSP: [UInt8]? = nil,
        ocspCertificateStatus: String? = nil,
        secureRenegotiation: Bool = false,
        sessionTicketIssued: Bool = false,
        error: String? = nil,
        alpn: String? = nil
    ) {
        self.version = version
        self.cipher = cipher
        self.cipherSuite = cipherSuite
        self.verificationErrors = verificationErrors
        self.peerChain = peerChain
        self.stapledOCSP = stapledOCSP
        self.ocspCertificateStatus = ocspCertificateStatus
        self.secureRenegotiation = secureRenegotiation
        self.sessionTicketIssued = sessionTicketIssued
        self.error = error
        self.alpn = alpn
    }
}
