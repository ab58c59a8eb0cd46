import DemoProviders
import Foundation
import TestSupport
import Testing

/// `portcullis report`, `portcullis diff` and `scan --baseline` run as a pipeline would, on a real scan.
@Suite(.timeLimit(.minutes(3)))
struct ReportCommandTests {
    private func run(_ arguments: [String]) async throws -> CommandLineTests.Run {
        try await CommandLineTests.portcullis(arguments)
    }

    @Test func reportDiffAndBaselineWorkOnASavedScan() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let zoo = try await DemoProviderZoo.start()
        defer { Task { try? await zoo.shutdown() } }
        let url = zoo.bad.httpURL.absoluteString
        let scanned = directory.appendingPathComponent("scan")
        let scan = try await run([
            "scan", "--no-color", "--max-depth", "0", "--fail-on", "none", "--output", scanned.path, url,
        ])
        #expect(scan.status == 0, "\(scan.stdout)\(scan.stderr)")
        let saved = scanned.appendingPathComponent("portcullis-report.json")
        let original = try Data(contentsOf: saved)

        // Re-render without scanning: the JSON comes back byte for byte, SARIF is written too.
        let audit = directory.appendingPathComponent("audit")
        let report = try await run(["report", saved.path, "--format", "json,sarif", "--output", audit.path])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(try Data(contentsOf: audit.appendingPathComponent("portcullis-report.json")) == original)
        let sarif = try Data(contentsOf: audit.appendingPathComponent("portcullis-report.sarif"))
        #expect(try SchemaValidator.validate(sarif, against: SchemaValidator.sarifSchema).isValid)

        let unknown = try await run(["report", saved.path, "--format", "pdf", "--output", audit.path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("pdf") && unknown.stderr.contains("sarif"), "\(unknown.stderr)")

        // The report against itself: nothing new.
        let same = try await run(["diff", saved.path, saved.path, "--fail-on-new", "--fail-on", "info"])
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        #expect(same.stdout.contains("Since baseline: 0 new, 0 fixed"), "\(same.stdout)")

        // A hand-made baseline missing the first finding: exactly that one is new.
        var object = try #require(try JSONSerialization.jsonObject(with: original) as? [String: Any])
        var findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count > 1)
        let removed = findings.removeFirst()
        object["findings"] = findings
        let baseline = directory.appendingPathComponent("baseline.json")
        try JSONSerialization.data(withJSONObject: object).write(to: baseline)
        let ruleID = try #require(removed["ruleId"] as? String)

        let diff = try await run(["diff", baseline.path, saved.path])
        #expect(diff.status == 0, "without --fail-on-new the diff only reports: \(diff.stderr)")
        #expect(diff.stdout.contains("Since baseline: 1 new, 0 fixed"), "\(diff.stdout)")
        #expect(diff.stdout.contains(ruleID))
        let gated = try await run(["diff", baseline.path, saved.path, "--fail-on-new", "--fail-on", "info"])
        #expect(gated.status == 1, "\(gated.stdout)\(gated.stderr)")
        let json = try await run(["diff", baseline.path, saved.path, "--format", "json"])
        let counts = try #require(
            (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["counts"]
                as? [String: Int]
        )
        #expect(counts["new"] == 1)
        #expect(counts["fixed"] == 0)

        // Rescanning against the baseline: the summary says what changed and only the new one gates.
        let rescan = try await run([
            "scan", "--no-color", "--max-depth", "0", "--baseline", baseline.path, "--fail-on-new",
            "--fail-on", "info", url,
        ])
        #expect(rescan.status == 1, "\(rescan.stdout)\(rescan.stderr)")
        #expect(rescan.stdout.contains("Since baseline: 1 new"), "\(rescan.stdout)")
        let againstItself = try await run([
            "scan", "--no-color", "--max-depth", "0", "--baseline", saved.path, "--fail-on-new", "--fail-on", "info",
            "--output", directory.appendingPathComponent("rescan").path, url,
        ])
        #expect(againstItself.status == 0, "\(againstItself.stdout)\(againstItself.stderr)")
        let rescanSARIF = try Data(
            contentsOf: directory.appendingPathComponent("rescan").appendingPathComponent("portcullis-report.sarif")
        )
        #expect(String(decoding: rescanSARIF, as: UTF8.self).contains("\"baselineState\" : \"unchanged\""))
        try await zoo.shutdown()
    }

    @Test func unreadableReportsExitWithTwoNamingTheFile() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = directory.appendingPathComponent("broken.json")
        try Data("{\"schemaVersion\": \"1.4.0\", \"findings\": [".utf8).write(to: broken)
        let future = directory.appendingPathComponent("future.json")
        try Data("{\"schemaVersion\": \"7.0.0\"}".utf8).write(to: future)
        for arguments in [
            ["report", broken.path, "--output", directory.path],
            ["diff", broken.path, broken.path],
            ["diff", future.path, future.path],
        ] {
            let result = try await run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(".json"), "\(result.stderr)")
            #expect(!result.stderr.contains("Fatal error"))
        }
    }
}
