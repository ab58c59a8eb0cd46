/// A valid gzip member that inflates to just over 1 GiB of zero bytes from about 1 MiB on the wire.
///
/// Built by hand, without zlib: one dynamic-Huffman deflate block whose literal/length code gives the
/// length-258 symbol a 1-bit code and whose distance code gives distance 1 a 1-bit code, so each 258 output
/// bytes cost 2 input bits (a ratio of about 1000:1). The header and CRC-32/ISIZE trailer are correct, so a
/// decoder that reads to the end sees a valid stream.
enum GzipBomb {
    /// How many length-258/distance-1 matches follow the single literal.
    static let matchCount = 4_161_791
    /// The inflated size: one literal byte plus the matches (1 GiB + 255 bytes).
    static let inflatedSize = 1 + 258 * matchCount

    /// The compressed gzip bytes, built once per process.
    static let compressed: [UInt8] = make()

    private static func make() -> [UInt8] {
        var bytes: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
        var writer = DeflateBitWriter()
        writer.reserve(matchCount / 4 + 64)
        writer.writeBits(1, count: 1)  // BFINAL
        writer.writeBits(2, count: 2)  // BTYPE = dynamic Huffman
        writer.writeBits(286 - 257, count: 5)  // HLIT: literal/length codes 0...285
        writer.writeBits(2 - 1, count: 5)  // HDIST: distance codes 0 and 1
        writer.writeBits(18 - 4, count: 4)  // HCLEN: code-length codes up to symbol 1 in the RFC 1951 order
        // Code-length code lengths in the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1:
        // symbol 18 gets 1 bit ("0"), symbols 1 and 2 get 2 bits ("10", "11").
        for length in [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2] {
            writer.writeBits(UInt32(length), count: 3)
        }
        let lengthOne = (code: UInt32(0b10), bits: 2)
        let lengthTwo = (code: UInt32(0b11), bits: 2)
        func zeroRun(_ run: Int, into writer: inout DeflateBitWriter) {
            writer.writeCode(0, length: 1)  // symbol 18: repeat a zero length 11...138 times
            writer.writeBits(UInt32(run - 11), count: 7)
        }
        // Literal/length code lengths: 0 -> 2, 1...255 -> 0, 256 -> 2, 257...284 -> 0, 285 -> 1.
        writer.writeCode(lengthTwo.code, length: lengthTwo.bits)
        zeroRun(138, into: &writer)
        zeroRun(117, into: &writer)
        writer.writeCode(lengthTwo.code, length: lengthTwo.bits)
        zeroRun(28, into: &writer)
        writer.writeCode(lengthOne.code, length: lengthOne.bits)
        // Distance code lengths: 0 -> 1, 1 -> 1.
        writer.writeCode(lengthOne.code, length: lengthOne.bits)
        writer.writeCode(lengthOne.code, length: lengthOne.bits)
        // Canonical codes: 285 -> "0", literal 0 -> "10", end of block 256 -> "11"; distance 0 -> "0".
        writer.writeCode(0b10, length: 2)  // the literal zero byte
        writer.writeZeroBits(2 * matchCount)  // each match: length 258 ("0") at distance 1 ("0")
        writer.writeCode(0b11, length: 2)  // end of block
        bytes += writer.finish()
        appendLittleEndian(CRC32.crcOfZeros(count: inflatedSize), to: &bytes)
        appendLittleEndian(UInt32(truncatingIfNeeded: inflatedSize), to: &bytes)
        return bytes
    }

    private static func appendLittleEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }
}

/// Packs bits into bytes least-significant bit first, as deflate (RFC 1951) requires.
struct DeflateBitWriter {
    private(set) var bytes: [UInt8] = []
    private var pending: UInt32 = 0
    private var pendingCount = 0

    /// Reserves room for about `capacity` bytes.
    mutating func reserve(_ capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Writes the low `count` bits of `value`, least significant first (header fields, extra bits).
    mutating func writeBits(_ value: UInt32, count: Int) {
        for index in 0..<count {
            pending |= ((value >> UInt32(index)) & 1) << UInt32(pendingCount)
            pendingCount += 1
            if pendingCount == 8 {
                bytes.append(UInt8(pending))
                pending = 0
                pendingCount = 0
            }
        }
    }

    /// Writes a Huffman code of `length` bits, most significant bit first.
    mutating func writeCode(_ code: UInt32, length: Int) {
        for index in stride(from: length - 1, through: 0, by: -1) {
            writeBits((code >> UInt32(index)) & 1, count: 1)
        }
    }

    /// Writes `count` zero bits quickly, whole bytes at a time.
    mutating func writeZeroBits(_ count: Int) {
        let toAlign = min(count, (8 - pendingCount) % 8)
        writeBits(0, count: toAlign)
        let rest = count - toAlign
        bytes.append(contentsOf: repeatElement(0, count: rest / 8))
        writeBits(0, count: rest % 8)
    }

    /// Pads the last byte with zero bits and returns everything written.
    mutating func finish() -> [UInt8] {
        if pendingCount > 0 {
            bytes.append(UInt8(pending))
            pending = 0
            pendingCount = 0
        }
        return bytes
    }
}
