import Foundation
import PortcullisCore
import Reporting
import TestSupport
import Testing

/// Reads the SARIF log with a real consumer, Microsoft's `sarif-tools` (installed by `make deps`), the way a
/// dashboard would: `sarif summary` must count the results by level as Portcullis wrote them, and `sarif html`
/// must turn the log into a page.
@Suite struct SARIFConsumerTests {
    /// A realistic scan: every severity, two waived findings, one awaiting review, and a baseline the scan is
    /// compared with (one finding new, one updated, one fixed and so listed as `absent`).
    static func scenario() -> (result: ScanResult, options: ReportOptions) {
        var result = Fixtures.result()
        for index in result.findings.indices {
            switch result.findings[index].fingerprint {
            case "fp-csp-2": result.findings[index] = JSONReporterTests.waived(result.findings[index])
            case "fp-crawl-1":
                result.findings[index] = JSONReporterTests.waived(
                    result.findings[index],
                    by: Suppression(rule: "crawl.*", reason: "robots.txt is reviewed quarterly", owner: "ops")
                )
            case "fp-a11y-1": result.findings[index].needsReview = true
            default: break
            }
        }
        let comparison = BaselineComparison(baseline: JSONReporterTests.baseline(), current: result)
        return (result, ReportOptions(failOn: .high, baseline: comparison))
    }

    /// The number of results per SARIF level the log holds: the scan's findings and the fixed baseline findings.
    static func expectedLevels(_ result: ScanResult, _ options: ReportOptions) -> [String: Int] {
        var counts: [String: Int] = [:]
        for finding in result.findings + (options.baseline?.fixed ?? []) {
            let level = finding.needsReview ? "note" : SARIFReporter.level(for: finding.severity)
            counts[level, default: 0] += 1
        }
        return counts
    }

    /// Runs `python3 -m sarif` with `arguments`.
    static func sarif(_ arguments: [String]) async throws -> ChildProcess.Result {
        try await ChildProcess.run("python3", ["-m", "sarif"] + arguments, timeout: 120)
    }

    /// Whether sarif-tools runs here; records a failure telling how to install it when it does not.
    static func toolsInstalled() async throws -> Bool {
        let version = try await sarif(["--version"])
        guard version.status == 0, String(decoding: version.output, as: UTF8.self).contains("SARIF tools") else {
            Issue.record(
                """
                Microsoft sarif-tools is not installed ('python3 -m sarif --version' exited \(version.status): \
                \(String(decoding: version.errorOutput, as: UTF8.self))): run `make deps`
                """
            )
            return false
        }
        return true
    }

    /// Writes the scenario's SARIF log into a fresh folder the way the CLI does.
    static func writeLog() throws -> (folder: URL, log: URL, result: ScanResult, options: ReportOptions) {
        let (result, options) = scenario()
        let folder = try TestPaths.temporaryDirectory()
        let files = try ReportWriter.write(result, formats: [.sarif], to: folder, options: options)
        return (folder, try #require(files.first), result, options)
    }

    @Test func summaryCountsEveryResultByLevel() async throws {
        guard try await Self.toolsInstalled() else { return }
        let (folder, log, result, options) = try Self.writeLog()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try await Self.sarif(["summary", log.path])
        let text = String(decoding: summary.output, as: UTF8.self)
        #expect(summary.status == 0, "\(text)\(String(decoding: summary.errorOutput, as: UTF8.self))")
        // Lines such as "error: 3" head each level's list of rules.
        var levels: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":")
            guard parts.count == 2, ["error", "warning", "note", "none"].contains(String(parts[0])),
                let count = Int(parts[1].trimmingCharacters(in: .whitespaces))
            else { continue }
            levels[String(parts[0])] = count
        }
        let expected = Self.expectedLevels(result, options)
        #expect(levels.filter { $0.value > 0 } == expected, "\(text)")
        // The scenario has something at every level, fixed findings included, so the check above has teeth.
        #expect(expected == ["error": 4, "warning": 1, "note": 2], "\(expected)")
    }

    @Test func htmlReportIsWritten() async throws {
        guard try await Self.toolsInstalled() else { return }
        let (folder, log, result, _) = try Self.writeLog()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("sarif-tools.html")
        let html = try await Self.sarif(["html", log.path, "--output", page.path])
        #expect(
            html.status == 0,
            "\(String(decoding: html.output + html.errorOutput, as: UTF8.self))"
        )
        let bytes = try Data(contentsOf: page)
        #expect(bytes.count > 1000)
        let text = String(decoding: bytes, as: UTF8.self)
        for ruleID in Set(result.findings.map(\.ruleID.rawValue)) {
            #expect(text.contains(ruleID), "the sarif-tools page names \(ruleID)")
        }
    }
}
