import TLSProbe

/// A `HandshakeOutcome` sorted into what the enumeration logic branches on.
enum ProbeReply: Sendable {
    /// A ServerHello, with the whole flight (certificates, key exchange, status).
    case hello(ServerHello, ServerFlight)
    /// A TLS 1.3 HelloRetryRequest.
    case retry(ServerHello)
    /// An SSLv2 SERVER-HELLO.
    case sslv2(SSLv2ServerHello)
    /// A refusal by alert.
    case alert(TLSAlert)
    /// No usable answer: garbage, timeout, reset, close, connect failure; the description.
    case failure(String)

    init(_ outcome: HandshakeOutcome) {
        guard case .flight(let flight) = outcome, let response = flight.response else {
            self = .failure(outcome.summary)
            return
        }
        switch response {
        case .serverHello(let hello): self = .hello(hello, flight)
        case .helloRetryRequest(let hello): self = .retry(hello)
        case .alert(let alert): self = .alert(alert)
        case .sslv2ServerHello(let hello): self = .sslv2(hello)
        case .garbage: self = .failure(outcome.summary)
        }
    }

    /// "alert handshake_failure", "timed out after 0 bytes", …
    var summary: String {
        switch self {
        case .hello(let hello, _): "ServerHello \(hello.negotiatedVersion) \(hex(hello.cipherSuite))"
        case .retry(let hello): "HelloRetryRequest \(hex(hello.cipherSuite))"
        case .sslv2: "SSLv2 ServerHello"
        case .alert(let alert): "alert \(alert.descriptionName)"
        case .failure(let reason): reason
        }
    }
}
