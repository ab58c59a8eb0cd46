import Foundation
import X509

/// Checks on the chain's shape once the path is known: sending order, certificates not on the path, and
/// whether every issuer on the path may issue certificates.
struct ChainStructure {
    let parsed: [ParsedCertificate?]
    let facts: [ExtensionFacts]
    let trust: TrustStore

    /// The RFC 4514 subject of a path link.
    func subject(of link: ChainBuilder.Link) -> String {
        switch link {
        case .sent(let index): parsed[index].map { String(describing: $0.subject) } ?? "?"
        case .anchor(let certificate): String(describing: certificate.subject)
        }
    }

    /// `chainOrder` problems: the path does not run 0, 1, 2…, or decoded certificates are not on it.
    func orderProblems(path: [ChainBuilder.Link]) -> [CertificateProblem] {
        let sentOnPath = path.compactMap { link -> Int? in
            if case .sent(let index) = link { return index }
            return nil
        }
        guard !sentOnPath.isEmpty else { return [] }
        var problems: [CertificateProblem] = []
        // Undecodable certificates are reported as malformed; the order is judged among the decodable ones.
        let decodable = parsed.indices.filter { parsed[$0] != nil }
        if sentOnPath != Array(decodable.prefix(sentOnPath.count)) {
            problems.append(
                CertificateProblem(
                    kind: .chainOrder,
                    certificateIndex: nil,
                    detail: "certificates sent out of order: the chain runs "
                        + sentOnPath.map(String.init).joined(separator: " → ")
                        + " (each certificate should be followed by its issuer)"
                )
            )
        }
        let linked = nameLinked(from: sentOnPath)
        for (index, certificate) in parsed.enumerated() where !sentOnPath.contains(index) && !linked.contains(index) {
            guard let certificate else { continue }
            let duplicate = sentOnPath.contains { parsed[$0]?.der == certificate.der }
            let why = duplicate ? "a duplicate" : "not part of the chain"
            problems.append(
                CertificateProblem(
                    kind: .chainOrder,
                    certificateIndex: index,
                    detail: "certificate \(index) ('\(certificate.subject)') is \(why)"
                )
            )
        }
        return problems
    }

    /// Sent certificates that continue the path by name alone (their signature may not verify): these are
    /// part of the chain the server meant, and their fault is reported by the trust diagnosis, not as order.
    private func nameLinked(from path: [Int]) -> Set<Int> {
        var linked: Set<Int> = []
        var current = path.last
        while let index = current, let certificate = parsed[index], !certificate.isSelfIssued {
            let next = parsed.indices.first { candidate in
                !path.contains(candidate) && !linked.contains(candidate)
                    && parsed[candidate]?.subject == certificate.issuer
            }
            if let next { linked.insert(next) }
            current = next
        }
        return linked
    }

    /// `intermediateNotCA` problems for sent issuers on the path (anchors are trusted as configured).
    func issuerProblems(path: [ChainBuilder.Link]) -> [CertificateProblem] {
        var problems: [CertificateProblem] = []
        for link in path.dropFirst() {
            guard case .sent(let index) = link, let certificate = parsed[index], !trust.contains(certificate) else {
                continue
            }
            let name = String(describing: certificate.subject)
            switch facts[index].basicConstraintsCA {
            case nil:
                problems.append(
                    CertificateProblem(
                        kind: .intermediateNotCA,
                        certificateIndex: index,
                        detail: "issuer '\(name)' has no basicConstraints extension (cA must be TRUE)"
                    )
                )
            case false?:
                problems.append(
                    CertificateProblem(
                        kind: .intermediateNotCA,
                        certificateIndex: index,
                        detail: "issuer '\(name)' has basicConstraints cA=FALSE"
                    )
                )
            case true?:
                break
            }
            if let usage = facts[index].keyUsage, !usage.keyCertSign {
                problems.append(
                    CertificateProblem(
                        kind: .intermediateNotCA,
                        certificateIndex: index,
                        detail: "issuer '\(name)' has keyUsage (\(usage)) without keyCertSign"
                    )
                )
            }
        }
        return problems
    }
}
