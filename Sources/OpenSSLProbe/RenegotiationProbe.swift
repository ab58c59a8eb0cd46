import COpenSSL

/// Client-initiated renegotiation: a TLS ≤ 1.2 handshake, then `SSL_renegotiate` and a second handshake.
struct RenegotiationProbe {
    let environment: ProbeEnvironment

    /// Judges by whether the server completes the renegotiation.
    func run() -> RenegotiationResult {
        var settings = ConnectionSettings()
        settings.maximumVersion = TLS1_2_VERSION
        let connection: TLSConnection
        do {
            connection = try environment.connect(settings)
            try connection.handshake()
        } catch {
            return error.isProtocolVersionRefusal ? .notApplicable : .failed
        }
        do {
            try connection.renegotiate()
            connection.shutdown()
            return .accepted
        } catch {
            return error.kind == .timeout ? .failed : .refused
        }
    }

}
