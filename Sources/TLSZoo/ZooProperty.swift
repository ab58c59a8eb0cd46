/// The vocabulary of TLS properties the zoo servers are expected to show and that every scanner (Portcullis, sslyze
/// through `Benchmarks/tls/sslyze_properties.py`) is scored on; `rawValue` is the string key used in
/// `TLSZooServer.expected`, so results from different tools can be compared key by key.
///
/// Values are `"yes"` or `"no"` unless a case says otherwise. A server lists only the properties that are
/// meaningful for its configuration (no renegotiation on a TLS 1.3-only server, no fallback SCSV on a server with a
/// single protocol version).
public enum ZooProperty: String, CaseIterable, Codable, Sendable {
    /// SSL 2.0 is accepted.
    case sslv2 = "protocol.sslv2"
    /// SSL 3.0 is accepted.
    case sslv3 = "protocol.sslv3"
    /// TLS 1.0 is accepted.
    case tls10 = "protocol.tls1.0"
    /// TLS 1.1 is accepted.
    case tls11 = "protocol.tls1.1"
    /// TLS 1.2 is accepted.
    case tls12 = "protocol.tls1.2"
    /// TLS 1.3 is accepted.
    case tls13 = "protocol.tls1.3"
    /// Some accepted suite has no encryption (NULL cipher).
    case nullSuites = "suites.null"
    /// Some accepted suite is anonymous (no server authentication: `DH_anon`, `ECDH_anon`).
    case anonymousSuites = "suites.anonymous"
    /// Some accepted suite is an export suite.
    case exportSuites = "suites.export"
    /// Some accepted suite uses RC4.
    case rc4Suites = "suites.rc4"
    /// Some accepted suite uses 3DES (or single DES).
    case tripleDESSuites = "suites.3des"
    /// Some accepted suite uses a block cipher in CBC mode.
    case cbcSuites = "suites.cbc"
    /// Some accepted suite has no forward secrecy (static RSA or static DH key exchange; anonymous suites excluded).
    case noForwardSecrecy = "suites.no-forward-secrecy"
    /// The server chooses the suite by its own order rather than the client's.
    case serverPreference = "server-preference"
    /// A finite-field DHE suite uses a prime shorter than 2048 bits.
    case weakDH = "dh.weak"
    /// A client with the zoo root as an extra trust anchor accepts the chain for this host now (full validation:
    /// chain to an anchor, validity window, hostname).
    case certificateTrusted = "cert.trusted"
    /// The leaf certificate's validity has ended.
    case certificateExpired = "cert.expired"
    /// The leaf's subjectAltName does not cover the host name that was scanned (`localhost`).
    case hostnameMismatch = "cert.hostname-mismatch"
    /// The leaf is self-signed.
    case selfSigned = "cert.self-signed"
    /// The server sends the leaf without the intermediate CA needed to reach the anchor.
    case missingIntermediate = "cert.missing-intermediate"
    /// The leaf's key is too small (RSA < 2048 bits, EC < 256 bits).
    case weakKey = "cert.weak-key"
    /// A certificate in the served chain is signed with SHA-1 or MD5.
    case weakSignature = "cert.weak-signature"
    /// The leaf demands OCSP stapling (TLS feature `status_request`) but the server staples nothing.
    case mustStapleUnstapled = "cert.must-staple-unstapled"
    /// The server staples an OCSP response when asked (`status_request`).
    case ocspStapled = "ocsp.stapled"
    /// The server supports secure renegotiation (RFC 5746 `renegotiation_info`).
    case secureRenegotiation = "reneg.secure"
    /// The server accepts client-initiated renegotiation.
    case clientInitiatedRenegotiation = "reneg.client-initiated"
    /// The server rejects a downgraded handshake carrying `TLS_FALLBACK_SCSV` (RFC 7507); `yes` is good.
    case fallbackSCSV = "fallback-scsv"
    /// The server accepts TLS-level compression (CRIME).
    case compression = "compression"
    /// The server accepts TLS 1.3 early data (0-RTT).
    case earlyData = "early-data"
    /// The server issues session tickets (RFC 5077 in TLS ≤ 1.2, NewSessionTicket in TLS 1.3) that resume.
    case sessionTicket = "session.ticket"
    /// The server resumes TLS ≤ 1.2 sessions by session ID.
    case sessionIDResumption = "session.id-resumption"
    /// The server selects `h2` by ALPN when offered.
    case alpnH2 = "alpn.h2"
}
