/// What a TLS ≤ 1.2 ServerKeyExchange reveals about the key exchange strength (RFC 8422 §5.4, RFC 5246 §7.4.3).
public enum ServerKeyExchange: Sendable, Hashable {
    /// ECDHE with a named curve (code point from the supported groups registry).
    case namedCurve(UInt16)
    /// Finite-field DHE with a prime of this many bits.
    case finiteField(primeBits: Int)

    /// Parses the start of the body; `isECDHE` comes from the chosen suite's key exchange (ECDHE vs DHE).
    public static func parse(_ body: [UInt8], isECDHE: Bool) throws(TLSParseError) -> ServerKeyExchange {
        var reader = ByteReader(body, context: "ServerKeyExchange")
        if isECDHE {
            let curveType = try reader.u8("curve_type")
            guard curveType == 3 else { throw reader.error(.invalidValue, "curve_type") }
            return .namedCurve(try reader.u16("namedcurve"))
        }
        var prime = try reader.vector(2, "dh_p")
        let bytes = prime.rest().drop { $0 == 0 }
        guard let first = bytes.first else { throw reader.error(.invalidValue, "dh_p") }
        return .finiteField(primeBits: (bytes.count - 1) * 8 + (8 - first.leadingZeroBitCount))
    }
}
