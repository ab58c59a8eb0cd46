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
        stream.write(text(result, options: options))
    }

    /// The Markdown text of `result`, UTF-8 encoded, with a verdict when `options.failOn` is set.
    public static func render(_ result: ScanResult, options: ReportOptions = ReportOptions()) -> Data {
        let stream = ReportStream()
        write(result, options: options, to: stream)
        return stream.bytes
    }

    /// The Markdown text of `result`.
    ///
    /// The comment is capped, so the work on all findings is one counting pass and one pass keeping the first
    /// ``maxFindings`` in list order; only those are ever formatted.
    public static func text(_ result: ScanResult, options: ReportOptions = ReportOptions()) -> String {
        let tally = MarkdownTally(result, options: options)
        var output = heading(result, tally: tally, options: options) + "\n\n" + summary(result, tally: tally) + "\n"
        guard !result.findings.isEmpty else { return output + "\nNo findings.\n" }
        output += "\n## Top findings\n"
        let reserve = 300
        var shown = 0
        let listed = firstListed(result.findings, limit: maxFindings)
        for finding in listed {
            let section = "\n" + detail(finding, number: shown + 1, options: options) + "\n"
            if output.utf8.count + section.utf8.count + reserve > maxBytes { break }
            output += section
            shown += 1
        }
        let rest = result.findings.count - shown
        if rest > 0 {
            let why = shown < listed.count ? " (comment size limit reached)" : ""
            output += "\n_\(rest) more \(rest == 1 ? "finding is" : "findings are") not shown\(why);"
            output += " see the full JSON, SARIF or HTML report._\n"
        }
        return output
    }

    /// The first `limit` findings in list order (active findings first, then those needing review, then
    /// suppressed ones, each in report order), locations sorted, found in one pass without sorting them all.
    private static func firstListed(_ findings: [Finding], limit: Int) -> [Finding] {
        guard limit > 0 else { return [] }
        var first: [Int] = []
        findings.withUnsafeBufferPointer { all in
            func before(_ lhs: Int, _ rhs: Int) -> Bool {
                let lhsRank = listRank(all[lhs])
                let rhsRank = listRank(all[rhs])
                if lhsRank != rhsRank { return lhsRank < rhsRank }
                return ReportOrder.precedes(all[lhs], all[rhs]) ?? (lhs < rhs)
            }
            for index in all.indices {
                if first.count == limit, let last = first.last, !before(index, last) { continue }
                first.insert(index, at: first.firstIndex { before(index, $0) } ?? first.count)
                if first.count > limit { first.removeLast() }
            }
        }
        return first.map { index in
            var finding = findings[index]
            finding.locations = ReportOrder.sortedLocations(finding.locations)
            return finding
        }
    }

    /// 0 for an active finding, 1 for one needing review, 2 for a suppressed one: the list's first sort key.
    private static func listRank(_ finding: borrowing Finding) -> Int {
        finding.suppression != nil ? 2 : finding.needsReview ? 1 : 0
    }

    private static func heading(_ result: ScanResult, tally: MarkdownTally, options: ReportOptions) -> String {
        let verdict: String
        if result.nothingScanned {
            verdict = "ERROR: no target could be scanned"
        } else if let failOn = options.failOn {
            let failing = tally.failing
            verdict =
                failing == 0
                ? "PASS: nothing at or above \(failOn)"
                : "FAIL: \(failing) \(failing == 1 ? "finding" : "findings") at or above \(failOn)"
        } else {
            verdict = "\(tally.active) \(tally.active == 1 ? "finding" : "findings")"
        }
        let duration = String(format: "%.2f", ReportTime.durationSeconds(result))
        let tool = MarkdownText.inline(result.tool.name)
        return "# \(tool) scan: \(verdict)\n\n"
            + "Profile \(MarkdownText.inline(result.profile)) · started \(ReportTime.iso8601(result.startedAt))"
            + " · \(duration) s · \(tool) \(MarkdownText.inline(result.tool.version))"
    }

    private static func summary(_ result: ScanResult, tally: MarkdownTally) -> String {
        var lines = ["## Summary", ""]
        lines.append("\(tally.active) active, \(tally.review) needing review, \(tally.suppressed) suppressed.")
        lines += ["", "| Severity | Findings |", "| --- | ---: |"]
        for severity in Severity.allCases.reversed() {
            lines.append("| \(severity) | \(tally.bySeverity[severity, default: 0]) |")
        }
        lines += ["", "| Family | Findings |", "| --- | ---: |"]
        for family in Family.allCases where tally.byFamily[family, default: 0] > 0 {
            lines.append("| \(family) | \(tally.byFamily[family, default: 0]) |")
        }
        lines += ["", "| Provider | Targets | Findings | Highest |", "| --- | --- | ---: | --- |"]
        let rows = providerRows(result, tally: tally)
        for row in rows.prefix(maxProviderRows) { lines.append(row) }
        if rows.count > maxProviderRows { lines += ["", "_\(rows.count - maxProviderRows) more providers._"] }
        return lines.joined(separator: "\n")
    }

    private static func providerRows(_ result: ScanResult, tally: MarkdownTally) -> [String] {
        let targets = Dictionary(grouping: result.targets, by: \.provider)
        let names = Set(targets.keys).union(tally.byProvider.keys).sorted()
        return names.map { name in
            let own = targets[name] ?? []
            let scanned = own.filter { $0.status == .scanned }.count
            let status =
                own.isEmpty ? "probed (no target of its own)" : "\(scanned) scanned, \(own.count - scanned) failed"
            let found = tally.byProvider[name]
            let highest = found.map { "\($0.highest)" } ?? "—"
            return "| \(MarkdownText.inline(name)) | \(status) | \(found?.count ?? 0) | \(highest) |"
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

/// What the Markdown summary counts, gathered in one pass over all findings.
private struct MarkdownTally {
    /// Findings neither suppressed nor awaiting review.
    var active = 0
    /// Unsuppressed findings awaiting review.
    var review = 0
    var suppressed = 0
    /// Findings failing the gate.
    var failing = 0
    /// Active findings per severity and per family.
    var bySeverity: [Severity: Int] = [:]
    var byFamily: [Family: Int] = [:]
    /// Active findings per provider (or origin) with the highest severity among them.
    var byProvider: [String: (count: Int, highest: Severity)] = [:]

    init(_ result: ScanResult, options: ReportOptions) {
        let providers = ReportProviders(result.targets, findings: result.findings)
        for finding in result.findings {
            if options.fails(finding) { failing += 1 }
            if finding.suppression != nil {
                suppressed += 1
            } else if finding.needsReview {
                review += 1
            } else {
                active += 1
                bySeverity[finding.severity, default: 0] += 1
                byFamily[finding.family, default: 0] += 1
                let group = providers.group(of: finding)
                let known = byProvider[group]
                byProvider[group] = ((known?.count ?? 0) + 1, max(known?.highest ?? finding.severity, finding.severity))
            }
        }
    }
}
