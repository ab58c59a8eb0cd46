/// Hand-building helpers for test vectors, written independently of the module's own writer.
enum Bytes {
    /// Parses "16 03 01 …" (spaces and newlines ignored) into bytes.
    static func hex(_ text: String) -> [UInt8] {
        let digits = text.filter(\.isHexDigit)
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            bytes.append(UInt8(digits[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }

    /// `body` prefixed by its length in `width` bytes.
    static func prefixed(_ width: Int, _ body: [UInt8]) -> [UInt8] {
        (0..<width).reversed().map { UInt8((body.count >> (8 * $0)) & 0xFF) } + body
    }

    /// A TLS record of `type` carrying `fragment`.
    static func record(_ type: UInt8, _ fragment: [UInt8], version: UInt16 = 0x0303) -> [UInt8] {
        [type, UInt8(version >> 8), UInt8(version & 0xFF)] + prefixed(2, fragment)
    }

    /// A handshake message of `type`.
    static func handshake(_ type: UInt8, _ body: [UInt8]) -> [UInt8] { [type] + prefixed(3, body) }

    /// One extension.
    static func ext(_ type: UInt16, _ data: [UInt8]) -> [UInt8] {
        [UInt8(type >> 8), UInt8(type & 0xFF)] + prefixed(2, data)
    }

    /// A ServerHello body.
    static func serverHello(
        version: UInt16 = 0x0303,
        random: [UInt8] = [UInt8](repeating: 0x11, count: 32),
        sessionID: [UInt8] = [],
        suite: UInt16,
        compression: UInt8 = 0,
        extensions: [[UInt8]]? = []
    ) -> [UInt8] {
        var body: [UInt8] = [UInt8(version >> 8), UInt8(version & 0xFF)] + random + prefixed(1, sessionID)
        body += [UInt8(suite >> 8), UInt8(suite & 0xFF), compression]
        if let extensions { body += prefixed(2, extensions.flatMap { $0 }) }
        return body
    }
}

/// Deterministic SplitMix64 generator so fuzz failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
