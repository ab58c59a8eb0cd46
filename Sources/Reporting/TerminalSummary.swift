import Foundation
public import PortcullisCore

/// A short, readable account of a scan for people at a terminal: targets, counts, top findings, problems, verdict.
///
/// Everything taken from scanned data passes through ``TerminalSanitizer`` so a hostile page cannot
/// inject escape sequences; without `color` the text contains no ANSI codes at all.
public enum TerminalSummary {
    /// Renders the summary of `result`, ending with a newline.
    ///
    /// - Parameters:
    ///   - result: The scan to describe.
    ///   - failOn: The gate threshold; adds a `PASS:` or `FAIL:` verdict line when set.
    ///   - color: Whether to colour severities and the verdict with ANSI codes.
    ///   - topFindings: How many findings to list, most severe first.
    public static func render(_ result: ScanResult, failOn: Severity?, color: Bool, topFindings: Int = 10) -> String {
        let style = TerminalStyle(color: color)
        var lines: [String] = []
        lines.append(header(result, style: style))
        lines.append(contentsOf: targetLines(result, style: style))
        lines.append(contentsOf: crawlLines(result, style: style))
        lines.append(contentsOf: gradeLines(result, style: style))
        lines.append(contentsOf: TLSSweepTable.lines(result.tls, bold: style.bold))
        lines.append(contentsOf: countLines(result, style: style))
        lines.append(contentsOf: findingLines(result, limit: topFindings, style: style))
        lines.append(contentsOf: problemLines(result, style: style))
        lines.append(contentsOf: waiverLines(result, style: style))
        if let failOn { lines.append(verdict(result, failOn: failOn, style: style)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The gate verdict line, such as `FAIL: 3 findings at or above high` or `PASS: nothing at or above high`.
    ///
    /// When no target could be scanned there is nothing to pass, whatever the threshold: the line says so.
    public static func verdictText(_ result: ScanResult, failOn: Severity) -> String {
        if result.nothingScanned { return "ERROR: no target could be scanned" }
        let count = FindingCounts(result.findings).count(atOrAbove: failOn)
        if count == 0 { return "PASS: nothing at or above \(failOn)" }
        return "FAIL: \(count) \(count == 1 ? "finding" : "findings") at or above \(failOn)"
    }

    private static func clean(_ text: String) -> String { TerminalSanitizer.neutralize(text) }

    private static func header(_ result: ScanResult, style: TerminalStyle) -> String {
        let duration = String(format: "%.2f", ReportTime.durationSeconds(result))
        return style.bold("\(clean(result.tool.name)) \(clean(result.tool.version))")
            + " · profile \(clean(result.profile)) · \(duration) s"
    }

    private static func targetLines(_ result: ScanResult, style: TerminalStyle) -> [String] {
        let scanned = result.targets.filter { $0.status == .scanned }.count
        let failed = result.targets.count - scanned
        var lines = ["", style.bold("Targets: \(scanned) scanned, \(failed) failed")]
        for target in result.targets {
            var line = "  \(target.status == .scanned ? "ok  " : style.fail("FAIL")) \(clean(target.url)) → "
            switch target.status {
            case .failed:
                line += "failed"
            case .scanned:
                line += target.httpStatus.map(String.init) ?? "no status"
                if let finalURL = target.finalURL, finalURL != target.url { line += " \(clean(finalURL))" }
                if let tls = target.tlsVersion { line += " (\(clean(tls)))" }
            }
            lines.append(line)
        }
        return lines
    }

    private static func countLines(_ result: ScanResult, style: TerminalStyle) -> [String] {
        let active = result.findings.filter { $0.suppression == nil && !$0.needsReview }
        let suppressed = result.findings.filter { $0.suppression != nil }.count
        let review = result.findings.filter { $0.suppression == nil && $0.needsReview }.count
        let counts = FindingCounts(active)
        let bySeverity = Severity.allCases.reversed().map { severity in
            let count = counts.bySeverity[severity, default: 0]
            let text = "\(severity) \(count)"
            return count > 0 ? style.severity(severity, text) : style.dim(text)
        }
        let byFamily = Family.allCases.compactMap { family in
            counts.byFamily[family, default: 0] > 0 ? "\(family) \(counts.byFamily[family, default: 0])" : nil
        }
        return [
            "",
            style.bold("Findings: \(active.count)") + " — " + bySeverity.joined(separator: ", ")
                + (suppressed > 0 ? " (\(suppressed) more suppressed, with their reasons in the reports)" : ""),
            "By family: " + (byFamily.isEmpty ? "none" : byFamily.joined(separator: ", ")),
        ]
            + (review > 0
                ? ["Needs review: \(review) (the scan cannot decide them from outside; listed in the reports)"] : [])
    }

    /// One line per crawled provider: what was fetched, what was skipped and why, and what stopped the crawl.
    private static func crawlLines(_ result: ScanResult, style: TerminalStyle) -> [String] {
        let crawls = result.crawls.sorted { $0.provider < $1.provider }
        guard crawls.contains(where: { $0.pages + $0.otherResponses + $0.errors > 1 || !$0.skipped.isEmpty }) else {
            return []
        }
        var lines = ["", style.bold("Crawl")]
        for crawl in crawls {
            var line =
                "  \(clean(crawl.provider)): \(crawl.pages) pages, \(crawl.otherResponses) other, "
                + "\(crawl.errors) errors, " + String(format: "%.1f s", crawl.durationSeconds)
            if !crawl.skipped.isEmpty {
                let reasons = crawl.skipped.sorted { $0.key < $1.key }.map { "\(clean($0.key)) \($0.value)" }
                line += "; skipped: " + reasons.joined(separator: ", ")
            }
            lines.append(line)
            for stop in crawl.stops {
                lines.append(
                    "    stopped by \(clean(stop.limit)): \(clean(stop.detail)); \(crawl.notReached) URLs not reached"
                )
            }
        }
        return lines
    }

    /// The Observatory-compatible grade of each graded origin.
    private static func gradeLines(_ result: ScanResult, style: TerminalStyle) -> [String] {
        guard !result.grades.isEmpty else { return [] }
        return ["", style.bold("Observatory-compatible grades")]
            + result.grades.sorted { $0.origin < $1.origin }.map { grade in
                "  \(clean(grade.grade).padding(toLength: 3, withPad: " ", startingAt: 0)) \(grade.score)  \(clean(grade.origin))"
            }
    }

    private static func findingLines(_ result: ScanResult, limit: Int, style: TerminalStyle) -> [String] {
        let findings = ReportOrder.findings(result.findings.filter { $0.suppression == nil && !$0.needsReview })
        let shown = representative(findings, limit: max(0, limit))
        guard !shown.isEmpty else { return [] }
        var lines = ["", style.bold("Top findings (\(shown.count) of \(findings.count))")]
        for finding in shown {
            let label = finding.severity.rawValue.uppercased().padding(toLength: 8, withPad: " ", startingAt: 0)
            let count = finding.occurrences
            let scope = "[\(clean(finding.origin)), \(count) \(count == 1 ? "location" : "locations")]"
            let heading = "\(clean(finding.ruleID.rawValue)) — \(clean(finding.title)) \(scope)"
            lines.append("  \(style.severity(finding.severity, label)) \(heading)")
            if !finding.message.isEmpty {
                lines.append("           \(clean(shortened(finding.message)))")
            }
            if let first = finding.locations.first {
                let path = first.elementPath.map { " \(clean($0))" } ?? ""
                lines.append("           at \(clean(first.url))\(path)")
            }
        }
        return lines
    }

    /// Up to `limit` findings in report order, taking the most severe finding of each rule before a second one
    /// of any rule, so one noisy rule (an image without alt on every page) cannot hide all the others.
    private static func representative(_ ordered: [Finding], limit: Int) -> [Finding] {
        var picked: [Int] = []
        var rules = Set<RuleID>()
        for (index, finding) in ordered.enumerated() where picked.count < limit && rules.insert(finding.ruleID).inserted
        {
            picked.append(index)
        }
        let chosen = Set(picked)
        for index in ordered.indices where picked.count < limit && !chosen.contains(index) {
            picked.append(index)
        }
        return picked.sorted().map { ordered[$0] }
    }

    /// `text` cut to `limit` characters with an ellipsis, so one long message cannot flood the summary.
    private static func shortened(_ text: String, limit: Int = 160) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }

    private static func problemLines(_ result: ScanResult, style: TerminalStyle) -> [String] {
        guard !result.problems.isEmpty else { return [] }
        var lines = ["", style.bold("Problems (\(result.problems.count))")]
        for problem in ReportOrder.problems(result.problems) {
            lines.append("  \(clean(problem.url)) \(clean(problem.kind)): \(clean(problem.message))")
        }
        return lines
    }

    /// `Waivers: 2 expired, 1 stale`, then one line per noted waiver, so waivers get reviewed.
    private static func waiverLines(_ result: ScanResult, style: TerminalStyle) -> [String] {
        guard !result.waiverNotes.isEmpty else { return [] }
        let expired = result.waiverNotes.filter { $0.kind == .expired }
        let stale = result.waiverNotes.filter { $0.kind == .stale }
        var lines = ["", style.bold("Waivers: \(expired.count) expired, \(stale.count) stale")]
        for note in expired + stale {
            let what = note.kind == .expired ? "expired, no longer applies" : "stale, covered nothing"
            lines.append("  \(clean(note.source)) \(clean(note.rule)) \(what): \(clean(shortened(note.label)))")
        }
        return lines
    }

    private static func verdict(_ result: ScanResult, failOn: Severity, style: TerminalStyle) -> String {
        let text = verdictText(result, failOn: failOn)
        let failed = result.nothingScanned || result.hasFindings(atOrAbove: failOn)
        return "\n" + (failed ? style.fail(text) : style.pass(text))
    }
}
