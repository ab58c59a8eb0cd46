import Foundation
import PortcullisCore

/// The one ordering every reporter uses, so the same scan always renders to the same bytes
/// whatever order concurrent checks delivered their results in.
enum ReportOrder {
    /// Findings most severe first, then by rule id, origin, fingerprint and message; locations sorted.
    static func findings(_ findings: [Finding]) -> [Finding] {
        findings.map { finding in
            var sorted = finding
            sorted.locations = finding.locations.sorted { lhs, rhs in
                (lhs.url, lhs.elementPath ?? "", lhs.snippet ?? "") < (
                    rhs.url, rhs.elementPath ?? "", rhs.snippet ?? ""
                )
            }
            return sorted
        }
        .sorted { lhs, rhs in
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            return (lhs.ruleID.rawValue, lhs.origin, lhs.fingerprint, lhs.message)
                < (rhs.ruleID.rawValue, rhs.origin, rhs.fingerprint, rhs.message)
        }
    }

    /// Problems by URL, then kind, then message.
    static func problems(_ problems: [ScanProblem]) -> [ScanProblem] {
        problems.sorted { ($0.url, $0.kind, $0.message) < ($1.url, $1.kind, $1.message) }
    }

    /// Rules by id, duplicates (same id) dropped after the first.
    static func rules(_ rules: [Rule]) -> [Rule] {
        var seen = Set<RuleID>()
        return rules.sorted { $0.id < $1.id }.filter { seen.insert($0.id).inserted }
    }
}

/// Timestamps and durations as every report writes them.
enum ReportTime {
    /// ISO 8601 in UTC with milliseconds, such as `2025-01-31T09:30:00.250Z`, rounded to the nearest millisecond
    /// (the formatter truncates): a timestamp read back from a report (a binary double a hair below its
    /// millisecond) is written again exactly as it was.
    static func iso8601(_ date: Date) -> String {
        // The whole millisecond, nudged a hundredth of one up so the truncating formatter cannot fall below it.
        let rounded = Date(timeIntervalSince1970: Double(milliseconds(date)) / 1000 + 0.000_01)
        return rounded.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    /// Seconds from start to finish, never negative: the difference of the two timestamps as written (each
    /// rounded to the millisecond), so a report read back and written again gives the same duration.
    static func durationSeconds(_ result: ScanResult) -> Double {
        let milliseconds = max(0, milliseconds(result.finishedAt) - milliseconds(result.startedAt))
        return Double(milliseconds) / 1000
    }

    /// The date in whole milliseconds since 1970, rounded as ``iso8601(_:)`` writes it.
    private static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}

/// Finding totals by severity and by family, with every known key present even at zero.
struct FindingCounts: Sendable, Hashable {
    /// Number of findings per severity; every severity is a key.
    var bySeverity: [Severity: Int]
    /// Number of findings per family; every family is a key.
    var byFamily: [Family: Int]

    init(_ findings: [Finding]) {
        var bySeverity = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0, 0) })
        var byFamily = Dictionary(uniqueKeysWithValues: Family.allCases.map { ($0, 0) })
        for finding in findings {
            bySeverity[finding.severity, default: 0] += 1
            byFamily[finding.family, default: 0] += 1
        }
        self.bySeverity = bySeverity
        self.byFamily = byFamily
    }

    /// How many findings are at or above `threshold`.
    func count(atOrAbove threshold: Severity) -> Int {
        bySeverity.filter { $0.key >= threshold }.values.reduce(0, +)
    }
}
