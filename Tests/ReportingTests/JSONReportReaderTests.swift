import Foundation
import PortcullisCore
import Reporting
import Testing

@Suite struct JSONReportReaderTests {
    private func report() throws -> Data { try JSONReporter.render(Fixtures.result()) }

    /// Replaces `old` by `new` once in the report text, failing the test when `old` is not there.
    private func edited(_ old: String, _ new: String) throws -> Data {
        let text = String(decoding: try report(), as: UTF8.self)
        let range = try #require(text.range(of: old), "the fixture report contains \(old)")
        return Data(text.replacingCharacters(in: range, with: new).utf8)
    }

    private func readError(_ data: Data) -> ReportReadError? {
        do {
            _ = try JSONReportReader.read(data, file: "saved/scan.json")
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [false, true])
    func renderReadRenderGivesIdenticalJSON(clean: Bool) throws {
        let result = clean ? Fixtures.cleanResult() : Fixtures.result()
        let first = try JSONReporter.render(result)
        let read = try JSONReportReader.read(first, file: "scan.json")
        #expect(read.findings.count == result.findings.count)
        #expect(read.targets == result.targets)
        let second = try JSONReporter.render(read)
        #expect(String(decoding: second, as: UTF8.self) == String(decoding: first, as: UTF8.self))
    }

    @Test func waiversAreReadBackWithEveryDetailAndReRenderIdentically() throws {
        var result = Fixtures.result()
        let index = try #require(result.findings.firstIndex { $0.fingerprint == "fp-csp-2" })
        result.findings[index] = JSONReporterTests.waived(result.findings[index])
        let minimal = Suppression(rule: "a11y.*", selector: "header img", reason: "decorative")
        result.findings[0] = JSONReporterTests.waived(result.findings[0], by: minimal)
        let first = try JSONReporter.render(result)
        let read = try JSONReportReader.read(first, file: "scan.json")
        let csp = try #require(read.findings.first { $0.fingerprint == "fp-csp-2" })
        #expect(csp.waiver == JSONReporterTests.waiver)
        #expect(csp.waiver?.owner == "web-team@example.org")
        #expect(csp.waiver?.expires == "2027-03-31")
        #expect(csp.suppression == JSONReporterTests.waiver.label)
        let a11y = try #require(read.findings.first { $0.fingerprint == "fp-a11y-1" })
        #expect(a11y.waiver == minimal)
        #expect(read.findings.filter { $0.waiver != nil }.count == 2)
        #expect(try JSONReporter.render(read) == first)
    }

    @Test func aReportWithoutWaiverDetailsReadsTheLabelOnly() throws {
        var result = Fixtures.result()
        result.findings[0].suppression = "accepted risk (waivers.yaml:9)"
        let read = try JSONReportReader.read(try JSONReporter.render(result), file: "scan.json")
        let finding = try #require(read.findings.first { $0.fingerprint == result.findings[0].fingerprint })
        #expect(finding.suppression == "accepted risk (waivers.yaml:9)")
        #expect(finding.waiver == nil)
    }

    @Test func aReportWithABaselineSectionIsRead() throws {
        let comparison = BaselineComparison(baseline: JSONReporterTests.baseline(), current: Fixtures.result())
        let data = try JSONReporter.render(Fixtures.result(), options: ReportOptions(baseline: comparison))
        let read = try JSONReportReader.read(data, file: "scan.json")
        #expect(read.findings.count == Fixtures.findings.count)
    }

    @Test func readsFindingsWithTheirSeverityFingerprintAndLocations() throws {
        let read = try JSONReportReader.read(try report(), file: "scan.json")
        let original = Fixtures.result()
        #expect(Set(read.findings.map(\.fingerprint)) == Set(original.findings.map(\.fingerprint)))
        let imageAlt = try #require(read.findings.first { $0.ruleID == "a11y.image-alt" })
        #expect(imageAlt.severity == .low)
        #expect(imageAlt.locations.count == 2)
        #expect(imageAlt.message == Fixtures.hostileMessage)
    }

    @Test func anotherMajorVersionNamesBothVersions() throws {
        let error = try #require(readError(try edited("\"schemaVersion\" : \"1.", "\"schemaVersion\" : \"2.")))
        #expect(error.file == "saved/scan.json")
        #expect(error.description.contains("2."), "\(error)")
        #expect(error.description.contains(JSONReporter.schemaVersion), "\(error)")
    }

    @Test func aNewerMinorVersionIsRead() throws {
        let data = try edited("\"schemaVersion\" : \"\(JSONReporter.schemaVersion)\"", "\"schemaVersion\" : \"1.99.0\"")
        #expect(readError(data) == nil)
    }

    @Test func truncatedFileNamesTheFile() throws {
        let data = try report()
        let error = try #require(readError(data.prefix(data.count / 2)))
        #expect(error.description.hasPrefix("saved/scan.json: "), "\(error)")
        #expect(error.reason.contains("not valid JSON"), "\(error)")
    }

    @Test func notJSONAtAll() throws {
        let error = try #require(readError(Data("<html>not a report</html>".utf8)))
        #expect(error.description.contains("saved/scan.json"))
    }

    @Test func handEditedFieldTypeNamesTheCodingPath() throws {
        let error = try #require(readError(try edited("\"occurrences\" : 2", "\"occurrences\" : \"two\"")))
        #expect(error.codingPath.hasPrefix("findings["), "\(error)")
        #expect(error.codingPath.hasSuffix("].occurrences"), "\(error)")
        #expect(error.reason.contains("number"), "\(error)")
    }

    @Test func handEditedSeverityListsTheAllowedValues() throws {
        let error = try #require(readError(try edited("\"severity\" : \"low\"", "\"severity\" : \"severe\"")))
        #expect(error.codingPath.hasSuffix(".severity"), "\(error)")
        #expect(error.reason.contains("'severe'") && error.reason.contains("critical"), "\(error)")
    }

    @Test func missingFieldIsNamed() throws {
        let error = try #require(readError(try edited("\"profile\" :", "\"profileX\" :")))
        #expect(error.codingPath == "scan.profile", "\(error)")
    }

    @Test func unreadableFileNamesIt() {
        #expect(throws: ReportReadError.self) {
            try JSONReportReader.read(contentsOf: URL(fileURLWithPath: "/nonexistent/scan.json"))
        }
    }
}

@Suite("Report timestamps")
struct ReportTimeTests {
    @Test(
        "a report read back is written again byte for byte, whatever the sub-millisecond timing",
        arguments: [0.0, 0.0004, 0.0005, 0.0006, 0.1204, 0.9996]
    )
    func roundTrip(fraction: Double) throws {
        var result = Fixtures.result()
        result.startedAt = Date(timeIntervalSince1970: 1_764_000_000 + fraction)
        result.finishedAt = Date(timeIntervalSince1970: 1_764_000_001.6222 + fraction / 3)
        let written = try JSONReporter.render(result)
        let reread = try JSONReportReader.read(written, file: "scan.json")
        #expect(try JSONReporter.render(reread) == written)
    }
}
