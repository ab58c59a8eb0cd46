import Foundation

/// The near-duplicate hash of a page body (the normalisation is described on ``TrapGuard``).
enum ContentFingerprint {
    /// Runs this long or longer that contain a digit are dropped as tokens.
    static let tokenLength = 16

    /// The hash of the normalised body, or `nil` when nothing is left after normalisation.
    static func hash(_ body: Data) -> UInt64? {
        body.withUnsafeBytes { raw -> UInt64? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var hash = StableHash.offsetBasis
            var hashedAny = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if isWordByte(byte) {
                    var end = index
                    var hasDigit = false
                    while end < bytes.count && isWordByte(bytes[end]) {
                        hasDigit = hasDigit || ASCII.isDigit(bytes[end])
                        end += 1
                    }
                    if !(hasDigit && end - index >= tokenLength) {
                        for position in index..<end {
                            hash = (hash ^ UInt64(bytes[position])) &* StableHash.prime
                            hashedAny = true
                        }
                    }
                    index = end
                    continue
                }
                if !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C) {
                    hash = (hash ^ UInt64(byte)) &* StableHash.prime
                    hashedAny = true
                }
                index += 1
            }
            return hashedAny ? hash : nil
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        ASCII.isLetter(byte) || ASCII.isDigit(byte) || byte == 0x5F || byte == 0x2D || byte == 0x2B || byte == 0x2F
            || byte == 0x3D
    }
}
