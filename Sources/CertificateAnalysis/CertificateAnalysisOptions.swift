public import Foundation

/// The thresholds a chain is judged by, so a plan can tighten them and tests can fix the clock.
public struct CertificateAnalysisOptions: Sendable {
    /// The instant validity is judged at.
    public var now: Date
    /// A certificate expiring within this many days is reported as `expiresSoon`.
    public var expiryWarningDays: Int
    /// RSA (and DSA) keys shorter than this are weak.
    public var minimumRSABits: Int
    /// EC keys on curves smaller than this are weak.
    public var minimumECBits: Int
    /// Whether a leaf without Certificate Transparency evidence is reported (`noSCT`); off for private PKIs.
    public var requireSCT: Bool
    /// Chains longer than this are reported as `chainTooLong`; only the first `maximumAnalyzedCertificates`
    /// certificates are analysed at all, so a hostile server cannot make the analysis expensive.
    public var maximumChainLength: Int
    /// Upper bound on certificates decoded and considered for path building.
    public var maximumAnalyzedCertificates: Int

    /// Creates options; the defaults follow the CA/Browser Forum baseline (RSA 2048, P-256) and a 30-day warning.
    public init(
        now: Date = Date(),
        expiryWarningDays: Int = 30,
        minimumRSABits: Int = 2048,
        minimumECBits: Int = 256,
        requireSCT: Bool = true,
        maximumChainLength: Int = 10,
        maximumAnalyzedCertificates: Int = 16
    ) {
        self.now = now
        self.expiryWarningDays = expiryWarningDays
        self.minimumRSABits = minimumRSABits
        self.minimumECBits = minimumECBits
        self.requireSCT = requireSCT
        self.maximumChainLength = maximumChainLength
        self.maximumAnalyzedCertificates = maximumAnalyzedCertificates
    }
}
