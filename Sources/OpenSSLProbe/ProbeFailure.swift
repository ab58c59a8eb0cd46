import COpenSSL

/// Why one step of a libssl probe failed; its `description` goes into reports.
struct ProbeFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broad cause, for probes that judge by it (a refused renegotiation, a TLS 1.3-only server).
    enum Kind: Sendable, Hashable {
        case setup, connect, timeout, closed, tooManyBytes, tls
    }

    /// The broad cause.
    var kind: Kind
    /// Human-readable reason.
    var description: String
    /// OpenSSL's reason code (`ERR_GET_REASON`) for `.tls` failures, else 0.
    var reasonCode: Int32 = 0

    /// Whether the server refused every protocol version offered (protocol_version alert), which makes a
    /// version-specific probe not applicable rather than failed.
    var isProtocolVersionRefusal: Bool {
        kind == .tls
            && (reasonCode == SSL_R_TLSV1_ALERT_PROTOCOL_VERSION || reasonCode == SSL_R_UNSUPPORTED_PROTOCOL)
    }
}
