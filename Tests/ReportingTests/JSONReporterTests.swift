import Foundation
import PortcullisCore
import Reporting
import TestSupport
import Testing

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
        #expect(report["schemaVersion"] as? String == "1.5.0")
        #expect(JSONReporter.schemaVersion == "1.5.0")
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
}
