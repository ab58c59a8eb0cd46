/// The first thing a server answered to a ClientHello, summarised for a prober.
public enum ServerResponse: Sendable, Hashable {
    /// A ServerHello: the server accepted the offer (version and suite inside).
    case serverHello(ServerHello)
    /// A TLS 1.3 HelloRetryRequest: acceptable suite, but the server wants a key share for another group.
    case helloRetryRequest(ServerHello)
    /// An alert instead of a ServerHello: the server refused (e.g. handshake_failure, protocol_version).
    case alert(TLSAlert)
    /// An SSLv2 SERVER-HELLO.
    case sslv2ServerHello(SSLv2ServerHello)
    /// Bytes that are neither; the reason names what was wrong.
    case garbage(String)
}

/// Everything read from the server's first flight: the response, and for TLS ≤ 1.2 the clear-text messages after
/// the ServerHello (certificate chain, key exchange, stapled OCSP), up to ServerHelloDone.
public struct ServerFlight: Sendable, Hashable {
    /// The summary, or nil while more bytes are needed to decide.
    public var response: ServerResponse?
    /// Whether reading can stop: the response is an alert, HRR, SSLv2 hello or garbage, a TLS 1.3 ServerHello, or a
    /// TLS ≤ 1.2 flight up to ServerHelloDone.
    public var isComplete: Bool
    /// The DER chain from a TLS ≤ 1.2 Certificate message, leaf first.
    public var certificates: [[UInt8]]?
    /// The raw ServerKeyExchange body (decode with `ServerKeyExchange.parse` once the suite's kind is known).
    public var serverKeyExchange: [UInt8]?
    /// The raw CertificateStatus body (a stapled OCSP response), if sent.
    public var certificateStatus: [UInt8]?
    /// Handshake types seen in order, for diagnostics.
    public var handshakeTypes: [UInt8]
    /// A parse problem after a valid response (e.g. a malformed Certificate message), kept as a scan note.
    public var note: TLSParseError?

    /// Most bytes a first flight may take before it is treated as garbage (a 100-certificate chain fits).
    public static let defaultMaximumBytes = 1 << 20

    /// Parses everything received so far. Call again with more bytes while `isComplete` is false; stop reading once
    /// it is true or `bytes.count` exceeds `maximumBytes` (the result is then complete with `.garbage`).
    public static func parse(_ bytes: [UInt8], maximumBytes: Int = defaultMaximumBytes) -> ServerFlight {
        var flight = ServerFlight(response: nil, isComplete: false, handshakeTypes: [])
        guard let first = bytes.first else { return flight }
        if bytes.count > maximumBytes {
            return flight.finished(.garbage("first flight exceeds \(maximumBytes) bytes"))
        }
        if TLSContentType(rawValue: first) == nil {
            return parseNonTLS(bytes, flight)
        }
        let records: [TLSRecord]
        do {
            records = try TLSRecord.parseAll(bytes).records
        } catch {
            return flight.finished(.garbage("record layer: \(error)"))
        }
        var handshakeStream: [UInt8] = []
        for record in records {
            switch record.contentType {
            case .handshake:
                handshakeStream += record.fragment
            case .alert where flight.response == nil && handshakeStream.isEmpty:
                do {
                    return flight.finished(.alert(try TLSAlert.parse(record.fragment)))
                } catch {
                    return flight.finished(.garbage("alert: \(error)"))
                }
            case .alert:
                if let alert = try? TLSAlert.parse(record.fragment) {
                    flight.note = TLSParseError(.invalidValue, "alert after ServerHello: \(alert)", offset: 0)
                }
                flight.isComplete = true
            case .changeCipherSpec, .applicationData:
                if handshakeStream.isEmpty { return flight.finished(.garbage("\(record.contentType) before hello")) }
            case .heartbeat:
                return flight.finished(.garbage("heartbeat record before hello"))
            }
            if flight.isComplete { break }
        }
        return flight.readingHandshake(handshakeStream)
    }

    private func finished(_ response: ServerResponse) -> ServerFlight {
        var copy = self
        copy.response = response
        copy.isComplete = true
        return copy
    }

    private static func parseNonTLS(_ bytes: [UInt8], _ flight: ServerFlight) -> ServerFlight {
        if let (headerLength, length) = SSLv2ServerHello.header(bytes), bytes.count > headerLength,
            bytes[headerLength] == 4
        {
            guard bytes.count >= headerLength + length else { return flight }
            do {
                return flight.finished(.sslv2ServerHello(try SSLv2ServerHello.parse(bytes)))
            } catch {
                return flight.finished(.garbage("SSLv2: \(error)"))
            }
        }
        if bytes.starts(with: Array("HTTP/".utf8)) { return flight.finished(.garbage("plaintext HTTP response")) }
        let hex = bytes.prefix(8).map { String($0, radix: 16) }.joined(separator: " ")
        return flight.finished(.garbage("not a TLS record (starts \(hex))"))
    }

    private func readingHandshake(_ stream: [UInt8]) -> ServerFlight {
        var flight = self
        guard !stream.isEmpty else { return flight }
        let messages: [HandshakeMessage]
        do {
            messages = try HandshakeMessage.parseAll(stream).messages
        } catch {
            return flight.finished(.garbage("handshake: \(error)"))
        }
        guard let hello = messages.first else { return flight }
        guard hello.type == HandshakeMessage.Kind.serverHello else {
            return flight.finished(.garbage("first handshake message has type \(hello.type), not server_hello"))
        }
        let serverHello: ServerHello
        do {
            serverHello = try ServerHello.parse(hello.body)
        } catch {
            return flight.finished(.garbage("ServerHello: \(error)"))
        }
        flight.handshakeTypes = messages.map(\.type)
        if serverHello.isHelloRetryRequest { return flight.finished(.helloRetryRequest(serverHello)) }
        flight.response = .serverHello(serverHello)
        if serverHello.negotiatedVersion >= .tls13 {
            flight.isComplete = true
            return flight
        }
        for message in messages.dropFirst() {
            switch message.type {
            case HandshakeMessage.Kind.certificate:
                do {
                    flight.certificates = try CertificateMessage.parse(message.body)
                } catch {
                    flight.note = error
                }
            case HandshakeMessage.Kind.serverKeyExchange: flight.serverKeyExchange = message.body
            case HandshakeMessage.Kind.certificateStatus: flight.certificateStatus = message.body
            case HandshakeMessage.Kind.serverHelloDone: flight.isComplete = true
            default: break
            }
        }
        return flight
    }
}
