/// The verdict on the chain one TLS server sent.
public struct CertificateReport: Sendable, Codable, Hashable {
    /// The certificates that could be decoded, in the order sent (each carries its position).
    public var chain: [CertificateSummary]
    /// Whether a path from the leaf to a trust anchor exists with verified signatures and CA issuers
    /// (validity dates are judged separately: an expired but otherwise trusted chain is `trusted`).
    public var trusted: Bool
    /// The subjects along the trust path, leaf first and anchor last (empty when untrusted).
    public var trustPath: [String]
    /// Everything wrong, in chain order.
    public var problems: [CertificateProblem]

    /// Creates a report.
    public init(chain: [CertificateSummary], trusted: Bool, trustPath: [String], problems: [CertificateProblem]) {
        self.chain = chain
        self.trusted = trusted
        self.trustPath = trustPath
        self.problems = problems
    }

    /// The problems of one kind.
    public func problems(_ kind: CertificateProblem.Kind) -> [CertificateProblem] {
        problems.filter { $0.kind == kind }
    }
}
