import Foundation
import PortcullisCore
import Reporting
import TestSupport
import Testing

@Suite struct BaselineComparisonTests {
    /// The fixture scan with its findings replaced.
    private func result(_ findings: [Finding]) -> ScanResult {
        var result = Fixtures.result()
        result.findings = findings
        return result
    }

    private func finding(_ fingerprint: String) throws -> Finding {
        try #require(Fixtures.findings.first { $0.fingerprint == fingerprint })
    }

    /// A baseline from which, compared with `Fixtures.result()`, `fp-sso-1` is new, `fp-tls-1` updated (it was
    /// medium) and `fp-fixed` fixed; everything else is unchanged.
    private func changedBaseline() throws -> ScanResult {
        var baselineFindings = Fixtures.findings.filter { $0.fingerprint != "fp-sso-1" }
        let index = try #require(baselineFindings.firstIndex { $0.fingerprint == "fp-tls-1" })
        baselineFindings[index].severity = .medium
        baselineFindings.append(
            Finding(
                ruleID: "headers.hsts-missing",
                title: "HSTS missing",
                severity: .medium,
                family: .headers,
                origin: "https://a.example",
                message: "gone now",
                locations: [Location(url: "https://a.example/")],
                fingerprint: "fp-fixed"
            )
        )
        return result(baselineFindings)
    }

    @Test func identicalScansAreAllUnchanged() {
        let comparison = BaselineComparison(baseline: Fixtures.result(), current: Fixtures.result())
        #expect(comparison.new.isEmpty && comparison.fixed.isEmpty && comparison.updated.isEmpty)
        #expect(comparison.unchanged.count == Fixtures.findings.count)
        #expect(comparison.warnings.isEmpty)
    }

    @Test func classifiesNewFixedUpdatedAndUnchanged() throws {
        let comparison = BaselineComparison(baseline: try changedBaseline(), current: Fixtures.result())
        #expect(comparison.new.map(\.fingerprint) == ["fp-sso-1"])
        #expect(comparison.fixed.map(\.fingerprint) == ["fp-fixed"])
        #expect(comparison.updated.map(\.fingerprint) == ["fp-tls-1"])
        #expect(comparison.unchanged.count == Fixtures.findings.count - 2)
        #expect(comparison.state(ofFingerprint: "fp-sso-1") == .new)
        #expect(comparison.state(ofFingerprint: "fp-fixed") == .absent)
        #expect(comparison.state(ofFingerprint: "fp-tls-1") == .updated)
        #expect(comparison.state(ofFingerprint: "fp-a11y-1") == .unchanged)
        #expect(comparison.state(ofFingerprint: "nothing") == nil)
    }

    @Test func moreOccurrencesAreAnUpdate() throws {
        var grown = try finding("fp-a11y-1")
        grown.locations.append(Location(url: "https://a.example/c", elementPath: "/html/body/img[1]"))
        grown.occurrences += 1
        let comparison = BaselineComparison(baseline: result([try finding("fp-a11y-1")]), current: result([grown]))
        #expect(comparison.updated.map(\.fingerprint) == ["fp-a11y-1"])
        #expect(comparison.unchanged.isEmpty)
    }

    @Test func orderIsDeterministicWhateverTheInputOrder() {
        let forward = BaselineComparison(baseline: result([]), current: result(Fixtures.findings))
        let backward = BaselineComparison(baseline: result([]), current: result(Fixtures.findings.reversed()))
        #expect(forward == backward)
        #expect(forward.new.first?.severity == .critical, "most severe first")
    }

    @Test func gateCountsOnlyNewUnsuppressedFindingsAtOrAboveTheThreshold() throws {
        var suppressed = try finding("fp-sso-1")
        suppressed.suppression = "accepted"
        let current = result([suppressed, try finding("fp-tls-1"), try finding("fp-a11y-1")])
        let comparison = BaselineComparison(baseline: result([try finding("fp-tls-1")]), current: current)
        #expect(comparison.newFindings(atOrAbove: .high).isEmpty, "the high one is old, the critical one suppressed")
        #expect(comparison.newFindings(atOrAbove: .low).map(\.fingerprint) == ["fp-a11y-1"])
    }

    @Test func baselineOfOtherTargetsStillComparesWithAWarning() {
        var other = Fixtures.result()
        other.targets = [TargetResult(provider: "zulu", url: "https://z.example", status: .scanned)]
        let comparison = BaselineComparison(baseline: other, current: Fixtures.result())
        #expect(comparison.unchanged.count == Fixtures.findings.count)
        #expect(comparison.warnings.count == 1)
        #expect(comparison.warnings.first?.contains("zulu") == true)
    }

    @Test func diffTextListsCountsAndNewFindingsNeutralised() throws {
        let comparison = BaselineComparison(baseline: result([]), current: result([try finding("fp-a11y-1")]))
        let text = BaselineDiffReport.text(comparison)
        #expect(text.hasPrefix("Since baseline: 1 new, 0 fixed, 0 unchanged, 0 updated\n"))
        #expect(text.contains("a11y.image-alt"))
        #expect(!text.contains("\u{1B}"), "terminal escapes from a scanned page never reach the terminal")
        let json = try Fixtures.object(try BaselineDiffReport.json(comparison))
        let counts = try #require(json["counts"] as? [String: Int])
        #expect(counts == ["new": 1, "fixed": 0, "unchanged": 0, "updated": 0])
    }

    @Test func sarifCarriesBaselineStatesAndAbsentResultsAndMatchesTheOASISSchema() throws {
        let data = try SARIFReporter.render(Fixtures.result(), baseline: try changedBaseline())
        let outcome = try SchemaValidator.validate(data, against: SchemaValidator.sarifSchema)
        #expect(outcome.isValid, "\(outcome.output)")
        let runs = try #require(Fixtures.object(data)["runs"] as? [[String: Any]])
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        var states: [String: String] = [:]
        for result in results {
            let fingerprints = try #require(result["partialFingerprints"] as? [String: String])
            let fingerprint = try #require(fingerprints[SARIFReporter.fingerprintKey])
            states[fingerprint] = result["baselineState"] as? String
        }
        #expect(states["fp-sso-1"] == "new")
        #expect(states["fp-tls-1"] == "updated")
        #expect(states["fp-a11y-1"] == "unchanged")
        #expect(states["fp-fixed"] == "absent")
        #expect(results.count == Fixtures.findings.count + 1)
        let plain = try Fixtures.object(try SARIFReporter.render(Fixtures.result()))
        #expect(!String(describing: plain).contains("baselineState"), "no baseline, no baselineState")
    }
}
