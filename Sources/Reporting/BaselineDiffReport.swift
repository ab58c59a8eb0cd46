public import Foundation
import PortcullisCore

/// Renders a ``BaselineComparison`` for `portcullis diff` and the scan summary: counts, then the new findings.
///
/// Text output goes to terminals, so everything taken from a scan is neutralised by ``TerminalSanitizer``;
/// JSON output is for pipelines and uses the finding shape of the JSON report.
public enum BaselineDiffReport {
    /// One line of counts, such as `Since baseline: 1 new, 2 fixed, 10 unchanged, 0 updated`.
    public static func countsLine(_ comparison: BaselineComparison) -> String {
        "Since baseline: \(comparison.new.count) new, \(comparison.fixed.count) fixed, "
            + "\(comparison.unchanged.count) unchanged, \(comparison.updated.count) updated"
    }

    /// The counts, any warnings, and one line per new finding (severity, rule id, origin, message).
    public static func text(_ comparison: BaselineComparison) -> String {
        var lines = [countsLine(comparison)]
        for warning in comparison.warnings {
            lines.append("warning: \(TerminalSanitizer.neutralize(warning))")
        }
        if !comparison.new.isEmpty {
            lines.append("New findings:")
            for finding in comparison.new {
                let message = finding.message.isEmpty ? finding.title : finding.message
                lines.append(
                    "  [\(finding.severity.rawValue)] \(TerminalSanitizer.neutralize(finding.ruleID.rawValue)) "
                        + "\(TerminalSanitizer.neutralize(finding.origin)): \(TerminalSanitizer.neutralize(message))"
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The comparison as deterministic JSON: `counts`, `warnings`, and the `new`, `updated` and `fixed` findings.
    ///
    /// - Throws: An `EncodingError` if a value cannot be represented in JSON.
    public static func json(_ comparison: BaselineComparison) throws -> Data {
        try ReportEncoder.encode(
            Document(
                counts: Counts(
                    new: comparison.new.count,
                    fixed: comparison.fixed.count,
                    unchanged: comparison.unchanged.count,
                    updated: comparison.updated.count
                ),
                warnings: comparison.warnings,
                new: comparison.new.map(JSONReportDocument.Finding.init),
                updated: comparison.updated.map(JSONReportDocument.Finding.init),
                fixed: comparison.fixed.map(JSONReportDocument.Finding.init)
            )
        )
    }

    private struct Counts: Encodable {
        var new: Int
        var fixed: Int
        var unchanged: Int
        var updated: Int
    }

    private struct Document: Encodable {
        var counts: Counts
        var warnings: [String]
        var new: [JSONReportDocument.Finding]
        var updated: [JSONReportDocument.Finding]
        var fixed: [JSONReportDocument.Finding]
    }
}
