/// A 64-bit FNV-1a hash: stable across processes and runs, unlike Swift's per-process-seeded `Hasher`.
///
/// The crawler keeps only these hashes for URLs and page contents, so a run is deterministic and memory stays
/// at eight bytes per remembered item.
enum StableHash {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of `bytes`, never zero (zero marks an empty slot in ``CompactURLSet``).
    static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = offsetBasis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= prime
        }
        return hash == 0 ? 1 : hash
    }

    /// The hash of a string's UTF-8 bytes.
    static func fnv1a(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { fnv1a($0) }
    }

    /// Spreads a hash's bits (the SplitMix64 finaliser) so the low bits index a table evenly.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
