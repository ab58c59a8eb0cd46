/// A parsed ServerHello or HelloRetryRequest (RFC 5246 §7.4.1.3, RFC 8446 §4.1.3), with the extensions a prober
/// reads decoded and every extension kept raw.
public struct ServerHello: Sendable, Hashable {
    /// The fixed random that marks a HelloRetryRequest: SHA-256("HelloRetryRequest") (RFC 8446 §4.1.3).
    public static let helloRetryRequestRandom: [UInt8] = [
        0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11, 0xBE, 0x1D, 0x8C, 0x02, 0x1E, 0x65, 0xB8, 0x91,
        0xC2, 0xA2, 0x11, 0x16, 0x7A, 0xBB, 0x8C, 0x5E, 0x07, 0x9E, 0x09, 0xE2, 0xC8, 0xA8, 0x33, 0x9C,
    ]

    /// `legacy_version` / `server_version`.
    public var legacyVersion: TLSVersion
    /// The 32-byte server random.
    public var random: [UInt8]
    /// The echoed or new session id.
    public var sessionID: [UInt8]
    /// The chosen cipher suite.
    public var cipherSuite: UInt16
    /// The chosen compression method (0 = null, 1 = DEFLATE, which exposes CRIME).
    public var compressionMethod: UInt8
    /// Every extension in order: type and raw data. Empty when the server sent no extensions block.
    public var extensions: [TLSExtension]
    /// `supported_versions.selected_version`, present when TLS 1.3 (or later) was negotiated.
    public var selectedVersion: TLSVersion?
    /// The key_share group: the server's share in a ServerHello, the requested group in an HRR.
    public var keyShareGroup: UInt16?
    /// The protocol chosen by ALPN.
    public var alpnProtocol: String?
    /// `renegotiation_info.renegotiated_connection` (empty on an initial handshake) when the server supports RFC 5746.
    public var renegotiationInfo: [UInt8]?

    /// The version actually negotiated: `selectedVersion` if present, else `legacyVersion`.
    public var negotiatedVersion: TLSVersion { selectedVersion ?? legacyVersion }
    /// Whether this is a HelloRetryRequest (random equals `helloRetryRequestRandom`).
    public var isHelloRetryRequest: Bool { random == Self.helloRetryRequestRandom }
    /// Whether the extension of `type` was sent.
    public func hasExtension(_ type: UInt16) -> Bool { extensions.contains { $0.type == type } }
    /// Whether the server acknowledged extended_master_secret (RFC 7627).
    public var extendedMasterSecret: Bool { hasExtension(TLSExtensionType.extendedMasterSecret) }
    /// Whether the server acknowledged encrypt_then_mac (RFC 7366).
    public var encryptThenMAC: Bool { hasExtension(TLSExtensionType.encryptThenMAC) }
    /// Whether the server will send a new session ticket (RFC 5077; TLS ≤ 1.2).
    public var sessionTicket: Bool { hasExtension(TLSExtensionType.sessionTicket) }
    /// Whether the server will staple an OCSP response (TLS ≤ 1.2; in 1.3 it is in the encrypted Certificate).
    public var statusRequest: Bool { hasExtension(TLSExtensionType.statusRequest) }

    /// The TLS 1.3 downgrade sentinel in the last 8 random bytes (RFC 8446 §4.1.3): the version the server says it
    /// was forced down to (`.tls12` for "DOWNGRD\u{1}", `.tls11` for "DOWNGRD\0"), or nil.
    public var downgradeSentinel: TLSVersion? {
        guard random.count == 32, Array(random[24..<31]) == Array("DOWNGRD".utf8) else { return nil }
        switch random[31] {
        case 1: return .tls12
        case 0: return .tls11
        default: return nil
        }
    }

    /// Parses a ServerHello body (the handshake message without its 4-byte header).
    public static func parse(_ body: [UInt8]) throws(TLSParseError) -> ServerHello {
        var reader = ByteReader(body, context: "ServerHello")
        let version = TLSVersion(rawValue: try reader.u16("legacy_version"))
        let random = try reader.bytes(32, "random")
        var sessionReader = try reader.vector(1, "session_id")
        guard sessionReader.remaining <= 32 else { throw reader.error(.oversized, "session_id") }
        let sessionID = sessionReader.rest()
        let suite = try reader.u16("cipher_suite")
        let compression = try reader.u8("compression_method")
        var hello = ServerHello(
            legacyVersion: version,
            random: random,
            sessionID: sessionID,
            cipherSuite: suite,
            compressionMethod: compression,
            extensions: []
        )
        if !reader.isAtEnd {
            var list = try reader.vector(2, "extensions")
            try reader.expectEnd("extensions")
            while !list.isAtEnd {
                let type = try list.u16("extension_type")
                var data = try list.vector(2, "extension_data")
                guard !hello.hasExtension(type) else { throw list.error(.duplicateExtension, "\(type)") }
                let raw = data.rest()
                hello.extensions.append(TLSExtension(type: type, data: raw))
                try hello.decode(type: type, raw)
            }
        }
        return hello
    }

    private mutating func decode(type: UInt16, _ raw: [UInt8]) throws(TLSParseError) {
        var data = ByteReader(raw, context: "ServerHello.extension(\(type))")
        switch type {
        case TLSExtensionType.supportedVersions:
            selectedVersion = TLSVersion(rawValue: try data.u16("selected_version"))
            try data.expectEnd("selected_version")
        case TLSExtensionType.keyShare:
            keyShareGroup = try data.u16("group")
            if !isHelloRetryRequest {
                var key = try data.vector(2, "key_exchange")
                guard key.remaining > 0 else { throw data.error(.invalidValue, "key_exchange") }
                _ = key.rest()
            }
            try data.expectEnd("key_share")
        case TLSExtensionType.alpn:
            var list = try data.vector(2, "protocol_name_list")
            var name = try list.vector(1, "protocol_name")
            guard name.remaining > 0 else { throw list.error(.invalidValue, "protocol_name") }
            alpnProtocol = String(decoding: name.rest(), as: UTF8.self)
            try list.expectEnd("protocol_name_list")
            try data.expectEnd("alpn")
        case TLSExtensionType.renegotiationInfo:
            var connection = try data.vector(1, "renegotiated_connection")
            renegotiationInfo = connection.rest()
            try data.expectEnd("renegotiation_info")
        default:
            break
        }
    }

    /// Creates a value; parsing is the usual way to get one.
    public init(
        legacyVersion: TLSVersion,
        random: [UInt8],
        sessionID: [UInt8],
        cipherSuite: UInt16,
        compressionMethod: UInt8,
        extensions: [TLSExtension]
    ) {
        self.legacyVersion = legacyVersion
        self.random = random
        self.sessionID = sessionID
        self.cipherSuite = cipherSuite
        self.compressionMethod = compressionMethod
        self.extensions = extensions
    }
}

/// One extension as sent: type code point and raw data.
public struct TLSExtension: Sendable, Hashable {
    /// The extension type code point.
    public var type: UInt16
    /// The extension_data bytes.
    public var data: [UInt8]

    /// Creates an extension value.
    public init(type: UInt16, data: [UInt8]) {
        self.type = type
        self.data = data
    }
}
