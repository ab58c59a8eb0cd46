import DemoProviders
import Foundation
import PortcullisCore
import Reporting
import TestSupport
import Testing

/// Waivers from the command line: a waived finding stays in the report with its owner and expiry and leaves the
/// gate, an expired waiver stops applying and is reported, and a waiver that covers nothing is reported as stale.
@Suite(.timeLimit(.minutes(3)))
struct WaiverTests {
    private static let order: [String] = ["critical", "high", "medium", "low", "info"]

    private static func findings(in report: URL) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: report)) as? [String: Any]
        return try #require(object?["findings"] as? [[String: Any]])
    }

    @Test func waivedFindingsLeaveTheGateExpiredAndStaleWaiversAreReported() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let zoo = try await DemoProviderZoo.start()
        defer { Task { try? await zoo.shutdown() } }
        let url = zoo.bad.httpURL.absoluteString

        // Without waivers: what the bad provider's entry page fails, and that the gate fails on it.
        let plain = directory.appendingPathComponent("plain")
        let first = try await CommandLineTests.portcullis([
            "scan", "--max-depth", "0", "--provider", "bad-lms", "--output", plain.path, "--fail-on", "info",
            "--no-color", url,
        ])
        #expect(first.status == 1, "\(first.stdout)\(first.stderr)")
        let before = try Self.findings(in: plain.appendingPathComponent("portcullis-report.json"))
        let top = try #require(Self.order.first { level in before.contains { $0["severity"] as? String == level } })
        let waived = Set(before.filter { $0["severity"] as? String == top }.compactMap { $0["ruleId"] as? String })
        let topRank = try #require(Self.order.firstIndex(of: top))
        let lower = before.filter {
            (Self.order.firstIndex(of: $0["severity"] as? String ?? "") ?? 0) > topRank
        }
        let expiredRule = try #require(
            lower.compactMap { $0["ruleId"] as? String }.first { !waived.contains($0) },
            "the bad provider fails rules at more than one severity"
        )

        // The first entry names another provider: if provider scoping failed, it would take the findings (no owner).
        var text = ""
        for rule in waived.sorted() {
            text += """
                - rule: \(rule)
                  provider: someone-else
                  reason: Another provider's acceptance
                - rule: \(rule)
                  provider: bad-lms
                  reason: Accepted until the vendor's release 12
                  owner: onboarding-team
                  ticket: ONB-7
                  expires: 2999-12-31

                """
        }
        text += """
            - rule: \(expiredRule)
              reason: Accepted last year
              owner: old-team
              expires: 2020-01-01
            - rule: nosuch.rule
              reason: Covers nothing at all

            """
        let waivers = directory.appendingPathComponent("waivers.yaml")
        try text.write(to: waivers, atomically: true, encoding: .utf8)

        let output = directory.appendingPathComponent("waived")
        let run = try await CommandLineTests.portcullis([
            "scan", "--max-depth", "0", "--provider", "bad-lms", "--waivers", waivers.path, "--output", output.path,
            "--fail-on", top, "--no-color", url,
        ])
        #expect(run.status == 0, "every \(top) finding is waived, so the gate passes: \(run.stdout)\(run.stderr)")
        let staleCount = waived.count + 1
        #expect(run.stdout.contains("Waivers: 1 expired, \(staleCount) stale"), "\(run.stdout)")
        #expect(run.stdout.contains("expired, no longer applies"), "\(run.stdout)")

        let report = output.appendingPathComponent("portcullis-report.json")
        let after = try Self.findings(in: report)
        #expect(after.count == before.count, "waived findings stay visible")
        for finding in after where waived.contains(finding["ruleId"] as? String ?? "") {
            let label = finding["suppression"] as? String ?? ""
            #expect(label.hasPrefix("Accepted until the vendor's release 12"), "\(label)")
            #expect(label.contains("owner: onboarding-team"), "\(label)")
            #expect(label.contains("ticket: ONB-7"), "\(label)")
            #expect(label.contains("expires: 2999-12-31"), "\(label)")
        }
        for finding in after where finding["ruleId"] as? String == expiredRule {
            #expect(finding["suppression"] == nil, "an expired waiver does not apply")
        }

        let data = try Data(contentsOf: report)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["schemaVersion"] as? String == JSONReporter.schemaVersion)
        let notes = try #require(object?["waivers"] as? [[String: Any]])
        let expired = notes.filter { $0["kind"] as? String == "expired" }
        #expect(expired.compactMap { $0["rule"] as? String } == [expiredRule])
        let expiredLine = 1 + waived.count * 9
        #expect(expired.first?["source"] as? String == "waivers.yaml:\(expiredLine)", "\(notes)")
        #expect((expired.first?["label"] as? String)?.contains("owner: old-team") == true)
        let stale = notes.filter { $0["kind"] as? String == "stale" }.compactMap { $0["rule"] as? String }
        #expect(stale == waived.sorted() + ["nosuch.rule"], "\(notes)")
        let verdict = try SchemaValidator.validate(data, against: SchemaValidator.reportSchema)
        #expect(verdict.isValid, "\(verdict.output)")

        let reread = try JSONReportReader.read(contentsOf: report)
        #expect(reread.waiverNotes.count == notes.count)
        #expect(reread.waiverNotes.first { $0.kind == .expired }?.rule == expiredRule)

        // The old flag still works, and a malformed expiry names file and line.
        try "- rule: \(expiredRule)\n  reason: x\n  expires: 31/12/2027\n".write(
            to: waivers,
            atomically: true,
            encoding: .utf8
        )
        let refused = try await CommandLineTests.portcullis(["scan", "--suppressions", waivers.path, url])
        #expect(refused.status == 2, "\(refused.stderr)")
        #expect(refused.stderr.contains("waivers.yaml:3"), "\(refused.stderr)")
        #expect(refused.stderr.contains("YYYY-MM-DD"), "\(refused.stderr)")
        try await zoo.shutdown()
    }
}
