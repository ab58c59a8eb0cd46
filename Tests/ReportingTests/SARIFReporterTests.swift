import Foundation
import PortcullisCore
import Reporting
import TestSupport
import Testing

@Suite struct SARIFReporterTests {
    private func results(_ data: Data) throws -> (run: [String: Any], results: [[String: Any]], rules: [[String: Any]])
    {
        let log = try Fixtures.object(data)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let run = try #require(runs.first)
        let tool = try #require(run["tool"] as? [String: Any])
        let driver = try #require(tool["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        return (run, results, rules)
    }

    @Test func logMatchesTheOASISSchema() throws {
        for result in [Fixtures.result(), Fixtures.cleanResult()] {
            let outcome = try SchemaValidator.validate(
                try SARIFReporter.render(result),
                against: SchemaValidator.sarifSchema
            )
            #expect(outcome.isValid, "\(outcome.output)")
        }
    }

    @Test func schemaRejectsABrokenLog() throws {
        var log = try Fixtures.object(try SARIFReporter.render(Fixtures.result()))
        var runs = try #require(log["runs"] as? [[String: Any]])
        var results = try #require(runs[0]["results"] as? [[String: Any]])
        results[0]["level"] = "fatal"
        runs[0]["results"] = results
        log["runs"] = runs
        let broken = try JSONSerialization.data(withJSONObject: log)
        let outcome = try SchemaValidator.validate(broken, against: SchemaValidator.sarifSchema)
        #expect(outcome.isInvalid, "\(outcome.output)")
        #expect(outcome.output.contains("fatal"))
    }

    @Test func headerNamesSchemaVersionAndTool() throws {
        let log = try Fixtures.object(try SARIFReporter.render(Fixtures.result()))
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(log["version"] as? String == "2.1.0")
        let run = try results(try SARIFReporter.render(Fixtures.result())).run
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "Portcullis")
        #expect(driver["semanticVersion"] as? String == ToolInfo.currentVersion)
        #expect(driver["informationUri"] as? String == ToolInfo.homepage)
    }

    @Test func renderingIsDeterministicWhateverTheInputOrder() throws {
        let result = Fixtures.result()
        var shuffled = result
        shuffled.findings.reverse()
        shuffled.problems.reverse()
        shuffled.rules.reverse()
        let first = try SARIFReporter.render(result)
        #expect(first == (try SARIFReporter.render(result)))
        #expect(first == (try SARIFReporter.render(shuffled)))
    }

    @Test(arguments: [
        (Severity.critical, "error", "9.5"), (.high, "error", "8.0"), (.medium, "warning", "5.5"),
        (.low, "note", "3.0"), (.info, "note", "0.0"),
    ])
    func severityMapsToLevelAndScore(severity: Severity, level: String, score: String) {
        #expect(SARIFReporter.level(for: severity) == level)
        #expect(SARIFReporter.securitySeverity(for: severity) == score)
    }

    @Test func everyResultHasItsLevelRuleIndexAndFingerprint() throws {
        let (_, results, rules) = try results(try SARIFReporter.render(Fixtures.result()))
        #expect(results.count == 6)
        let severities = Dictionary(uniqueKeysWithValues: Fixtures.findings.map { ($0.fingerprint, $0.severity) })
        for result in results {
            let fingerprints = try #require(result["partialFingerprints"] as? [String: String])
            let fingerprint = try #require(fingerprints["portcullisFingerprint/v1"])
            let severity = try #require(severities[fingerprint])
            #expect(result["level"] as? String == SARIFReporter.level(for: severity))
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            let properties = try #require(result["properties"] as? [String: Any])
            #expect(properties["severity"] as? String == severity.rawValue)
            #expect(properties["origin"] as? String != nil)
        }
    }

    @Test func rulesCarryHelpTagsAndTheScanSeverity() throws {
        let rules = try results(try SARIFReporter.render(Fixtures.result())).rules
        #expect(rules.compactMap { $0["id"] as? String } == Fixtures.rules.map(\.id.rawValue).sorted())
        let tls = try #require(rules.first { $0["id"] as? String == "tls.protocol.tls10-enabled" })
        #expect(tls["name"] as? String == "TlsProtocolTls10Enabled")
        #expect(tls["helpUri"] as? String == "https://cwe.mitre.org/data/definitions/327.html")
        let help = try #require(tls["help"] as? [String: String])
        #expect(help["text"]?.contains("Disable TLS 1.0 and 1.1.") == true)
        #expect(help["markdown"]?.contains("[CWE-327](https://cwe.mitre.org/data/definitions/327.html)") == true)
        let properties = try #require(tls["properties"] as? [String: Any])
        #expect(properties["tags"] as? [String] == ["tls", "protocol"])
        #expect(properties["security-severity"] as? String == "8.0")
        // One csp finding was raised to high by the profile: the rule reports the scan's severity.
        let csp = try #require(rules.first { $0["id"] as? String == "headers.csp-missing" })
        #expect((csp["properties"] as? [String: Any])?["security-severity"] as? String == "8.0")
        #expect((csp["defaultConfiguration"] as? [String: String])?["level"] == "error")
    }

    @Test func locationsCarryElementPathsAndAreCapped() throws {
        let results = try results(try SARIFReporter.render(Fixtures.result())).results
        let a11y = try #require(results.first { $0["ruleId"] as? String == "a11y.image-alt" })
        let locations = try #require(a11y["locations"] as? [[String: Any]])
        #expect(locations.count == 2)
        let logical = try #require(locations[0]["logicalLocations"] as? [[String: String]])
        #expect(logical == [["fullyQualifiedName": "/html/body/main/img[1]", "kind": "element"]])
        let physical = try #require(locations[0]["physicalLocation"] as? [String: [String: String]])
        #expect(physical["artifactLocation"]?["uri"] == "https://a.example/a")

        let big = try #require(results.first { ($0["locations"] as? [Any])?.count ?? 0 > 2 })
        #expect((big["locations"] as? [Any])?.count == SARIFReporter.maximumLocationsPerResult)
        let properties = try #require(big["properties"] as? [String: Any])
        #expect(properties["locationCount"] as? Int == 60)
        #expect(properties["locationsTruncated"] as? Bool == true)
    }

    @Test func problemsBecomeErrorNotifications() throws {
        let run = try results(try SARIFReporter.render(Fixtures.result())).run
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == true)
        #expect(invocation["startTimeUtc"] as? String == "2025-06-15T15:06:40.250Z")
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.count == 2)
        #expect(notifications.allSatisfy { $0["level"] as? String == "error" })
        let refused = try #require(
            notifications.first { ($0["descriptor"] as? [String: String])?["id"] == "connection-refused" }
        )
        let location = try #require((refused["locations"] as? [[String: Any]])?.first)
        #expect(
            (location["physicalLocation"] as? [String: [String: String]])?["artifactLocation"]?["uri"]
                == "https://b.example"
        )
    }

    @Test func executionFailsWhenNothingWasScanned() throws {
        var result = Fixtures.result()
        result.targets = result.targets.map {
            var target = $0
            target.status = .failed
            return target
        }
        let run = try results(try SARIFReporter.render(result)).run
        #expect((run["invocations"] as? [[String: Any]])?.first?["executionSuccessful"] as? Bool == false)
    }

    @Test func findingWithAnUndescribedRuleStillGetsADescriptor() throws {
        var result = Fixtures.result()
        result.rules.removeAll { $0.id == "sso.rp.state-missing" }
        let data = try SARIFReporter.render(result)
        let (_, results, rules) = try results(data)
        let sso = try #require(results.first { $0["ruleId"] as? String == "sso.rp.state-missing" })
        let index = try #require(sso["ruleIndex"] as? Int)
        #expect(rules[index]["id"] as? String == "sso.rp.state-missing")
        let outcome = try SchemaValidator.validate(data, against: SchemaValidator.sarifSchema)
        #expect(outcome.isValid, "\(outcome.output)")
    }

    @Test func pascalCaseNames() {
        #expect(SARIFReporter.pascalCaseName("headers.csp-missing") == "HeadersCspMissing")
        #expect(SARIFReporter.pascalCaseName("a11y.image_alt") == "A11yImageAlt")
    }
}
