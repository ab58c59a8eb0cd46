import DemoProviders
import Foundation
import Reporting
import TestSupport
import Testing

/// Runs the built `portcullis` executable as a user or a pipeline would, and checks output and exit codes.
@Suite(.timeLimit(.minutes(3)))
struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `portcullis` with `arguments`, killing it after `seconds`.
    static func portcullis(
        _ arguments: [String],
        in directory: URL? = nil,
        seconds: Double = 60,
        environment extra: [String: String] = [:]
    ) async throws -> Run {
        var environment = ProcessInfo.processInfo.environment
        environment["PORTCULLIS_RULES"] = TestPaths.rules.path
        environment.merge(extra) { _, new in new }
        let result = try await ChildProcess.run(
            TestPaths.executable.path,
            arguments,
            environment: environment,
            currentDirectory: directory?.path,
            timeout: seconds
        )
        return Run(
            status: result.status,
            stdout: String(decoding: result.output, as: UTF8.self),
            stderr: String(decoding: result.errorOutput, as: UTF8.self)
        )
    }

    @Test(arguments: [
        ["scan"],
        ["scan", "not a url"],
        ["scan", "ftp://example.test/"],
        ["scan", "--fail-on", "severe", "https://127.0.0.1:1/"],
        ["scan", "--format", "pdf", "https://127.0.0.1:1/"],
        ["scan", "--bogus", "https://127.0.0.1:1/"],
        ["scan", "--ca-file", "/nonexistent.pem", "https://127.0.0.1:1/"],
        ["scan", "--profile", "no-such-profile", "https://127.0.0.1:1/"],
        ["rules", "show", "headers.nope"],
        ["scan", "--plan", "/nonexistent-plan.yaml"],
        ["explain", "csp"],
        ["explain", "csp", "--format", "xml", "default-src 'none'"],
        ["scan", "--plan", "plan.yaml", "https://127.0.0.1:1/"],
        ["scan", "--scope", "galaxy", "https://127.0.0.1:1/"],
        ["scan", "--exclude", "(", "https://127.0.0.1:1/"],
        ["scan", "--header", "NoColonHere", "https://127.0.0.1:1/"],
        ["scan", "--header", "Cookie: env:PORTCULLIS_TEST_UNSET_VARIABLE", "https://127.0.0.1:1/"],
    ])
    func usageErrorsExitWithTwo(arguments: [String]) async throws {
        let run = try await Self.portcullis(arguments)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(!run.stderr.isEmpty)
        #expect(!run.stderr.contains("Fatal error"))
    }

    @Test func malformedRuleFileNamesFileAndLine() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let rules = directory.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try Data("family: headers\nrules:\n  - id: headers.x\n    title: t\n    severity: extreme\n".utf8)
            .write(to: rules.appendingPathComponent("broken.yaml"))
        let run = try await Self.portcullis(["rules", "list", "--rules", rules.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("broken.yaml:5"), "\(run.stderr)")
        #expect(run.stderr.contains("unknown severity 'extreme'"))
    }

    @Test func nothingScannedExitsWithThree() async throws {
        let run = try await Self.portcullis(["scan", "--no-color", "http://127.0.0.1:1/", "https://127.0.0.1:2/"])
        #expect(run.status == 3, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("connection-refused"))
    }

    @Test func failOnGatesTheExitCode() async throws {
        let zoo = try await DemoProviderZoo.start()
        defer { Task { try? await zoo.shutdown() } }
        let url = zoo.bad.httpURL.absoluteString
        let failing = try await Self.portcullis(["scan", "--fail-on", "medium", url])
        #expect(failing.status == 1, "\(failing.stdout)")
        #expect(failing.stdout.contains("FAIL"))
        let passing = try await Self.portcullis(["scan", "--fail-on", "critical", url])
        #expect(passing.status == 0)
        let never = try await Self.portcullis(["scan", "--fail-on", "none", url])
        #expect(never.status == 0)
        try await zoo.shutdown()
    }

    @Test func singleFormatGoesToStdoutAsValidJSON() async throws {
        let zoo = try await DemoProviderZoo.start()
        defer { Task { try? await zoo.shutdown() } }
        let run = try await Self.portcullis([
            "scan", "--format", "json", "--fail-on", "none", zoo.bad.httpURL.absoluteString,
        ])
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let findings = try #require(object?["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        #expect(run.stderr.contains("Findings"), "the summary goes to stderr when the report takes stdout")
        try await zoo.shutdown()
    }

    @Test func tlsSweepTakesHostPortTargetsFromArgumentsAndAFile() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let zoo = try await DemoProviderZoo.start()
        defer { Task { try? await zoo.shutdown() } }
        let caFile = directory.appendingPathComponent("ca.pem")
        try zoo.writeCACertificate(to: caFile)
        let bad = "127.0.0.1:\(zoo.bad.httpsURL.port ?? 0)"
        let targets = directory.appendingPathComponent("fleet.txt")
        try "# the fleet\n\n\(zoo.good.httpsURL.absoluteString)  # good one\n".write(
            to: targets,
            atomically: true,
            encoding: .utf8
        )
        let run = try await Self.portcullis([
            "scan", "--only", "tls", bad, "--targets", targets.path, "--ca-file", caFile.path, "--format", "json",
            "--fail-on", "medium",
        ])
        #expect(run.status == 1, "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let hosts = try #require(object?["tls"] as? [[String: Any]])
        #expect(hosts.count == 2)
        let findings = try #require(object?["findings"] as? [[String: Any]])
        let rules = Set(findings.compactMap { $0["ruleId"] as? String })
        #expect(rules.contains("tls.protocol.tls10"), "\(rules)")
        #expect(rules.allSatisfy { $0.hasPrefix("tls.") }, "\(rules)")
        #expect(rules.contains("tls.hsts.missing"), "the bad provider sends no HSTS: the TLS family says so")
        #expect(run.stderr.contains("TLS"), "the per-host table goes with the summary")
        #expect(run.stderr.contains("weakest suite"))
        let verdict = try SchemaValidator.validate(Data(run.stdout.utf8), against: SchemaValidator.reportSchema)
        #expect(verdict.isValid, "\(verdict.output)")

        let refused = try await Self.portcullis(["scan", "--only", "tls,cookies", bad])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("unknown family 'cookies'"), "\(refused.stderr)")
        let tooMany = try await Self.portcullis(["scan", "--only", "tls", "--tls-connections", "0", bad])
        #expect(tooMany.status == 2)
        #expect(tooMany.stderr.contains("--tls-connections must be 1 to 16"), "\(tooMany.stderr)")
        try await zoo.shutdown()
    }

    @Test func suppressedFindingsStayInTheReportsMarkedAndNeverFailTheGate() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let zoo = try await DemoProviderZoo.start()
        defer { Task { try? await zoo.shutdown() } }
        let suppressions = directory.appendingPathComponent("suppressions.yaml")
        try """
        - rule: a11y.image-alt
          selector: img
          reason: Decorative stock photos, tracked in A11Y-7
        - rule: "*"
          reason: everything else accepted for this test
        """.write(to: suppressions, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("out")
        let run = try await Self.portcullis([
            "scan", "--max-depth", "0", "--suppressions", suppressions.path, "--output", output.path,
            "--fail-on", "info", zoo.bad.httpURL.absoluteString,
        ])
        #expect(run.status == 0, "every finding is suppressed, so the gate passes: \(run.stdout)")
        #expect(run.stdout.contains("Findings: 0"), "\(run.stdout)")
        #expect(run.stdout.contains("more suppressed"))
        let report = try Data(contentsOf: output.appendingPathComponent("portcullis-report.json"))
        let object = try JSONSerialization.jsonObject(with: report) as? [String: Any]
        let findings = try #require(object?["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        let imageAlt = try #require(findings.first { $0["ruleId"] as? String == "a11y.image-alt" })
        #expect((imageAlt["suppression"] as? String)?.hasPrefix("Decorative stock photos, tracked in A11Y-7") == true)
        #expect(findings.allSatisfy { $0["suppression"] is String })
        let verdict = try SchemaValidator.validate(report, against: SchemaValidator.reportSchema)
        #expect(verdict.isValid, "\(verdict.output)")
        let sarif = try Data(contentsOf: output.appendingPathComponent("portcullis-report.sarif"))
        let sarifVerdict = try SchemaValidator.validate(sarif, against: SchemaValidator.sarifSchema)
        #expect(sarifVerdict.isValid, "\(sarifVerdict.output)")
        #expect(String(decoding: sarif, as: UTF8.self).contains("\"justification\""))

        try "- rule: a11y.image-alt\n  selector: 'img + p'\n  reason: x\n".write(
            to: suppressions,
            atomically: true,
            encoding: .utf8
        )
        let refused = try await Self.portcullis([
            "scan", "--suppressions", suppressions.path, zoo.bad.httpURL.absoluteString,
        ])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("suppressions.yaml:1"), "\(refused.stderr)")
        #expect(refused.stderr.contains("sibling combinator"), "\(refused.stderr)")
        try await zoo.shutdown()
    }

    @Test func actReportRunsTheCorpusAndPrintsTheTable() async throws {
        let corpus = TestPaths.shared.appendingPathComponent("corpora/act").path
        let run = try await Self.portcullis(["act-report", corpus, "--act-rules", "23a2a8,b5c3f8"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("| 23a2a8 | Image has non-empty accessible name | a11y.image-alt"), "\(run.stdout)")
        #expect(run.stdout.contains("| b5c3f8 |"))
        #expect(run.stdout.contains("Agree on 25 of 25 cases"), "\(run.stdout)")
        let missing = try await Self.portcullis(["act-report", "/nonexistent-corpus"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("index.json"), "\(missing.stderr)")
    }

    @Test func whatMarkupCannotDecideIsListedForReviewAndNeverFailsTheGate() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("page.html")
        try """
        <!DOCTYPE html><html lang="en"><head><title>Clip</title></head>
        <body><main><h1>Harbour tour</h1><video src="tour.mp4" controls></video></main></body></html>
        """.write(to: page, atomically: true, encoding: .utf8)
        let run = try await Self.portcullis(["scan", "--format", "json", "--fail-on", "info", page.absoluteString])
        #expect(run.status == 0, "a needs-review item does not fail the gate: \(run.stderr)")
        #expect(run.stderr.contains("Needs review: 1"), "\(run.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let findings = try #require(object?["findings"] as? [[String: Any]])
        let caption = try #require(findings.first { $0["ruleId"] as? String == "a11y.video-caption" })
        #expect(caption["needsReview"] as? Bool == true)
        let verdict = try SchemaValidator.validate(Data(run.stdout.utf8), against: SchemaValidator.reportSchema)
        #expect(verdict.isValid, "\(verdict.output)")
    }

    @Test func demoWritesReportsAndSummary() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try await Self.portcullis(["demo", "--no-color"], in: directory, seconds: 90)
        #expect(run.status == 0, "\(run.stderr)")
        let output = directory.appendingPathComponent("portcullis-demo")
        for file in ReportFormat.allCases.map(\.fileName) + ["demo-ca.pem"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(file).path), "\(file)")
        }
        // Exit 0, yet the reports show what a gate at high fails: the demo's broken providers.
        let junit = try String(
            contentsOf: output.appendingPathComponent("portcullis-report.junit.xml"),
            encoding: .utf8
        )
        #expect(junit.contains("<failure message="))
        let report = try Data(contentsOf: output.appendingPathComponent("portcullis-report.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: report) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let rules = Set(findings.compactMap { $0["ruleId"] as? String })
        #expect(
            rules.isSuperset(of: [
                "headers.csp-missing", "headers.hsts-missing", "a11y.image-alt", "a11y.html-has-lang",
                "sso.rp.state-missing", "sso.rp.implicit-or-hybrid-flow", "sso.idp.redirect-uri-tampering",
                "sso.saml.acs-not-https",
            ])
        )
        #expect(run.stdout.contains("Top findings"))
        let sarif = try Data(contentsOf: output.appendingPathComponent("portcullis-report.sarif"))
        let sarifVerdict = try SchemaValidator.validate(sarif, against: SchemaValidator.sarifSchema)
        #expect(sarifVerdict.isValid, "\(sarifVerdict.output)")
        let jsonVerdict = try SchemaValidator.validate(report, against: SchemaValidator.reportSchema)
        #expect(jsonVerdict.isValid, "\(jsonVerdict.output)")
        #expect(run.stdout.contains("Targets: 6 scanned, 0 failed"), "\(run.stdout)")
    }

    @Test func planFileScansEveryProvider() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let zoo = try await DemoProviderZoo.start()
        defer { Task { try? await zoo.shutdown() } }
        try zoo.writeCACertificate(to: directory.appendingPathComponent("ca.pem"))
        let plan = directory.appendingPathComponent("plan.yaml")
        try Data(
            """
            ca-file: ca.pem
            defaults:
              max-pages: 60
              rate: 0
            providers:
              - name: good
                entry: [\(zoo.good.httpsURL.absoluteString)]
              - name: bad
                entry: \(zoo.bad.httpURL.absoluteString)
                max-depth: 2
            """.utf8
        ).write(to: plan)
        let run = try await Self.portcullis(
            ["scan", "--plan", plan.path, "--format", "json", "--fail-on", "none"],
            seconds: 90
        )
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let crawls = try #require(report["crawls"] as? [[String: Any]])
        #expect(crawls.compactMap { $0["provider"] as? String } == ["bad", "good"])
        #expect(crawls.allSatisfy { ($0["pages"] as? Int ?? 0) > 1 })
        #expect(run.stderr.contains("crawled good: "), "a plain progress line per provider when stderr is no terminal")
        try await zoo.shutdown()
    }

    @Test func ssoOnlyScanOfAPlanWithAnSSOBlock() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let zoo = try await DemoProviderZoo.start()
        defer { Task { try? await zoo.shutdown() } }
        try zoo.writeCACertificate(to: directory.appendingPathComponent("ca.pem"))
        let bad = zoo.sso.badRelyingParty.httpsURL.absoluteString
        let plan = directory.appendingPathComponent("plan.yaml")
        try Data(
            """
            ca-file: ca.pem
            providers:
              - name: bad-rp
                entry: \(bad)
                max-pages: 5
                sso:
                  protected: [\(bad)account, \(bad)admin]
                  issuer: \(zoo.sso.laxIdentityProvider.absoluteString)
                  logout: \(bad)logout
            """.utf8
        ).write(to: plan)
        let run = try await Self.portcullis(
            ["scan", "--plan", plan.path, "--only", "sso", "--format", "json", "--fail-on", "high"],
            seconds: 90
        )
        #expect(run.status == 1, "high findings fail the gate: \(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        let rules = Set(findings.compactMap { $0["ruleId"] as? String })
        #expect(rules.isSuperset(of: ["sso.rp.state-missing", "sso.rp.open-redirect", "sso.idp.alg-none"]))
        #expect(rules.allSatisfy { $0.hasPrefix("sso.") }, "--only sso runs nothing else: \(rules)")
        try await zoo.shutdown()
    }

    @Test func invalidPlanNamesFileAndLine() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = directory.appendingPathComponent("plan.yaml")
        try Data("providers:\n  - name: a\n    entry: https://127.0.0.1:1/\n    max-pages: many\n".utf8).write(to: plan)
        let run = try await Self.portcullis(["scan", "--plan", plan.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("plan.yaml:4"), "\(run.stderr)")
        #expect(run.stderr.contains("'max-pages' must be a number"))
    }

    @Test func headerSecretsNeverReachOutputOrReports() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let zoo = try await DemoProviderZoo.start()
        defer { Task { try? await zoo.shutdown() } }
        let secret = "s3cr3t-session-value-4711"
        let run = try await Self.portcullis(
            [
                "scan", "-v", "--header", "Cookie: env:PORTCULLIS_TEST_COOKIE", "--header",
                "Authorization: Bearer \(secret)x",
                "--output", directory.path, "--fail-on", "none", "--max-pages", "20", "--rate", "0",
                zoo.bad.httpURL.absoluteString,
            ],
            environment: ["PORTCULLIS_TEST_COOKIE": "session=\(secret)"]
        )
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains(secret))
        #expect(!run.stderr.contains(secret))
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains(secret), "\(file)")
        }
        try await zoo.shutdown()
    }

    @Test func explainEvaluatesAPolicyOffline() async throws {
        let text = try await Self.portcullis(["explain", "csp", "script-src 'unsafe-inline' https:; object-src 'none'"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("csp.script-unsafe-inline (csp-evaluator SCRIPT_UNSAFE_INLINE)"))
        #expect(text.stdout.contains("csp.plain-url-schemes"))
        let json = try await Self.portcullis([
            "explain", "csp", "--format", "json", "--header", "Strict-Transport-Security: max-age=60",
            "default-src 'none'; frame-ancestors 'none'",
        ])
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let rules = Set(findings.compactMap { $0["ruleID"] as? String })
        #expect(rules.contains("headers.hsts-max-age-below-six-months"), "\(rules)")
        #expect(!rules.contains("headers.anti-framing-missing"), "frame-ancestors protects")
    }

    @Test func rulesListAndShow() async throws {
        let list = try await Self.portcullis(["rules", "list"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("headers.csp-missing"))
        let filtered = try await Self.portcullis(["rules", "list", "--profile", "scheduled"])
        #expect(!filtered.stdout.contains("a11y."))
        let show = try await Self.portcullis(["rules", "show", "a11y.image-alt"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("1.1.1"))
        #expect(show.stdout.contains("Remediation"))
    }
}
