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
        // The rule's tags, `security`, then the CWE; the RFC is a link, not a control, so it has no tag.
        #expect(properties["tags"] as? [String] == ["tls", "protocol", "security", "external/cwe/cwe-327"])
        let a11y = try #require(rules.first { $0["id"] as? String == "a11y.image-alt" })
        #expect(
            (a11y["properties"] as? [String: Any])?["tags"] as? [String] == [
                "wcag2a", "accessibility", "external/wcag2.2/1.1.1",
            ]
        )
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

    @Test func complianceReferencesBecomeExternalTags() throws {
        let rule = Rule(
            id: "tls.cipher.rc4",
            title: "RC4",
            severity: .high,
            family: .tls,
            description: "RC4 is broken.",
            remediation: "Disable RC4.",
            references: [
                Reference(kind: .cwe, id: "CWE-327"),
                Reference(kind: .owaspASVS, id: "V9.1.3"),
                Reference(kind: .nist, id: "SP 800-52r2 §3.3.1"),
                Reference(kind: .pciDSS, id: "4.2.1"),
                Reference(kind: .rfc, id: "RFC 7465"),
                Reference(kind: .mozilla, id: "https://wiki.mozilla.org/Security/Server_Side_TLS"),
                Reference(kind: .cwe, id: "CWE-327"),
            ],
            tags: ["tls", "security"]
        )
        var result = Fixtures.cleanResult()
        result.rules = [rule]
        let rules = try results(try SARIFReporter.render(result)).rules
        #expect(
            (rules.first?["properties"] as? [String: Any])?["tags"] as? [String] == [
                "tls", "security", "external/cwe/cwe-327", "external/asvs4.0.3/v9.1.3",
                "external/nist/sp-800-52r2-3.3.1", "external/pci-dss4.0/4.2.1",
            ]
        )
    }

    @Test func waivedFindingsAreAcceptedExternalSuppressionsWithTheirJustification() throws {
        var result = Fixtures.result()
        let index = try #require(result.findings.firstIndex { $0.fingerprint == "fp-csp-2" })
        result.findings[index] = JSONReporterTests.waived(result.findings[index])
        // A finding read from an old report has only the label.
        result.findings[0].suppression = "accepted risk (waivers.yaml:9)"
        let data = try SARIFReporter.render(result)
        let outcome = try SchemaValidator.validate(data, against: SchemaValidator.sarifSchema)
        #expect(outcome.isValid, "\(outcome.output)")
        let results = try results(data).results
        #expect(results.filter { $0["suppressions"] != nil }.count == 2)
        let csp = try #require(
            results.first { ($0["partialFingerprints"] as? [String: String])?.values.first == "fp-csp-2" }
        )
        let suppressions = try #require(csp["suppressions"] as? [[String: Any]])
        #expect(suppressions.count == 1)
        let suppression = try #require(suppressions.first)
        #expect(suppression["kind"] as? String == "external")
        #expect(suppression["status"] as? String == "accepted")
        let justification = try #require(suppression["justification"] as? String)
        for part in ["Legacy <app> \"retiring\" in Q3", "web-team@example.org", "SEC-42", "2027-03-31"] {
            #expect(justification.contains(part), "\(justification)")
        }
        #expect(
            suppression["properties"] as? [String: String] == [
                "reason": "Legacy <app> \"retiring\" in Q3", "owner": "web-team@example.org", "ticket": "SEC-42",
                "expires": "2027-03-31", "source": "waivers.yaml:3",
            ]
        )
        let a11y = try #require(results.first { $0["ruleId"] as? String == "a11y.image-alt" })
        let plain = try #require((a11y["suppressions"] as? [[String: Any]])?.first)
        #expect(plain["justification"] as? String == "accepted risk (waivers.yaml:9)")
        #expect(plain["properties"] == nil)
    }

    @Test func baselineStatesComeFromTheOptions() throws {
        let comparison = BaselineComparison(baseline: JSONReporterTests.baseline(), current: Fixtures.result())
        let data = try ReportFormat.sarif.render(Fixtures.result(), options: ReportOptions(baseline: comparison))
        #expect(data == (try SARIFReporter.render(Fixtures.result(), baseline: JSONReporterTests.baseline())))
        let results = try results(data).results
        var states: [String: String] = [:]
        for result in results {
            let fingerprint = try #require((result["partialFingerprints"] as? [String: String])?.values.first)
            states[fingerprint] = result["baselineState"] as? String
        }
        #expect(
            states == [
                "fp-a11y-1": "new", "fp-csp-1": "updated", "fp-gone": "absent", "fp-sso-1": "unchanged",
                "fp-tls-1": "unchanged", "fp-crawl-1": "unchanged", "fp-csp-2": "unchanged",
            ]
        )
        #expect(results.last?["baselineState"] as? String == "absent")
        let plain = try Fixtures.object(try ReportFormat.sarif.render(Fixtures.result(), options: ReportOptions()))
        #expect(!String(describing: plain).contains("baselineState"))
    }

    @Test func needsReviewIsAReviewNote() throws {
        var result = Fixtures.result()
        let index = try #require(result.findings.firstIndex { $0.fingerprint == "fp-sso-1" })
        result.findings[index].needsReview = true
        let results = try results(try SARIFReporter.render(result)).results
        let sso = try #require(results.first { $0["ruleId"] as? String == "sso.rp.state-missing" })
        #expect(sso["kind"] as? String == "review")
        #expect(sso["level"] as? String == "note")
    }

    @Test func resultsAreStreamedInReportOrderWithSortedLocations() throws {
        var result = Fixtures.result()
        result.findings.reverse()
        for index in result.findings.indices { result.findings[index].locations.reverse() }
        let results = try results(try SARIFReporter.render(result)).results
        #expect(
            results.compactMap { ($0["properties"] as? [String: Any])?["severity"] as? String } == [
                "critical", "high", "high", "medium", "low", "info",
            ]
        )
        let a11y = try #require(results.first { $0["ruleId"] as? String == "a11y.image-alt" })
        let uris = (a11y["locations"] as? [[String: Any]])?.compactMap {
            (($0["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: String])?["uri"]
        }
        #expect(uris == ["https://a.example/a", "https://a.example/b"])
        let big = try #require(results.first { ($0["locations"] as? [Any])?.count ?? 0 > 2 })
        let first = (big["locations"] as? [[String: Any]])?.first
        #expect(
            ((first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: String])?["uri"]
                == "https://c.example/page/0"
        )
    }
}
