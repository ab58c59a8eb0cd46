/// Which HTTP versions a demo listener offers its clients.
///
/// HTTP/2 is only ever offered over TLS, through ALPN: a client that asks for `h2` gets HTTP/2 streams, one that
/// asks for `http/1.1` or sends no ALPN at all gets the raw HTTP/1.1 path. Plain-HTTP listeners always speak
/// HTTP/1.1 (no cleartext `h2c`), so the zoo shows clients both kinds of server.
enum ServedHTTPVersions: Sendable, Hashable {
    /// HTTP/1.1 only; TLS listeners advertise just `http/1.1`.
    case http1Only
    /// HTTP/2 when the TLS client negotiates `h2`, otherwise HTTP/1.1.
    case http2WithHTTP1Fallback

    /// The ALPN protocol identifiers a TLS listener advertises, most preferred first.
    var alpnProtocols: [String] {
        switch self {
        case .http1Only:
            return ["http/1.1"]
        case .http2WithHTTP1Fallback:
            return ["h2", "http/1.1"]
        }
    }
}
