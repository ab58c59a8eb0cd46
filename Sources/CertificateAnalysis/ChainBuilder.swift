import Foundation
import SwiftASN1
import X509

/// Builds a path from the leaf through the sent certificates to a trust anchor, by name (and key identifier when
/// both sides carry one) with every signature verified, and explains why when no path exists. Validity dates are
/// ignored here. The search is bounded in depth and in signature verifications.
struct ChainBuilder {
    /// One step of a path: a certificate the server sent, or an anchor from the trust store.
    enum Link: Hashable {
        case sent(Int)
        case anchor(ParsedCertificate)

        static func == (lhs: Link, rhs: Link) -> Bool {
            switch (lhs, rhs) {
            case (.sent(let left), .sent(let right)): left == right
            case (.anchor(let left), .anchor(let right)): left.der == right.der
            default: false
            }
        }

        func hash(into hasher: inout Hasher) {
            switch self {
            case .sent(let index): hasher.combine(index)
            case .anchor(let certificate): hasher.combine(certificate.der)
            }
        }
    }

    /// What the search found.
    struct Outcome {
        /// The trusted path (leaf first), or the longest path through sent certificates when untrusted.
        var path: [Link]
        /// Whether `path` ends at a trust anchor.
        var reachesAnchor: Bool
        /// Why there is no trusted path (a problem for the report), when there is none.
        var failure: CertificateProblem?
    }

    let sent: [ParsedCertificate?]
    let facts: [ExtensionFacts]
    let trust: TrustStore
    let maximumDepth: Int
    private var verificationBudget = 256
    private var visitBudget = 2_000
    private var verified: [[UInt8]: Bool] = [:]
    private var best: [Int] = [0]

    init(sent: [ParsedCertificate?], facts: [ExtensionFacts], trust: TrustStore, maximumDepth: Int) {
        self.sent = sent
        self.facts = facts
        self.trust = trust
        self.maximumDepth = max(1, maximumDepth)
    }

    /// Searches from the leaf (position 0, which must be decoded).
    mutating func build() -> Outcome {
        guard let leaf = sent.first ?? nil else {
            return Outcome(path: [], reachesAnchor: false, failure: nil)
        }
        if let path = search([0]) {
            return Outcome(path: path, reachesAnchor: true, failure: nil)
        }
        let path = best.map(Link.sent)
        return Outcome(path: path, reachesAnchor: false, failure: diagnose(leaf: leaf))
    }

    private mutating func search(_ path: [Int]) -> [Link]? {
        guard let current = path.last, let certificate = sent[current], visitBudget > 0 else { return nil }
        visitBudget -= 1
        if path.count > best.count { best = path }
        if trust.contains(certificate) { return path.map(Link.sent) }
        for anchor in trust.anchors(named: certificate.issuer)
        where keyIDsAgree(subject: current, issuer: anchor, issuerFacts: nil)
            && verify(issuer: anchor, subject: certificate)
        {
            // Prefer the server's own copy of the anchor, so a sent root counts as part of the chain.
            let sentCopy = sent.indices.first { index in
                !path.contains(index)
                    && sent[index].map {
                        trust.contains($0) && $0.spkiBytes == anchor.spkiBytes
                            && $0.subject == anchor.subject
                    } == true
            }
            return path.map(Link.sent) + [sentCopy.map(Link.sent) ?? .anchor(anchor)]
        }
        guard path.count < maximumDepth else { return nil }
        for (index, candidate) in sent.enumerated() {
            guard let candidate, !path.contains(index), candidate.subject == certificate.issuer,
                !path.contains(where: { sent[$0]?.der == candidate.der }),
                keyIDsAgree(subject: current, issuer: candidate, issuerFacts: facts[index]),
                verify(issuer: candidate, subject: certificate)
            else { continue }
            if let found = search(path + [index]) { return found }
        }
        return nil
    }

    private func keyIDsAgree(subject: Int, issuer: ParsedCertificate, issuerFacts: ExtensionFacts?) -> Bool {
        guard let authority = facts[subject].authorityKeyID else { return true }
        let issuerKeyID = issuerFacts?.subjectKeyID ?? (try? ExtensionFacts(issuer))?.subjectKeyID
        guard let issuerKeyID else { return true }
        return Array(authority) == Array(issuerKeyID)
    }

    /// Whether `issuer`'s key verifies `subject`'s signature (cached; false once the budget is spent).
    private mutating func verify(issuer: ParsedCertificate, subject: ParsedCertificate) -> Bool {
        let key = Array(issuer.spkiBytes) + subject.der
        if let known = verified[key] { return known }
        guard verificationBudget > 0 else { return false }
        verificationBudget -= 1
        let result = Self.signatureVerifies(issuer: issuer, subject: subject)
        verified[key] = result
        return result
    }

    /// Verifies the signature without caching.
    static func signatureVerifies(issuer: ParsedCertificate, subject: ParsedCertificate) -> Bool {
        if subject.signatureAlgorithmOID == OIDs.ecdsaWithSHA1, let publicKey = issuer.publicKey() {
            return LegacySignature.ecdsaSHA1Verifies(
                key: publicKey,
                signature: subject.signatureBits.bytes,
                signed: subject.tbsBytes
            )
        }
        guard let algorithm = ObjectIdentifierNames.verifiable(subject.signatureAlgorithmOID),
            let publicKey = issuer.publicKey()
        else { return false }
        return publicKey.isValidSignature(
            subject.signatureBits.bytes,
            for: subject.tbsBytes,
            signatureAlgorithm: algorithm
        )
    }

    private mutating func diagnose(leaf: ParsedCertificate) -> CertificateProblem {
        let endIndex = best.last ?? 0
        guard let end = sent[endIndex] else {
            return CertificateProblem(kind: .untrusted, certificateIndex: endIndex, detail: "undecodable certificate")
        }
        let name = String(describing: end.subject)
        if end.isSelfIssued {
            let verifies = Self.signatureVerifies(issuer: end, subject: end)
            let signature = verifies ? "" : " (its self-signature does not verify)"
            if endIndex == 0 && best.count == 1 {
                return CertificateProblem(
                    kind: .selfSigned,
                    certificateIndex: 0,
                    detail: "self-signed certificate '\(name)' is not a trust anchor\(signature)"
                )
            }
            return CertificateProblem(
                kind: .untrusted,
                certificateIndex: endIndex,
                detail:
                    "chain ends at root '\(name)' (certificate \(endIndex)), which is not a trust anchor\(signature)"
            )
        }
        let issuerName = String(describing: end.issuer)
        let sentNamesakes = sent.enumerated().filter { $0.element?.subject == end.issuer && !best.contains($0.offset) }
        let anchorNamesakes = trust.anchors(named: end.issuer)
        if !sentNamesakes.isEmpty || !anchorNamesakes.isEmpty {
            let unsupported = ObjectIdentifierNames.verifiable(end.signatureAlgorithmOID) == nil
            let why =
                unsupported
                ? "its signature algorithm \(ObjectIdentifierNames.signatureName(end.signatureAlgorithmOID)) "
                    + "cannot be verified"
                : "no certificate named '\(issuerName)' verifies its signature (wrong key or key identifier)"
            return CertificateProblem(
                kind: .untrusted,
                certificateIndex: endIndex,
                detail: "certificate \(endIndex) ('\(name)'): \(why)"
            )
        }
        if endIndex == 0 {
            return CertificateProblem(
                kind: .missingIntermediate,
                certificateIndex: 0,
                detail: "issuer '\(issuerName)' of the leaf was not sent and is not a trust anchor"
            )
        }
        return CertificateProblem(
            kind: .untrusted,
            certificateIndex: endIndex,
            detail: "certificate \(endIndex) ('\(name)') was issued by '\(issuerName)', which was not sent and is "
                + "not a trust anchor (unknown root or missing intermediate)"
        )
    }
}
