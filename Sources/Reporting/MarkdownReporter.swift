public import Foundation
public import PortcullisCore

/// Renders a scan result as Markdown for a pull-request comment: a verdict heading, summary tables and the top
/// findings.
///
/// Everything scanned is escaped (see `MarkdownText`): no raw HTML, link or code span can come from a page, and
/// evidence sits in fenced blocks whose fence outgrows any backticks inside. The output stays under
/// ``maxBytes`` (GitHub rejects comments over 65,536 characters): findings that do not fit are counted in a note.
public enum MarkdownReporter {
    /// The most findings listed in detail; the rest are counted.
    public static let maxFindings = 20
    /// The most bytes of Markdown written, safely under GitHub's comment limit.
    public static let maxBytes = 60_000
    /// Evidence longer than this many characters is cut, with a count of the rest.
    public static let maxEvidenceCharacters = 600
    /// The most provider rows in the summary; the rest are counted.
    public static let maxProviderRows = 50

    /// Writes `result` to `stream`, gated by `options.failOn`.
    public static func write(_ result: ScanResult, options: ReportOptions, to stream: ReportStream) {
        stream.write(render(result, options: options))
    }

    /// The Markdown text of `result`, UTF-8 encoded, with a verdict when `options.failOn` is set.
    public static func render(_ result: ScanResult, options: ReportOptions = ReportOptions()) -> Data {
        Data(text(result, options: options).utf8)
    }

    /// The Markdown text of `result`.
    public static func text(_ result: ScanResult, options: ReportOptions = ReportOptions()) -> String {
        let ordered = ReportOrder.findings(result.findings)
        var output = heading(result, options: options) + "\n\n" + summary(result, findings: ordered) + "\n"
        let listed = listOrder(ordered)
        guard !listed.isEmpty else { return output + "\nNo findings.\n" }
        output += "\n## Top findings\n"
        let reserve = 300
        var shown = 0
        for finding in listed.prefix(maxFindings) {
            let section = "\n" + detail(finding, number: shown + 1, options: options) + "\n"
            if output.utf8.count + section.utf8.count + reserve > maxBytes { break }
            output += section
            shown += 1
        }
        let rest = listed.count - shown
        if rest > 0 {
            let why = shown < min(listed.count, maxFindings) ? " (comment size limit reached)" : ""
            output += "\n_\(rest) more \(rest == 1 ? "finding is" : "findings are") not shown\(why);"
            output += " see the full JSON, SARIF or HTML report._\n"
        }
        return output
    }

    /// Active findings first, then those needing review, then suppressed ones, each in report order.
    private static func listOrder(_ findings: [Finding]) -> [Finding] {
        let active = findings.filter { $0.suppression == nil && !$0.needsReview }
        let review = findings.filter { $0.suppression == nil && $0.needsReview }
        let suppressed = findings.filter { $0.suppression != nil }
        return active + review + suppressed
    }

    private static func heading(_ result: ScanResult, options: ReportOptions) -> String {
        let active = result.findings.filter { $0.suppression == nil && !$0.needsReview }
        let verdict: String
        if result.nothingScanned {
            verdict = "ERROR: no target could be scanned"
        } else if let failOn = options.failOn {
            let failing = result.findings.filter(options.fails).count
            verdict =
                failing == 0
                ? "PASS: nothing at or above \(failOn)"
                : "FAIL: \(failing) \(failing == 1 ? "finding" : "findings") at or above \(failOn)"
        } else {
            verdict = "\(active.count) \(active.count == 1 ? "finding" : "findings")"
        }
        let duration = String(format: "%.2f", ReportTime.durationSeconds(result))
        let tool = MarkdownText.inline(result.tool.name)
        return "# \(tool) scan: \(verdict)\n\n"
            + "Profile \(MarkdownText.inline(result.profile)) · started \(ReportTime.iso8601(result.startedAt))"
            + " · \(duration) s · \(tool) \(MarkdownText.inline(result.tool.version))"
    }

    private static func summary(_ result: ScanResult, findings: [Finding]) -> String {
        let active = findings.filter { $0.suppression == nil && !$0.needsReview }
        let counts = FindingCounts(active)
        var lines = ["## Summary", ""]
        let review = findings.filter { $0.suppression == nil && $0.needsReview }.count
        let suppressed = findings.filter { $0.suppression != nil }.count
        lines.append("\(active.count) active, \(review) needing review, \(suppressed) suppressed.")
        lines += ["", "| Severity | Findings |", "| --- | ---: |"]
        for severity in Severity.allCases.reversed() {
            lines.append("| \(severity) | \(counts.bySeverity[severity, default: 0]) |")
        }
        lines += ["", "| Family | Findings |", "| --- | ---: |"]
        for family in Family.allCases where counts.byFamily[family, default: 0] > 0 {
            lines.append("| \(family) | \(counts.byFamily[family, default: 0]) |")
        }
        lines += ["", "| Provider | Targets | Findings | Highest |", "| --- | --- | ---: | --- |"]
        let rows = providerRows(result, active: active)
        for row in rows.prefix(maxProviderRows) { lines.append(row) }
        if rows.count > maxProviderRows { lines += ["", "_\(rows.count - maxProviderRows) more providers._"] }
        return lines.joined(separator: "\n")
    }

    private static func providerRows(_ result: ScanResult, active: [Finding]) -> [String] {
        let providers = ReportProviders(result.targets)
        let byGroup = Dictionary(grouping: active, by: providers.group(of:))
        let targets = Dictionary(grouping: result.targets, by: \.provider)
        let names = Set(targets.keys).union(byGroup.keys).sorted()
        return names.map { name in
            let own = targets[name] ?? []
            let scanned = own.filter { $0.status == .scanned }.count
            let status = own.isEmpty ? "none" : "\(scanned) scanned, \(own.count - scanned) failed"
            let found = byGroup[name] ?? []
            let highest = found.map(\.severity).max().map { "\($0)" } ?? "—"
            return "| \(MarkdownText.inline(name)) | \(status) | \(found.count) | \(highest) |"
        }
    }

    private static func detail(_ finding: Finding, number: Int, options: ReportOptions) -> String {
        var marks: [String] = []
        if options.fails(finding) { marks.append("fails the gate") }
        if finding.needsReview { marks.append("needs review") }
        if let suppression = finding.suppression { marks.append("suppressed: \(MarkdownText.inline(suppression))") }
        var lines = [
            "### \(number). \(finding.severity) · \(MarkdownText.inline(finding.ruleID.rawValue))",
            "",
            "**\(MarkdownText.inline(finding.title))**" + (marks.isEmpty ? "" : " (\(marks.joined(separator: "; ")))"),
            "",
            "- Family: \(finding.family) · origin \(MarkdownText.inline(finding.origin))",
            "- Locations: \(finding.occurrences)",
        ]
        if let first = finding.locations.first {
            let element = first.elementPath.map { " at \(MarkdownText.inline($0))" } ?? ""
            lines.append("- First location: \(MarkdownText.inline(first.url))\(element)")
        }
        let snippet = finding.locations.first?.snippet
        if snippet != nil { lines.append("- Observed: \(MarkdownText.inline(finding.message))") }
        lines += ["", MarkdownText.codeBlock(snippet ?? finding.message, limit: maxEvidenceCharacters)]
        return lines.joined(separator: "\n")
    }
}
