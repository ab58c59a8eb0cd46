import Foundation
import X509

/// Judges the certificate chain a TLS server sent: validity, host name, keys, signatures, trust path, order,
/// CA constraints, usages, must-staple and Certificate Transparency. Pure and bounded: at most
/// `maximumAnalyzedCertificates` certificates of at most 64 KiB each are decoded, and the path search is capped.
public struct CertificateAnalyzer: Sendable {
    /// Largest certificate decoded; larger ones are reported as malformed.
    public static let maximumCertificateBytes = 65_536

    /// The anchors trust paths must reach.
    public let trust: TrustStore
    /// Thresholds and clock.
    public let options: CertificateAnalysisOptions

    /// Creates an analyzer for `trust` and `options`.
    public init(trust: TrustStore, options: CertificateAnalysisOptions) {
        self.trust = trust
        self.options = options
    }

    /// Analyses `chain` (DER certificates in the order sent, leaf first) for `hostname`. `stapledOCSP` and
    /// `sctFromTLS` say what the handshake delivered (an OCSP response; SCTs by the TLS extension or inside the
    /// stapled response), so must-staple and Certificate Transparency can be judged.
    public func analyze(chain: [[UInt8]], hostname: String, stapledOCSP: Bool, sctFromTLS: Bool) -> CertificateReport {
        guard !chain.isEmpty else {
            let problem = CertificateProblem(kind: .emptyChain, certificateIndex: nil, detail: "no certificate sent")
            return CertificateReport(chain: [], trusted: false, trustPath: [], problems: [problem])
        }
        var problems: [CertificateProblem] = []
        let limit = max(1, options.maximumAnalyzedCertificates)
        if chain.count > options.maximumChainLength {
            let analysed = chain.count > limit ? "; only the first \(limit) were analysed" : ""
            problems.append(
                CertificateProblem(
                    kind: .chainTooLong,
                    certificateIndex: nil,
                    detail: "\(chain.count) certificates sent (more than \(options.maximumChainLength))\(analysed)"
                )
            )
        }
        var parsed: [ParsedCertificate?] = []
        var facts: [ExtensionFacts] = []
        for (index, der) in chain.prefix(limit).enumerated() {
            let decoded = decode(der, index: index, problems: &problems)
            parsed.append(decoded?.certificate)
            facts.append(decoded?.facts ?? ExtensionFacts())
        }
        let summaries = parsed.enumerated().compactMap { index, certificate in
            certificate.map { CertificateSummary(index: index, certificate: $0, facts: facts[index], now: options.now) }
        }
        for (index, certificate) in parsed.enumerated() {
            guard let certificate else { continue }
            problems += CertificateChecks(options: options).individual(
                certificate,
                index: index,
                isAnchor: trust.contains(certificate)
            )
        }
        if let leaf = parsed[0] {
            let context = LeafContext(hostname: hostname, stapledOCSP: stapledOCSP, sctFromTLS: sctFromTLS)
            problems += CertificateChecks(options: options).leaf(leaf, facts: facts[0], context: context)
        }
        var builder = ChainBuilder(sent: parsed, facts: facts, trust: trust, maximumDepth: options.maximumChainLength)
        let outcome = builder.build()
        if let failure = outcome.failure { problems.append(failure) }
        let structure = ChainStructure(parsed: parsed, facts: facts, trust: trust)
        problems += structure.orderProblems(path: outcome.path)
        let notCA = structure.issuerProblems(path: outcome.path)
        problems += notCA
        let trusted = outcome.reachesAnchor && notCA.isEmpty
        let trustPath = trusted ? outcome.path.map { structure.subject(of: $0) } : []
        let ordered = problems.enumerated().sorted { left, right in
            let leftIndex = left.element.certificateIndex ?? -1
            let rightIndex = right.element.certificateIndex ?? -1
            return leftIndex != rightIndex ? leftIndex < rightIndex : left.offset < right.offset
        }.map(\.element)
        return CertificateReport(chain: summaries, trusted: trusted, trustPath: trustPath, problems: ordered)
    }

    private func decode(
        _ der: [UInt8],
        index: Int,
        problems: inout [CertificateProblem]
    ) -> (certificate: ParsedCertificate, facts: ExtensionFacts)? {
        guard der.count <= Self.maximumCertificateBytes else {
            problems.append(
                CertificateProblem(
                    kind: .malformed,
                    certificateIndex: index,
                    detail: "certificate \(index) is \(der.count) bytes (limit \(Self.maximumCertificateBytes))"
                )
            )
            return nil
        }
        let certificate: ParsedCertificate
        do {
            certificate = try ParsedCertificate(der: der)
        } catch {
            problems.append(
                CertificateProblem(
                    kind: .malformed,
                    certificateIndex: index,
                    detail: "certificate \(index) (\(der.count) bytes) cannot be decoded: \(error)"
                )
            )
            return nil
        }
        do {
            return (certificate, try ExtensionFacts(certificate))
        } catch {
            problems.append(
                CertificateProblem(
                    kind: .malformed,
                    certificateIndex: index,
                    detail: "certificate \(index) ('\(certificate.subject)') has an undecodable extension: \(error)"
                )
            )
            return (certificate, ExtensionFacts())
        }
    }
}
