import SwiftASN1
import X509

/// The object identifiers the analysis recognises.
enum OIDs {
    static let rsaEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 1]
    static let rsassaPSS: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 10]
    static let ecPublicKey: ASN1ObjectIdentifier = [1, 2, 840, 10_045, 2, 1]
    static let ed25519: ASN1ObjectIdentifier = [1, 3, 101, 112]
    static let ed448: ASN1ObjectIdentifier = [1, 3, 101, 113]
    static let dsa: ASN1ObjectIdentifier = [1, 2, 840, 10_040, 4, 1]
    static let ecdsaWithSHA1: ASN1ObjectIdentifier = [1, 2, 840, 10_045, 4, 1]
    /// TLS Feature (RFC 7633), carrying `status_request` for must-staple.
    static let tlsFeature: ASN1ObjectIdentifier = [1, 3, 6, 1, 5, 5, 7, 1, 24]
    /// Embedded SCT list (RFC 6962 §3.3).
    static let embeddedSCTList: ASN1ObjectIdentifier = [1, 3, 6, 1, 4, 1, 11_129, 2, 4, 2]
}

/// Readable names for signature algorithms and curves, and which signature hashes are broken.
enum ObjectIdentifierNames {
    /// A signature algorithm's OpenSSL-style name and whether its hash is broken (MD2, MD5, SHA-1).
    struct Signature {
        var name: String
        var weakHash: String?
    }

    /// A named curve and its size in bits.
    struct Curve {
        var name: String
        var bits: Int
    }

    /// Known signature algorithms by OID.
    static let signatures: [ASN1ObjectIdentifier: Signature] = [
        [1, 2, 840, 113_549, 1, 1, 2]: Signature(name: "md2WithRSAEncryption", weakHash: "MD2"),
        [1, 2, 840, 113_549, 1, 1, 3]: Signature(name: "md4WithRSAEncryption", weakHash: "MD4"),
        [1, 2, 840, 113_549, 1, 1, 4]: Signature(name: "md5WithRSAEncryption", weakHash: "MD5"),
        [1, 2, 840, 113_549, 1, 1, 5]: Signature(name: "sha1WithRSAEncryption", weakHash: "SHA-1"),
        [1, 3, 14, 3, 2, 29]: Signature(name: "sha1WithRSA", weakHash: "SHA-1"),
        [1, 2, 840, 113_549, 1, 1, 10]: Signature(name: "rsassaPss"),
        [1, 2, 840, 113_549, 1, 1, 11]: Signature(name: "sha256WithRSAEncryption"),
        [1, 2, 840, 113_549, 1, 1, 12]: Signature(name: "sha384WithRSAEncryption"),
        [1, 2, 840, 113_549, 1, 1, 13]: Signature(name: "sha512WithRSAEncryption"),
        [1, 2, 840, 113_549, 1, 1, 14]: Signature(name: "sha224WithRSAEncryption"),
        [1, 2, 840, 10_045, 4, 1]: Signature(name: "ecdsa-with-SHA1", weakHash: "SHA-1"),
        [1, 2, 840, 10_045, 4, 3, 1]: Signature(name: "ecdsa-with-SHA224"),
        [1, 2, 840, 10_045, 4, 3, 2]: Signature(name: "ecdsa-with-SHA256"),
        [1, 2, 840, 10_045, 4, 3, 3]: Signature(name: "ecdsa-with-SHA384"),
        [1, 2, 840, 10_045, 4, 3, 4]: Signature(name: "ecdsa-with-SHA512"),
        [1, 2, 840, 10_040, 4, 3]: Signature(name: "dsaWithSHA1", weakHash: "SHA-1"),
        [2, 16, 840, 1, 101, 3, 4, 3, 2]: Signature(name: "dsa_with_SHA256"),
        [1, 3, 101, 112]: Signature(name: "ED25519"),
        [1, 3, 101, 113]: Signature(name: "ED448"),
    ]

    /// Known named curves by OID.
    static let curves: [ASN1ObjectIdentifier: Curve] = [
        [1, 2, 840, 10_045, 3, 1, 1]: Curve(name: "P-192", bits: 192),
        [1, 3, 132, 0, 33]: Curve(name: "P-224", bits: 224),
        [1, 2, 840, 10_045, 3, 1, 7]: Curve(name: "P-256", bits: 256),
        [1, 3, 132, 0, 34]: Curve(name: "P-384", bits: 384),
        [1, 3, 132, 0, 35]: Curve(name: "P-521", bits: 521),
        [1, 3, 132, 0, 10]: Curve(name: "secp256k1", bits: 256),
        [1, 3, 36, 3, 3, 2, 8, 1, 1, 7]: Curve(name: "brainpoolP256r1", bits: 256),
        [1, 3, 36, 3, 3, 2, 8, 1, 1, 11]: Curve(name: "brainpoolP384r1", bits: 384),
        [1, 3, 36, 3, 3, 2, 8, 1, 1, 13]: Curve(name: "brainpoolP512r1", bits: 512),
    ]

    /// The signature algorithm's name, or its dotted OID when unknown.
    static func signatureName(_ oid: ASN1ObjectIdentifier) -> String {
        signatures[oid]?.name ?? String(describing: oid)
    }

    /// swift-certificates' model of a signature algorithm, when it can verify it.
    static func verifiable(_ oid: ASN1ObjectIdentifier) -> Certificate.SignatureAlgorithm? {
        switch signatures[oid]?.name {
        case "sha1WithRSAEncryption": .sha1WithRSAEncryption
        case "sha256WithRSAEncryption": .sha256WithRSAEncryption
        case "sha384WithRSAEncryption": .sha384WithRSAEncryption
        case "sha512WithRSAEncryption": .sha512WithRSAEncryption
        case "ecdsa-with-SHA256": .ecdsaWithSHA256
        case "ecdsa-with-SHA384": .ecdsaWithSHA384
        case "ecdsa-with-SHA512": .ecdsaWithSHA512
        case "ED25519": .ed25519
        default: nil
        }
    }
}
