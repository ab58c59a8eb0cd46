public import PortcullisCore

/// Settings a reporter may honour beyond the scan result itself.
///
/// Reporters stay pure functions of a result plus these options, so the same inputs always give the same bytes.
public struct ReportOptions: Sendable, Hashable {
    /// The gate threshold: findings at or above it fail (JUnit `<failure>`, the Markdown verdict);
    /// `nil` means no gate, so nothing fails.
    public var failOn: Severity?

    /// The comparison with a previous scan (`--baseline`), for the reports that say what changed:
    /// SARIF `baselineState`, the JSON `baseline` section, the HTML executive summary. `nil` without a baseline.
    public var baseline: BaselineComparison?

    /// Creates options with an optional gate threshold and baseline comparison.
    public init(failOn: Severity? = nil, baseline: BaselineComparison? = nil) {
        self.failOn = failOn
        self.baseline = baseline
    }

    /// Whether `finding` fails the gate: not suppressed, not awaiting review, and at or above ``failOn``.
    public func fails(_ finding: Finding) -> Bool {
        guard let failOn else { return false }
        return finding.suppression == nil && !finding.needsReview && finding.severity >= failOn
    }
}
