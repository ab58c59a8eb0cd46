/// Wraps bytes in a valid gzip member (RFC 1952) whose deflate stream uses only stored (uncompressed) blocks.
///
/// The demo sites need real `.gz` files (a gzip-compressed sitemap) but no compression ratio, so stored
/// blocks of at most 65,535 bytes each, the CRC-32 and the length trailer are all it takes; any gzip reader
/// (`gzip -dc`, zlib, CompressNIO) inflates the result back to the input.
enum StoredGzip {
    /// The largest payload of one stored deflate block.
    static let maxBlockBytes = 65_535

    /// The gzip member holding `bytes`.
    static func wrap(_ bytes: [UInt8]) -> [UInt8] {
        // Magic, deflate, no flags, no mtime, no extra flags, OS unknown.
        var output: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
        output.reserveCapacity(bytes.count + bytes.count / maxBlockBytes * 5 + 32)
        var start = 0
        repeat {
            let end = min(start + maxBlockBytes, bytes.count)
            let length = end - start
            // One header byte: BFINAL in bit 0, BTYPE 00 (stored); the rest of the byte is padding.
            output.append(end == bytes.count ? 0x01 : 0x00)
            appendLittleEndian(UInt32(length), byteCount: 2, to: &output)
            appendLittleEndian(UInt32(length) ^ 0xFFFF, byteCount: 2, to: &output)
            output.append(contentsOf: bytes[start..<end])
            start = end
        } while start < bytes.count
        appendLittleEndian(CRC32.checksum(bytes), byteCount: 4, to: &output)
        appendLittleEndian(UInt32(truncatingIfNeeded: bytes.count), byteCount: 4, to: &output)
        return output
    }

    private static func appendLittleEndian(_ value: UInt32, byteCount: Int, to bytes: inout [UInt8]) {
        for index in 0..<byteCount {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(index * 8)))
        }
    }
}
