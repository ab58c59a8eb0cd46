import Crypto
public import Foundation
import X509

/// The facts about one certificate of the chain, for reports and for the TLS policy rules.
public struct CertificateSummary: Sendable, Codable, Hashable {
    /// Position in the chain as the server sent it (0 = leaf).
    public var index: Int
    /// Subject name, RFC 4514 string (most specific RDN first).
    public var subject: String
    /// Issuer name, RFC 4514 string.
    public var issuer: String
    /// Serial number, lower-case hex of its DER content bytes.
    public var serialNumber: String
    /// Start of the validity window.
    public var notBefore: Date
    /// End of the validity window.
    public var notAfter: Date
    /// Whole days from the analysis time to `notAfter` (negative once expired).
    public var daysLeft: Int
    /// subjectAlternativeName entries: DNS names as written, IP addresses as text.
    public var subjectAlternativeNames: [String]
    /// "RSA", "RSA-PSS", "EC", "Ed25519", "Ed448", "DSA" or the key algorithm's OID.
    public var keyType: String
    /// Key size in bits.
    public var keyBits: Int
    /// The named curve of an EC key ("P-256", "P-192", …).
    public var curve: String?
    /// Signature algorithm, OpenSSL spelling (e.g. "sha256WithRSAEncryption", "ecdsa-with-SHA256").
    public var signatureAlgorithm: String
    /// SHA-256 of the DER encoding, lower-case hex.
    public var sha256Fingerprint: String
    /// basicConstraints cA is true.
    public var isCA: Bool
    /// Subject and issuer are the same name.
    public var selfIssued: Bool
    /// TLS Feature extension demands OCSP stapling (status_request).
    public var mustStaple: Bool
    /// Number of SCTs embedded in the certificate.
    public var embeddedSCTs: Int

    /// Summarises a decoded certificate at `index`, with days counted from `now`.
    init(index: Int, certificate: ParsedCertificate, facts: ExtensionFacts, now: Date) {
        self.index = index
        subject = String(describing: certificate.subject)
        issuer = String(describing: certificate.issuer)
        serialNumber = Hex.string(certificate.serialBytes)
        notBefore = certificate.notBefore
        notAfter = certificate.notAfter
        daysLeft = Int((certificate.notAfter.timeIntervalSince(now) / 86_400).rounded(.down))
        subjectAlternativeNames = facts.dnsNames + facts.ipAddresses
        keyType = certificate.key.type
        keyBits = certificate.key.bits
        curve = certificate.key.curve
        signatureAlgorithm = ObjectIdentifierNames.signatureName(certificate.signatureAlgorithmOID)
        sha256Fingerprint = Hex.string(SHA256.hash(data: certificate.der))
        isCA = facts.basicConstraintsCA ?? false
        selfIssued = certificate.isSelfIssued
        mustStaple = facts.mustStaple
        embeddedSCTs = facts.embeddedSCTs
    }
}

/// Lower-case hex without separators.
enum Hex {
    static func string<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
