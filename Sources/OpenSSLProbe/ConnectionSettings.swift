import COpenSSL

/// How one libssl connection of a probe is configured.
struct ConnectionSettings {
    /// Lowest protocol version offered.
    var minimumVersion = TLS1_VERSION
    /// Highest protocol version offered (`TLS1_2_VERSION` to test renegotiation or session IDs).
    var maximumVersion = TLS1_3_VERSION
    /// Whether the session_ticket extension is offered.
    var tickets = true
    /// Whether every verification error is recorded (host name checked too).
    var verify = false
    /// Whether `status_request` asks for a stapled OCSP response.
    var requestOCSP = false
    /// A session to resume.
    var session: TLSSession?
    /// Protocols offered through ALPN, preferred first; empty sends no ALPN extension.
    var alpn: [String] = []
}
