/// CRC-32 (IEEE 802.3, as used by gzip), table-driven, plus a fast CRC of long runs of zero bytes.
///
/// The gzip bomb's trailer needs the CRC of about a gibibyte of zeros; walking that many bytes would take
/// seconds, so ``crcOfZeros(count:)`` raises the one-zero-byte step (a linear map over GF(2)) to the n-th
/// power by repeated squaring instead.
enum CRC32 {
    /// The 256-entry lookup table for the reflected polynomial 0xEDB88320.
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1
        }
        return value
    }

    /// The CRC-32 of `bytes`.
    static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// The CRC-32 of `count` zero bytes, in O(log count) time.
    static func crcOfZeros(count: Int) -> UInt32 {
        precondition(count >= 0, "a byte count is never negative")
        // Column i of the matrix is the register after feeding one zero byte to a register holding only bit i.
        var power: [UInt32] = (0..<32).map { bit in
            let register = UInt32(1) << UInt32(bit)
            return table[Int(register & 0xFF)] ^ (register >> 8)
        }
        var register: UInt32 = 0xFFFF_FFFF
        var remaining = count
        while remaining > 0 {
            if remaining & 1 == 1 {
                register = apply(power, to: register)
            }
            power = power.map { apply(power, to: $0) }
            remaining >>= 1
        }
        return register ^ 0xFFFF_FFFF
    }

    private static func apply(_ matrix: [UInt32], to vector: UInt32) -> UInt32 {
        var result: UInt32 = 0
        var bits = vector
        var column = 0
        while bits != 0 {
            if bits & 1 == 1 {
                result ^= matrix[column]
            }
            bits >>= 1
            column += 1
        }
        return result
    }
}
