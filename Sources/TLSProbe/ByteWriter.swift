/// Big-endian writer with length-prefixed vectors, used to build handshake messages byte by byte.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(value & 0xFF))
    }

    mutating func u24(_ value: Int) {
        bytes.append(UInt8((value >> 16) & 0xFF))
        bytes.append(UInt8((value >> 8) & 0xFF))
        bytes.append(UInt8(value & 0xFF))
    }

    mutating func append(_ more: [UInt8]) { bytes.append(contentsOf: more) }

    /// Writes the body built by `build` preceded by its length in `prefixBytes` bytes (1, 2 or 3).
    mutating func vector(_ prefixBytes: Int, _ build: (inout ByteWriter) -> Void) {
        var body = ByteWriter()
        build(&body)
        switch prefixBytes {
        case 1: u8(UInt8(truncatingIfNeeded: body.bytes.count))
        case 2: u16(UInt16(truncatingIfNeeded: body.bytes.count))
        default: u24(body.bytes.count)
        }
        append(body.bytes)
    }
}
