import SwiftASN1

/// The type and strength of a certificate's public key, read from its `SubjectPublicKeyInfo`.
struct PublicKeyFacts: Sendable, Hashable {
    /// "RSA", "RSA-PSS", "EC", "Ed25519", "Ed448", "DSA" or the algorithm OID.
    var type: String
    /// Key size in bits (RSA/DSA modulus, EC field size).
    var bits: Int
    /// The named curve for EC keys ("P-256", "secp224r1", …).
    var curve: String?

    /// Decodes `spki` (`SEQUENCE { AlgorithmIdentifier, BIT STRING }`).
    init(spki: ASN1Node) throws {
        var algorithm = OIDs.rsaEncryption
        var parameter: ASN1Node?
        var keyBits = ASN1BitString(bytes: [])
        try DER.sequence(spki, identifier: .sequence) { nodes in
            try DER.sequence(ParsedCertificate.next(&nodes), identifier: .sequence) { inner in
                algorithm = try ASN1ObjectIdentifier(derEncoded: &inner)
                parameter = inner.next()
                while inner.next() != nil {}
            }
            keyBits = try ASN1BitString(derEncoded: &nodes)
        }
        switch algorithm {
        case OIDs.rsaEncryption, OIDs.rsassaPSS:
            type = algorithm == OIDs.rsaEncryption ? "RSA" : "RSA-PSS"
            bits = try Self.rsaModulusBits(keyBits.bytes)
        case OIDs.ecPublicKey:
            type = "EC"
            let curveOID = try parameter.flatMap { node -> ASN1ObjectIdentifier? in
                node.identifier == .objectIdentifier ? try ASN1ObjectIdentifier(derEncoded: node) : nil
            }
            if let curveOID, let known = ObjectIdentifierNames.curves[curveOID] {
                curve = known.name
                bits = known.bits
            } else {
                curve = curveOID.map { String(describing: $0) } ?? "explicit parameters"
                // Uncompressed point: 0x04 || X || Y.
                bits = max(0, (keyBits.bytes.count - 1) / 2) * 8
            }
        case OIDs.ed25519:
            type = "Ed25519"
            bits = 256
        case OIDs.ed448:
            type = "Ed448"
            bits = 456
        case OIDs.dsa:
            type = "DSA"
            bits = parameter.flatMap { try? Self.dsaPrimeBits($0) } ?? 0
        default:
            type = String(describing: algorithm)
            bits = 0
        }
    }

    /// Bit length of the modulus in an `RSAPublicKey`.
    private static func rsaModulusBits(_ bytes: ArraySlice<UInt8>) throws -> Int {
        let node = try DER.parse(bytes)
        return try DER.sequence(node, identifier: .sequence) { nodes in
            let modulus = try ArraySlice<UInt8>(derEncoded: &nodes)
            while nodes.next() != nil {}
            return significantBits(modulus)
        }
    }

    /// Bit length of `p` in DSA `Dss-Parms ::= SEQUENCE { p, q, g }`.
    private static func dsaPrimeBits(_ node: ASN1Node) throws -> Int {
        try DER.sequence(node, identifier: .sequence) { nodes in
            let prime = try ArraySlice<UInt8>(derEncoded: &nodes)
            while nodes.next() != nil {}
            return significantBits(prime)
        }
    }

    /// Number of significant bits in a big-endian unsigned integer.
    static func significantBits(_ bytes: ArraySlice<UInt8>) -> Int {
        guard let first = bytes.firstIndex(where: { $0 != 0 }) else { return 0 }
        return (bytes.endIndex - first - 1) * 8 + (8 - bytes[first].leadingZeroBitCount)
    }
}
