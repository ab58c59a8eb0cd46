/// The TLS ≤ 1.2 Certificate message (RFC 5246 §7.4.2): the server's chain as DER blobs, sent in clear.
public enum CertificateMessage {
    /// Parses the body into DER certificates, leaf first; throws on framing errors or more than `maximumCount`.
    public static func parse(_ body: [UInt8], maximumCount: Int = 200) throws(TLSParseError) -> [[UInt8]] {
        var reader = ByteReader(body, context: "Certificate")
        var list = try reader.vector(3, "certificate_list")
        try reader.expectEnd("certificate_list")
        var certificates: [[UInt8]] = []
        while !list.isAtEnd {
            guard certificates.count < maximumCount else { throw list.error(.oversized, "certificate_list") }
            var entry = try list.vector(3, "ASN.1Cert")
            guard entry.remaining > 0 else { throw list.error(.invalidValue, "ASN.1Cert") }
            certificates.append(entry.rest())
        }
        return certificates
    }
}
