/// An SSLv2-format CLIENT-HELLO (draft-hickman-netscape-ssl-00 §"Client Only Protocol Messages", RFC 5246 Appendix
/// E.2), used to detect SSLv2 servers and SSLv2-hello tolerance.
public enum SSLv2ClientHello {
    /// The seven SSLv2 cipher kinds (3-byte codes): RC4-MD5, EXP-RC4-MD5, RC2-CBC-MD5, EXP-RC2-CBC-MD5,
    /// IDEA-CBC-MD5, DES-CBC-MD5, DES-CBC3-MD5.
    public static let allCipherKinds: [UInt32] = [
        0x01_0080, 0x02_0080, 0x03_0080, 0x04_0080, 0x05_0080, 0x06_0040, 0x07_00C0,
    ]

    /// The record bytes: 2-byte header with the high bit set, then message type 1, version, the three lengths,
    /// the cipher specs, an empty session id and the challenge (16–32 bytes; shorter is zero-padded).
    ///
    /// `version` is `.ssl2` to detect SSLv2, or a TLS version for the backwards-compatible hello of RFC 5246 E.2
    /// (then `cipherKinds` may include TLS suites as `0x00XXXX`).
    public static func record(
        challenge: [UInt8],
        cipherKinds: [UInt32] = allCipherKinds,
        version: TLSVersion = .ssl2
    ) -> [UInt8] {
        var padded = Array(challenge.prefix(32))
        if padded.count < 16 { padded += [UInt8](repeating: 0, count: 16 - padded.count) }
        var body = ByteWriter()
        body.u8(1)  // SSL2_MT_CLIENT_HELLO
        body.u16(version.rawValue)
        body.u16(UInt16(cipherKinds.count * 3))
        body.u16(0)  // session id length
        body.u16(UInt16(padded.count))
        for kind in cipherKinds {
            body.u8(UInt8((kind >> 16) & 0xFF))
            body.u16(UInt16(kind & 0xFFFF))
        }
        body.append(padded)
        var writer = ByteWriter()
        writer.u16(0x8000 | UInt16(body.bytes.count))
        writer.append(body.bytes)
        return writer.bytes
    }
}
