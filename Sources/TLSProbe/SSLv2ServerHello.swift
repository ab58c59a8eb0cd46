/// An SSLv2 SERVER-HELLO: proof that the server speaks SSL 2.0, with the cipher kinds and certificate it offers.
public struct SSLv2ServerHello: Sendable, Hashable {
    /// The server_version field (0x0002 for SSLv2).
    public var version: TLSVersion
    /// Whether the session id was found in the server's cache.
    public var sessionIDHit: Bool
    /// The 3-byte cipher kinds the server supports.
    public var cipherKinds: [UInt32]
    /// The server's certificate (DER), possibly empty.
    public var certificate: [UInt8]

    /// Parses a complete SSLv2 record (2- or 3-byte header, then a SERVER-HELLO, message type 4).
    public static func parse(_ record: [UInt8]) throws(TLSParseError) -> SSLv2ServerHello {
        guard let (headerLength, length) = header(record) else {
            throw TLSParseError(.notTLS, "SSLv2.header", offset: 0)
        }
        guard record.count >= headerLength + length else { throw TLSParseError(.truncated, "SSLv2.record", offset: 0) }
        var reader = ByteReader(Array(record[headerLength..<headerLength + length]), context: "SSLv2ServerHello")
        guard try reader.u8("msg_type") == 4 else { throw reader.error(.invalidValue, "msg_type") }
        let hit = try reader.u8("session_id_hit") != 0
        _ = try reader.u8("certificate_type")
        let version = TLSVersion(rawValue: try reader.u16("server_version"))
        let certificateLength = Int(try reader.u16("certificate_length"))
        let specsLength = Int(try reader.u16("cipher_specs_length"))
        let connectionIDLength = Int(try reader.u16("connection_id_length"))
        guard specsLength % 3 == 0 else { throw reader.error(.invalidValue, "cipher_specs_length") }
        let certificate = try reader.bytes(certificateLength, "certificate")
        var kinds: [UInt32] = []
        for _ in 0..<specsLength / 3 {
            let high = UInt32(try reader.u8("cipher_spec"))
            kinds.append(high << 16 | UInt32(try reader.u16("cipher_spec")))
        }
        _ = try reader.bytes(connectionIDLength, "connection_id")
        return SSLv2ServerHello(version: version, sessionIDHit: hit, cipherKinds: kinds, certificate: certificate)
    }

    /// Header size and body length of an SSLv2 record, or nil if the first bytes cannot start one.
    static func header(_ bytes: [UInt8]) -> (headerLength: Int, length: Int)? {
        guard bytes.count >= 2 else { return nil }
        if bytes[0] & 0x80 != 0 { return (2, Int(bytes[0] & 0x7F) << 8 | Int(bytes[1])) }
        guard bytes.count >= 3, bytes[0] & 0x40 == 0 else { return nil }
        return (3, Int(bytes[0] & 0x3F) << 8 | Int(bytes[1]))
    }
}
