public import PortcullisCore

/// What changed between a baseline scan and the current one, finding by finding, matched by fingerprint.
///
/// A fingerprint present in both is unchanged, or updated when its severity, occurrence count or locations
/// differ; one only in the current scan is new; one only in the baseline is fixed. `--fail-on-new` gates on
/// ``new`` alone so a fix elsewhere never hides a regression. Pure and deterministic: each list is in report
/// order (most severe first).
public struct BaselineComparison: Sendable, Hashable {
    /// How a current finding relates to the baseline, named as SARIF 2.1.0 §3.27.24 names `baselineState`.
    public enum State: String, Sendable, Hashable, CaseIterable {
        /// Not in the baseline.
        case new
        /// In the baseline, identical in severity, occurrences and locations.
        case unchanged
        /// In the baseline with the same fingerprint, but a different severity, occurrence count or locations.
        case updated
        /// In the baseline only: fixed (or no longer seen) in the current scan.
        case absent
    }

    /// Findings of the current scan whose fingerprint the baseline does not have.
    public let new: [Finding]
    /// Findings of the current scan the baseline has unchanged.
    public let unchanged: [Finding]
    /// Findings of the current scan the baseline has with another severity, occurrence count or locations.
    public let updated: [Finding]
    /// Findings of the baseline the current scan no longer has.
    public let fixed: [Finding]
    /// Things a reader should know about the comparison itself, such as the two scans sharing no target.
    public let warnings: [String]

    private let states: [String: State]

    /// Compares `current` with `baseline`.
    public init(baseline: ScanResult, current: ScanResult) {
        let previous = Dictionary(baseline.findings.map { ($0.fingerprint, $0) }) { first, _ in first }
        let now = Set(current.findings.map(\.fingerprint))
        var new: [Finding] = []
        var unchanged: [Finding] = []
        var updated: [Finding] = []
        var states: [String: State] = [:]
        for finding in ReportOrder.findings(current.findings) {
            let state: State
            if let old = previous[finding.fingerprint] {
                state = Self.sameOccurrences(old, finding) ? .unchanged : .updated
            } else {
                state = .new
            }
            guard states[finding.fingerprint] == nil else { continue }
            states[finding.fingerprint] = state
            switch state {
            case .new: new.append(finding)
            case .unchanged: unchanged.append(finding)
            case .updated, .absent: updated.append(finding)
            }
        }
        var fixed: [Finding] = []
        for finding in ReportOrder.findings(baseline.findings) where !now.contains(finding.fingerprint) {
            guard states[finding.fingerprint] == nil else { continue }
            states[finding.fingerprint] = .absent
            fixed.append(finding)
        }
        self.new = new
        self.unchanged = unchanged
        self.updated = updated
        self.fixed = fixed
        self.states = states
        self.warnings = Self.warnings(baseline: baseline, current: current)
    }

    /// The state of the finding with `fingerprint`: ``State/absent`` for a fixed one, nil when neither scan has it.
    public func state(ofFingerprint fingerprint: String) -> State? { states[fingerprint] }

    /// The new findings that fail a gate at `threshold`: at or above it, neither suppressed nor needing review.
    public func newFindings(atOrAbove threshold: Severity) -> [Finding] {
        new.filter { $0.severity >= threshold && $0.suppression == nil && !$0.needsReview }
    }

    private static func sameOccurrences(_ old: Finding, _ new: Finding) -> Bool {
        old.severity == new.severity && old.occurrences == new.occurrences
            && old.locations.sorted() == new.locations.sorted()
    }

    private static func warnings(baseline: ScanResult, current: ScanResult) -> [String] {
        guard !baseline.targets.isEmpty, !current.targets.isEmpty else { return [] }
        let before = Set(baseline.targets.map(\.provider)).union(baseline.targets.map(\.url))
        let after = Set(current.targets.map(\.provider)).union(current.targets.map(\.url))
        guard before.isDisjoint(with: after) else { return [] }
        let names = { (targets: [TargetResult]) in Set(targets.map(\.provider)).sorted().joined(separator: ", ") }
        return [
            "the baseline and the current scan have no target in common (baseline: \(names(baseline.targets)); "
                + "current: \(names(current.targets))): every finding is new or fixed"
        ]
    }
}
