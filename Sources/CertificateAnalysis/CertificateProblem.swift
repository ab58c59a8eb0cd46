/// One thing wrong with a certificate chain, precise enough to act on.
public struct CertificateProblem: Sendable, Codable, Hashable {
    /// What kind of problem this is; the TLS rules map kinds to findings.
    public var kind: Kind
    /// The position of the certificate at fault in the chain as the server sent it (0 = leaf), or nil when the
    /// problem concerns the chain as a whole.
    public var certificateIndex: Int?
    /// A human explanation with the facts, e.g. "expired 2020-02-01 (2124 days ago)".
    public var detail: String

    /// Creates a problem.
    public init(kind: Kind, certificateIndex: Int?, detail: String) {
        self.kind = kind
        self.certificateIndex = certificateIndex
        self.detail = detail
    }

    /// The kinds of certificate problems, one per check.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The server sent no certificate.
        case emptyChain
        /// A certificate's DER could not be decoded (detail names the field).
        case malformed
        /// The validity window ended before the analysis time.
        case expired
        /// The validity window starts after the analysis time.
        case notYetValid
        /// The certificate expires within the warning threshold.
        case expiresSoon
        /// The host name is not among the leaf's subjectAlternativeName entries.
        case hostnameMismatch
        /// An RSA (or DSA) key shorter than the minimum.
        case weakRSAKey
        /// An EC key on a curve smaller than the minimum.
        case weakECKey
        /// Signed with a broken hash (SHA-1, MD5, MD2).
        case weakSignature
        /// The leaf signs itself and is not a trust anchor.
        case selfSigned
        /// The leaf's issuer was neither sent nor is a trust anchor.
        case missingIntermediate
        /// Certificates sent out of order, or certificates that are not part of the chain.
        case chainOrder
        /// No path to a trust anchor for another reason (unknown root, bad signature).
        case untrusted
        /// The leaf is a CA certificate.
        case leafIsCA
        /// An issuing certificate lacks basicConstraints cA or the keyCertSign key usage.
        case intermediateNotCA
        /// The leaf's keyUsage does not allow what its key type needs for TLS.
        case keyUsage
        /// The leaf's extendedKeyUsage does not include serverAuth.
        case extendedKeyUsage
        /// The leaf requires OCSP stapling (TLS Feature status_request) but no response was stapled.
        case mustStapleWithoutStaple
        /// No Signed Certificate Timestamp: none embedded and none delivered by TLS or OCSP.
        case noSCT
        /// More certificates than any sane chain needs.
        case chainTooLong
    }
}
