/// Bounded big-endian reader over a byte buffer; every read checks the remaining length and throws on shortfall.
struct ByteReader {
    private let bytes: [UInt8]
    private(set) var offset: Int
    private let end: Int
    let context: String

    init(_ bytes: [UInt8], context: String) {
        self.init(bytes, from: 0, to: bytes.count, context: context)
    }

    private init(_ bytes: [UInt8], from: Int, to: Int, context: String) {
        self.bytes = bytes
        self.offset = from
        self.end = to
        self.context = context
    }

    var remaining: Int { end - offset }
    var isAtEnd: Bool { offset >= end }

    func error(_ kind: TLSParseError.Kind, _ field: String) -> TLSParseError {
        TLSParseError(kind, "\(context).\(field)", offset: offset)
    }

    mutating func u8(_ field: String) throws(TLSParseError) -> UInt8 {
        guard remaining >= 1 else { throw error(.truncated, field) }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func u16(_ field: String) throws(TLSParseError) -> UInt16 {
        guard remaining >= 2 else { throw error(.truncated, field) }
        defer { offset += 2 }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    mutating func u24(_ field: String) throws(TLSParseError) -> Int {
        guard remaining >= 3 else { throw error(.truncated, field) }
        defer { offset += 3 }
        return Int(bytes[offset]) << 16 | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2])
    }

    mutating func bytes(_ count: Int, _ field: String) throws(TLSParseError) -> [UInt8] {
        guard count >= 0, remaining >= count else { throw error(.truncated, field) }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// Reads a vector whose length prefix is `prefixBytes` wide (1, 2 or 3) and returns a reader over its body.
    mutating func vector(_ prefixBytes: Int, _ field: String) throws(TLSParseError) -> ByteReader {
        let length: Int
        switch prefixBytes {
        case 1: length = Int(try u8(field))
        case 2: length = Int(try u16(field))
        default: length = try u24(field)
        }
        guard remaining >= length else { throw error(.truncated, field) }
        let sub = ByteReader(bytes, from: offset, to: offset + length, context: "\(context).\(field)")
        offset += length
        return sub
    }

    func expectEnd(_ field: String) throws(TLSParseError) {
        guard isAtEnd else { throw error(.trailingBytes, field) }
    }

    mutating func rest() -> [UInt8] {
        defer { offset = end }
        return Array(bytes[offset..<end])
    }
}
