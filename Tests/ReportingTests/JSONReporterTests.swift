import Foundation
import PortcullisCore
import TestSupport
import Testing

@testable import Reporting

@Suite struct JSONReporterTests {
    @Test func reportMatchesItsSchema() throws {
        for result in [Fixtures.result(), Fixtures.cleanResult()] {
            let outcome = try SchemaValidator.validate(
                try JSONReporter.render(result),
                against: SchemaValidator.reportSchema
            )
            #expect(outcome.isValid, "\(outcome.output)")
        }
    }

    @Test func schemaRejectsABrokenReport() throws {
        var report = try Fixtures.object(try JSONReporter.render(Fixtures.result()))
        var findings = try #require(report["findings"] as? [[String: Any]])
        findings[0]["severity"] = "fatal"
        report["findings"] = findings
        report["unexpected"] = true
        let broken = try JSONSerialization.data(withJSONObject: report)
        let outcome = try SchemaValidator.validate(broken, against: SchemaValidator.reportSchema)
        #expect(outcome.isInvalid, "\(outcome.output)")
        #expect(outcome.output.contains("fatal"))
    }

    @Test func schemaIDAndVersionMatchTheSchemaFile() throws {
        let schema = try Fixtures.object(try Data(contentsOf: SchemaValidator.reportSchema))
        #expect(schema["$id"] as? String == JSONReporter.schemaID)
        let report = try Fixtures.object(try JSONReporter.render(Fixtures.result()))
        #expect(report["$schema"] as? String == JSONReporter.schemaID)
        #expect(report["schemaVersion"] as? String == "1.6.0")
        #expect(JSONReporter.schemaVersion == "1.6.0")
    }

    @Test func renderingIsDeterministicWhateverTheInputOrder() throws {
        let result = Fixtures.result()
        var shuffled = result
        shuffled.findings.reverse()
        shuffled.findings[0].locations.reverse()
        shuffled.problems.reverse()
        shuffled.rules.reverse()
        let first = try JSONReporter.render(result)
        #expect(first == (try JSONReporter.render(result)))
        #expect(first == (try JSONReporter.render(shuffled)))
    }

    @Test func summaryCountsEverySeverityAndFamily() throws {
        let report = try Fixtures.object(try JSONReporter.render(Fixtures.result()))
        let summary = try #require(report["summary"] as? [String: Any])
        let bySeverity = try #require(summary["bySeverity"] as? [String: Int])
        #expect(bySeverity == ["critical": 1, "high": 2, "medium": 1, "low": 1, "info": 1])
        let byFamily = try #require(summary["byFamily"] as? [String: Int])
        #expect(byFamily == ["headers": 2, "csp": 0, "tls": 1, "sso": 1, "accessibility": 1, "crawl": 1])
        #expect(summary["targetsScanned"] as? Int == 2)
        #expect(summary["targetsFailed"] as? Int == 1)
        #expect(summary["findings"] as? Int == 6)
        #expect(summary["problems"] as? Int == 2)

        let clean = try Fixtures.object(try JSONReporter.render(Fixtures.cleanResult()))
        let cleanSummary = try #require(clean["summary"] as? [String: Any])
        #expect(
            cleanSummary["bySeverity"] as? [String: Int] == [
                "critical": 0, "high": 0, "medium": 0, "low": 0, "info": 0,
            ]
        )
    }

    @Test func findingsComeMostSevereFirstWithSortedLocations() throws {
        let report = try Fixtures.object(try JSONReporter.render(Fixtures.result()))
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(
            findings.compactMap { $0["severity"] as? String } == ["critical", "high", "high", "medium", "low", "info"]
        )
        #expect(
            findings.compactMap { $0["ruleId"] as? String }.prefix(3) == [
                "sso.rp.state-missing", "headers.csp-missing", "tls.protocol.tls10-enabled",
            ]
        )
        let a11y = try #require(findings.first { $0["ruleId"] as? String == "a11y.image-alt" })
        let locations = try #require(a11y["locations"] as? [[String: Any]])
        #expect(locations.compactMap { $0["url"] as? String } == ["https://a.example/a", "https://a.example/b"])
        #expect(locations[0]["elementPath"] as? String == "/html/body/main/img[1]")
    }

    @Test func hostileTextRoundTripsExactlyAndSlashesStayUnescaped() throws {
        let data = try JSONReporter.render(Fixtures.result())
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"url\" : \"https://a.example/login\""))
        #expect(!text.contains("\\/"))
        #expect(!data.contains(0x1B))
        let report = try Fixtures.object(data)
        let findings = try #require(report["findings"] as? [[String: Any]])
        let a11y = try #require(findings.first { $0["ruleId"] as? String == "a11y.image-alt" })
        #expect(a11y["message"] as? String == Fixtures.hostileMessage)
        let locations = try #require(a11y["locations"] as? [[String: Any]])
        #expect(locations[1]["snippet"] as? String == Fixtures.hostileSnippet)
    }

    @Test func scanTimesAreISO8601UTC() throws {
        let report = try Fixtures.object(try JSONReporter.render(Fixtures.result()))
        let scan = try #require(report["scan"] as? [String: Any])
        #expect(scan["startedAt"] as? String == "2025-06-15T15:06:40.250Z")
        #expect(scan["finishedAt"] as? String == "2025-06-15T15:06:52.750Z")
        #expect(scan["durationSeconds"] as? Double == 12.5)
        #expect(scan["profile"] as? String == "onboarding")
    }

    @Test func rulesAreListedSortedWithReferences() throws {
        let report = try Fixtures.object(try JSONReporter.render(Fixtures.result()))
        let rules = try #require(report["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids == ids.sorted())
        #expect(ids.count == 5)
        let tls = try #require(rules.first { $0["id"] as? String == "tls.protocol.tls10-enabled" })
        let references = try #require(tls["references"] as? [[String: String]])
        #expect(references.first?["url"] == "https://cwe.mitre.org/data/definitions/327.html")
        #expect(tls["tags"] as? [String] == ["tls", "protocol"])
    }

    // MARK: Streaming writer

    @Test func streamedFindingsAreByteIdenticalToJSONEncoder() throws {
        var result = HostileFixture.result()
        result.findings += Fixtures.findings + [JSONReporterTests.waived(Fixtures.findings[5])]
        result.findings[1].needsReview = true
        let text = String(decoding: try JSONReporter.render(result), as: UTF8.self)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let documents = ReportOrder.findings(result.findings).map(JSONReportDocument.Finding.init)
        let encoded = String(decoding: try encoder.encode(documents), as: UTF8.self)
        // The findings array sits one level deep: indent every non-blank line after the first by two spaces.
        let indented = encoded.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 || $0.element.isEmpty ? String($0.element) : "  " + $0.element }
            .joined(separator: "\n")
        #expect(text.contains("\n  \"findings\" : \(indented),\n  \"grades\" : "))
        #expect(text.contains("\"waiver\" : {"))
    }

    @Test func everyControlCharacterIsEscapedAndEverythingElsePassesThrough() throws {
        let scalars = (0..<0x80).compactMap(Unicode.Scalar.init) + ["\u{9B}", "\u{2028}", "\u{FEFF}", "\u{1F600}"]
        var nasty = ""
        nasty.unicodeScalars.append(contentsOf: scalars)
        var result = Fixtures.cleanResult()
        result.findings = [
            Finding(
                ruleID: "a11y.image-alt",
                title: nasty,
                severity: .low,
                family: .accessibility,
                origin: "https://a.example",
                message: nasty,
                locations: [Location(url: "https://a.example/x", elementPath: nasty, snippet: nasty)],
                fingerprint: nasty
            )
        ]
        let data = try JSONReporter.render(result)
        // No raw control byte but the layout's newlines; `/` and every non-ASCII scalar written as is.
        #expect(!data.contains { $0 < 0x20 && $0 != 0x0A })
        let text = String(decoding: data, as: UTF8.self)
        let expectedEscapes =
            #""\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010"#
            + ##"\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f !\"#$%&'()*+,-./"##
        #expect(text.contains(expectedEscapes))
        #expect(text.contains(#"Z[\\]^_`a"#))
        #expect(text.contains("~\u{7F}\u{9B}\u{2028}\u{FEFF}\u{1F600}\""))
        #expect(!text.contains(#"\/"#))
        let finding = try #require((try Fixtures.object(data)["findings"] as? [[String: Any]])?.first)
        #expect(finding["message"] as? String == nasty)
        #expect(finding["fingerprint"] as? String == nasty)
        let location = try #require((finding["locations"] as? [[String: String]])?.first)
        #expect(location["snippet"] == nasty)
        #expect(location["elementPath"] == nasty)
        #expect(try SchemaValidator.validate(data, against: SchemaValidator.reportSchema).isValid)
    }

    @Test func writingToAFileGivesTheSameBytesAsInMemory() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Enough findings that the file-backed stream flushes several times.
        var result = Fixtures.result()
        result.findings = (0..<6000).map { index in
            var finding = Fixtures.findings[index % Fixtures.findings.count]
            finding.fingerprint = "fp-\(index)"
            return finding
        }
        let url = directory.appendingPathComponent("report.json")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        let stream = ReportStream(writingTo: handle, path: url.path)
        try JSONReporter.write(result, options: ReportOptions(), to: stream)
        try stream.flush()
        try handle.close()
        let written = try Data(contentsOf: url)
        #expect(written.count > 2 * ReportStream.flushThreshold)
        #expect(written == (try JSONReporter.render(result)))
    }

    @Test func aNonFiniteNumberIsAnErrorNotACrash() throws {
        var result = Fixtures.result()
        result.crawls = [CrawlSummary(provider: "alpha", durationSeconds: .nan)]
        #expect(throws: EncodingError.self) { try JSONReporter.render(result) }
        #expect(throws: (any Error).self) { try ReportFormat.json.render(result) }
    }

    // MARK: Waivers (1.6.0)

    static let waiver = Suppression(
        rule: "headers.csp-*",
        url: "^https://c\\.example/",
        reason: "Legacy <app> \"retiring\" in Q3",
        source: "waivers.yaml:3",
        owner: "web-team@example.org",
        ticket: "SEC-42",
        expires: "2027-03-31",
        provider: "charlie"
    )

    static func waived(_ finding: Finding, by waiver: Suppression = waiver) -> Finding {
        var finding = finding
        finding.waiver = waiver
        finding.suppression = waiver.label
        return finding
    }

    @Test func waivedFindingsCarryTheirWaiverEntry() throws {
        var result = Fixtures.result()
        result.findings[5] = Self.waived(result.findings[5])
        result.findings[0] = Self.waived(
            result.findings[0],
            by: Suppression(rule: "a11y.image-alt", reason: "decorative")
        )
        let data = try JSONReporter.render(result)
        let outcome = try SchemaValidator.validate(data, against: SchemaValidator.reportSchema)
        #expect(outcome.isValid, "\(outcome.output)")
        let findings = try #require(try Fixtures.object(data)["findings"] as? [[String: Any]])
        let csp = try #require(findings.first { $0["fingerprint"] as? String == "fp-csp-2" })
        #expect(
            csp["waiver"] as? [String: String] == [
                "rule": "headers.csp-*", "url": "^https://c\\.example/", "reason": "Legacy <app> \"retiring\" in Q3",
                "source": "waivers.yaml:3", "owner": "web-team@example.org", "ticket": "SEC-42",
                "expires": "2027-03-31", "provider": "charlie",
            ]
        )
        #expect(csp["suppression"] as? String == Self.waiver.label)
        let a11y = try #require(findings.first { $0["fingerprint"] as? String == "fp-a11y-1" })
        #expect(a11y["waiver"] as? [String: String] == ["rule": "a11y.image-alt", "reason": "decorative"])
        #expect(findings.filter { $0["waiver"] != nil }.count == 2)
    }

    @Test func schemaRejectsAWaiverWithoutReason() throws {
        var result = Fixtures.result()
        result.findings[5] = Self.waived(result.findings[5])
        var report = try Fixtures.object(try JSONReporter.render(result))
        var findings = try #require(report["findings"] as? [[String: Any]])
        let index = try #require(findings.firstIndex { $0["waiver"] != nil })
        var waiver = try #require(findings[index]["waiver"] as? [String: Any])
        waiver["reason"] = nil
        findings[index]["waiver"] = waiver
        report["findings"] = findings
        let outcome = try SchemaValidator.validate(
            try JSONSerialization.data(withJSONObject: report),
            against: SchemaValidator.reportSchema
        )
        #expect(outcome.isInvalid, "\(outcome.output)")
        #expect(outcome.output.contains("reason"), "\(outcome.output)")
    }

    // MARK: Baseline (1.6.0)

    /// The fixture's baseline: the image-alt finding is new, fp-csp-1 changed its count, fp-gone was fixed.
    static func baseline() -> ScanResult {
        var baseline = Fixtures.result()
        baseline.findings.removeAll { $0.fingerprint == "fp-a11y-1" }
        if let index = baseline.findings.firstIndex(where: { $0.fingerprint == "fp-csp-1" }) {
            baseline.findings[index].occurrences = 3
        }
        baseline.findings.append(
            Finding(
                ruleID: "tls.protocol.tls10-enabled",
                title: "TLS 1.0 is enabled",
                severity: .high,
                family: .tls,
                origin: "https://gone.example",
                message: "The server negotiated TLSv1 \u{1B}[31m",
                locations: [Location(url: "https://gone.example/")],
                fingerprint: "fp-gone"
            )
        )
        return baseline
    }

    @Test func baselineSectionSaysWhatChanged() throws {
        let comparison = BaselineComparison(baseline: Self.baseline(), current: Fixtures.result())
        let data = try JSONReporter.render(Fixtures.result(), options: ReportOptions(baseline: comparison))
        let outcome = try SchemaValidator.validate(data, against: SchemaValidator.reportSchema)
        #expect(outcome.isValid, "\(outcome.output)")
        let section = try #require(try Fixtures.object(data)["baseline"] as? [String: Any])
        #expect(section["counts"] as? [String: Int] == ["new": 1, "updated": 1, "unchanged": 4, "fixed": 1])
        #expect(section["new"] as? [String] == ["fp-a11y-1"])
        #expect(section["updated"] as? [String] == ["fp-csp-1"])
        #expect(section["warnings"] as? [String] == [])
        let fixed = try #require(section["fixed"] as? [[String: Any]])
        #expect(fixed.count == 1)
        #expect(fixed.first?["fingerprint"] as? String == "fp-gone")
        #expect(fixed.first?["url"] as? String == "https://gone.example/")
        #expect(fixed.first?["message"] as? String == "The server negotiated TLSv1 \u{1B}[31m")
        #expect(fixed.first?["occurrences"] as? Int == 1)

        // Without a baseline there is no section, and a report read back re-renders without it.
        let plain = try JSONReporter.render(Fixtures.result())
        #expect(try Fixtures.object(plain)["baseline"] == nil)
        #expect(try JSONReporter.render(try JSONReportReader.read(data, file: "scan.json")) == plain)
    }

    @Test func baselineOfOtherProvidersIsWarnedAbout() throws {
        var other = Self.baseline()
        other.targets = [TargetResult(provider: "zulu", url: "https://z.example", status: .scanned)]
        let comparison = BaselineComparison(baseline: other, current: Fixtures.result())
        let data = try JSONReporter.render(Fixtures.result(), options: ReportOptions(baseline: comparison))
        let section = try #require(try Fixtures.object(data)["baseline"] as? [String: Any])
        let warnings = try #require(section["warnings"] as? [String])
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("no target in common") == true, "\(warnings)")
        #expect(try SchemaValidator.validate(data, against: SchemaValidator.reportSchema).isValid)
    }

    @Test func reportFormatWritesTheBaselineSectionFromItsOptions() throws {
        let comparison = BaselineComparison(baseline: Self.baseline(), current: Fixtures.result())
        let options = ReportOptions(baseline: comparison)
        #expect(
            try ReportFormat.json.render(Fixtures.result(), options: options)
                == (try JSONReporter.render(Fixtures.result(), options: options))
        )
        #expect(
            try Fixtures.object(try ReportFormat.json.render(Fixtures.result(), options: options))["baseline"] != nil
        )
    }
}
