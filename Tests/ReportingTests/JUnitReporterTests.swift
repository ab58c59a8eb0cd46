import Foundation
import PortcullisCore
import Reporting
import TestSupport
import Testing

/// What `junitparser` (PyPI) read from a JUnit file.
struct ParsedJUnit: Decodable {
    struct Case: Decodable {
        var classname: String
        var name: String
        var results: [String]
        var messages: [String?]
        var texts: [String?]
    }

    struct Suite: Decodable {
        var name: String
        var tests: Int
        var failures: Int
        var errors: Int
        var skipped: Int
        var cases: [Case]
    }

    var suites: [Suite]

    private static let script = """
        import json, sys
        from junitparser import JUnitXml
        xml = JUnitXml.fromfile(sys.argv[1])
        suites = []
        for suite in xml:
            cases = []
            for case in suite:
                cases.append({"classname": case.classname, "name": case.name,
                              "results": [type(r).__name__ for r in case.result],
                              "messages": [r.message for r in case.result],
                              "texts": [r.text for r in case.result]})
            suites.append({"name": suite.name, "tests": suite.tests, "failures": suite.failures,
                           "errors": suite.errors, "skipped": suite.skipped, "cases": cases})
        print(json.dumps({"suites": suites}))
        """

    /// Writes `data` to a file and reads it back with python3 and junitparser; fails the test when either is missing.
    static func read(_ data: Data) throws -> ParsedJUnit {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-\(UUID().uuidString).xml")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try ChildProcess.runBlocking("/usr/bin/env", ["python3", "-c", script, file.path], timeout: 60)
        try #require(
            run.status == 0,
            """
            python3 with junitparser could not read the report (run `make deps` to install them): \
            \(String(decoding: run.errorOutput, as: UTF8.self))
            """
        )
        return try JSONDecoder().decode(ParsedJUnit.self, from: run.output)
    }
}

@Suite struct JUnitReporterTests {
    @Test func aSuitePerProviderGatedByFailOn() throws {
        let result = Fixtures.result()
        let parsed = try ParsedJUnit.read(JUnitReporter.render(result, options: ReportOptions(failOn: .high)))
        #expect(parsed.suites.map(\.name) == ["alpha", "bravo", "charlie"])
        let counts: [[Int]] = parsed.suites.map { [$0.tests, $0.failures, $0.errors, $0.skipped] }
        #expect(counts == [[6, 2, 0, 0], [1, 0, 1, 0], [64, 60, 0, 0]])
        for suite in parsed.suites {
            #expect(suite.cases.count == suite.tests)
            #expect(suite.cases.filter { $0.results == ["Failure"] }.count == suite.failures)
            #expect(suite.cases.filter { $0.results == ["Error"] }.count == suite.errors)
            #expect(suite.cases.filter { $0.results == ["Skipped"] }.count == suite.skipped)
        }
        let alpha = parsed.suites[0].cases
        let sso = try #require(alpha.first { $0.classname == "sso.rp.state-missing" })
        #expect(sso.name == "https://a.example/login")
        #expect(sso.messages == ["Login request has no state"])
        #expect(sso.texts == ["GET /login redirected without state"])
        let image = try #require(alpha.first { $0.name == "https://a.example/b /html/body/img[2]" })
        #expect(image.results.isEmpty, "low is below the high threshold")
        let charlie = parsed.suites[2].cases
        #expect(Set(charlie.filter { $0.results.isEmpty }.map(\.classname)).count == 4)
        #expect(parsed.suites[1].cases.first?.classname == "scan.target")
    }

    @Test func withoutAThresholdNothingFails() throws {
        let parsed = try ParsedJUnit.read(JUnitReporter.render(Fixtures.result()))
        #expect(parsed.suites.allSatisfy { $0.failures == 0 })
        #expect(parsed.suites.map(\.tests) == [6, 1, 64])
    }

    @Test func hostileTextIsEscapedAndSuppressedIsSkipped() throws {
        let data = JUnitReporter.render(HostileFixture.result(), options: ReportOptions(failOn: .low))
        #expect(!data.contains(0x00))
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("<script"))
        #expect(!text.contains("<img"))
        let parsed = try ParsedJUnit.read(data)
        let suite = try #require(parsed.suites.first)
        #expect(parsed.suites.count == 1)
        #expect(suite.name == HostileFixture.provider)
        let counts: [Int] = [suite.tests, suite.failures, suite.errors, suite.skipped]
        #expect(counts == [7, 4, 0, 1])
        let evil = try #require(suite.cases.first { $0.name == "\(HostileFixture.url) @/html/body" })
        #expect(evil.classname == "headers.csp-missing")
        #expect(evil.results == ["Failure"])
        #expect(evil.messages == [HostileFixture.title])
        #expect(evil.texts == [HostileFixture.evidence.replacingOccurrences(of: "\u{0000}", with: "\u{FFFD}")])
        let skipped = try #require(suite.cases.first { $0.results == ["Skipped"] })
        #expect(skipped.messages == ["suppressed: accepted <until> | 2027 `x`"])
        let noLocation = try #require(suite.cases.first { $0.classname == "a11y.image-alt" && !$0.results.isEmpty })
        #expect(noLocation.name == "https://evil.example")
    }

    @Test func waivedFindingsAreSkippedWithReasonOwnerAndExpiry() throws {
        var result = HostileFixture.result(suppressedToo: false)
        let waiver = Suppression(
            rule: "headers.*",
            reason: "legacy <frame> & \"old\"",
            source: "waivers.yaml:7",
            owner: "web-team@example.org",
            ticket: "SEC-42",
            expires: "2027-03-31"
        )
        result.findings[0] = Finding(
            ruleID: result.findings[0].ruleID,
            title: result.findings[0].title,
            severity: .critical,
            family: .headers,
            origin: result.findings[0].origin,
            message: result.findings[0].message,
            locations: result.findings[0].locations,
            fingerprint: result.findings[0].fingerprint,
            waiver: waiver
        )
        let data = JUnitReporter.render(result, options: ReportOptions(failOn: .info))
        #expect(!String(decoding: data, as: UTF8.self).contains("<frame"))
        let parsed = try ParsedJUnit.read(data)
        let suite = try #require(parsed.suites.first)
        let counts: [Int] = [suite.tests, suite.failures, suite.skipped]
        #expect(counts == [7, 1, 3], "a waived finding leaves the gate")
        let skipped = suite.cases.filter { $0.results == ["Skipped"] }
        #expect(skipped.count == 3)
        for testCase in skipped {
            #expect(
                testCase.messages == [
                    "waived: legacy <frame> & \"old\" [owner: web-team@example.org, ticket: SEC-42,"
                        + " expires: 2027-03-31] (waivers.yaml:7)"
                ]
            )
            #expect(
                testCase.texts == [
                    "reason: legacy <frame> & \"old\"\nowner: web-team@example.org\nticket: SEC-42\nexpires: 2027-03-31"
                        + "\nsource: waivers.yaml:7"
                ]
            )
        }
    }

    @Test func formatAndWriterUseTheOptions() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-junit-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let options = ReportOptions(failOn: .high)
        let written = try ReportWriter.write(
            Fixtures.result(),
            formats: [.junit, .md, .csv],
            to: root,
            options: options
        )
        #expect(
            written.map(\.lastPathComponent) == [
                "portcullis-report.junit.xml", "portcullis-report.md",
                "portcullis-report.csv",
            ]
        )
        #expect(try Data(contentsOf: written[0]) == JUnitReporter.render(Fixtures.result(), options: options))
        #expect(try Data(contentsOf: written[1]) == MarkdownReporter.render(Fixtures.result(), options: options))
        #expect(try ReportFormat.junit.render(Fixtures.result()) == JUnitReporter.render(Fixtures.result()))
    }
}
