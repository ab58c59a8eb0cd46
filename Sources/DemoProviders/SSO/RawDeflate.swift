/// Raw DEFLATE (RFC 1951, no zlib or gzip framing) made of stored blocks only, as the SAML HTTP-Redirect
/// binding carries `SAMLRequest`.
///
/// Stored blocks are valid DEFLATE that every inflater accepts; the demo needs a correct encoding, not a
/// compression ratio, so this avoids a zlib dependency.
enum RawDeflate {
    /// The largest payload of one stored block.
    static let maxBlockBytes = 65_535

    /// `bytes` as a raw DEFLATE stream: BFINAL/BTYPE=00 headers, then LEN and NLEN little-endian, then data.
    static func stored(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + (bytes.count / maxBlockBytes + 1) * 5)
        var start = 0
        repeat {
            let end = min(start + maxBlockBytes, bytes.count)
            let length = UInt16(end - start)
            output.append(end == bytes.count ? 0x01 : 0x00)
            output += [UInt8(length & 0xFF), UInt8(length >> 8)]
            let inverted = ~length
            output += [UInt8(inverted & 0xFF), UInt8(inverted >> 8)]
            output += bytes[start..<end]
            start = end
        } while start < bytes.count
        return output
    }
}
