/// TLS record content types (RFC 8446 §5.1).
public enum TLSContentType: UInt8, Sendable, Hashable {
    /// change_cipher_spec (20).
    case changeCipherSpec = 20
    /// alert (21).
    case alert = 21
    /// handshake (22).
    case handshake = 22
    /// application_data (23).
    case applicationData = 23
    /// heartbeat (24, RFC 6520).
    case heartbeat = 24
}

/// One TLS record: content type, version and fragment (RFC 5246 §6.2.1, RFC 8446 §5.1).
public struct TLSRecord: Sendable, Hashable {
    /// Largest fragment accepted: 2^14 plus the 2048 bytes of expansion TLS 1.2 allows for ciphertext.
    public static let maximumFragment = (1 << 14) + 2048

    /// The content type.
    public var contentType: TLSContentType
    /// The record-layer version.
    public var version: TLSVersion
    /// The fragment bytes.
    public var fragment: [UInt8]

    /// Creates a record.
    public init(contentType: TLSContentType, version: TLSVersion, fragment: [UInt8]) {
        self.contentType = contentType
        self.version = version
        self.fragment = fragment
    }

    /// Parses as many complete records as `bytes` holds and returns them with the number of bytes consumed; a
    /// trailing partial record is left unconsumed. Throws for an unknown content type, a version whose major byte is
    /// not 3, or a length above `maximumFragment`.
    public static func parseAll(_ bytes: [UInt8]) throws(TLSParseError) -> (records: [TLSRecord], consumed: Int) {
        var records: [TLSRecord] = []
        var offset = 0
        while bytes.count - offset >= 5 {
            guard let type = TLSContentType(rawValue: bytes[offset]) else {
                throw TLSParseError(.notTLS, "TLSRecord.type", offset: offset)
            }
            guard bytes[offset + 1] == 3 else {
                throw TLSParseError(.invalidValue, "TLSRecord.version", offset: offset + 1)
            }
            let version = TLSVersion(rawValue: UInt16(bytes[offset + 1]) << 8 | UInt16(bytes[offset + 2]))
            let length = Int(bytes[offset + 3]) << 8 | Int(bytes[offset + 4])
            guard length <= maximumFragment else {
                throw TLSParseError(.oversized, "TLSRecord.length", offset: offset + 3)
            }
            guard bytes.count - offset - 5 >= length else { break }
            records.append(
                TLSRecord(
                    contentType: type,
                    version: version,
                    fragment: Array(bytes[offset + 5..<offset + 5 + length])
                )
            )
            offset += 5 + length
        }
        return (records, offset)
    }
}

/// One handshake message (RFC 8446 §4): type and body, reassembled across records.
public struct HandshakeMessage: Sendable, Hashable {
    /// Handshake types the prober reads.
    public enum Kind {
        /// server_hello (2); also HelloRetryRequest.
        public static let serverHello: UInt8 = 2
        /// certificate (11).
        public static let certificate: UInt8 = 11
        /// server_key_exchange (12).
        public static let serverKeyExchange: UInt8 = 12
        /// certificate_request (13).
        public static let certificateRequest: UInt8 = 13
        /// server_hello_done (14).
        public static let serverHelloDone: UInt8 = 14
        /// certificate_status (22, RFC 6066 §8).
        public static let certificateStatus: UInt8 = 22
    }

    /// The handshake type byte.
    public var type: UInt8
    /// The message body (without the 4-byte header).
    public var body: [UInt8]

    /// Creates a message.
    public init(type: UInt8, body: [UInt8]) {
        self.type = type
        self.body = body
    }

    /// Splits a concatenation of handshake-record fragments into messages; a trailing partial message is left out and
    /// reported by `complete == false`. Messages longer than `maximumLength` throw.
    public static func parseAll(
        _ stream: [UInt8],
        maximumLength: Int = 1 << 20
    ) throws(TLSParseError) -> (messages: [HandshakeMessage], complete: Bool) {
        var messages: [HandshakeMessage] = []
        var offset = 0
        while stream.count - offset >= 4 {
            let length = Int(stream[offset + 1]) << 16 | Int(stream[offset + 2]) << 8 | Int(stream[offset + 3])
            guard length <= maximumLength else {
                throw TLSParseError(.oversized, "Handshake.length", offset: offset + 1)
            }
            guard stream.count - offset - 4 >= length else { return (messages, false) }
            messages.append(
                HandshakeMessage(type: stream[offset], body: Array(stream[offset + 4..<offset + 4 + length]))
            )
            offset += 4 + length
        }
        return (messages, offset == stream.count)
    }
}
