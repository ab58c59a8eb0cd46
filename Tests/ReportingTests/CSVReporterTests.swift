import Foundation
import PortcullisCore
import Testing

@testable import Reporting

@Suite struct CSVReporterTests {
    /// Parses RFC 4180 CSV strictly: records end in CRLF, quotes only around whole fields.
    static func parse(_ data: Data) throws -> [[String]] {
        let text = try #require(String(data: data, encoding: .utf8))
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        scalars.removeFirst()
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        #expect(scalars.first == "," || scalars.first == "\r", "a closing quote must end the field")
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                #expect(field.isEmpty, "a quote inside an unquoted field")
                quoted = true
            case ",":
                record.append(field)
                field = ""
            case "\r":
                #expect(scalars.popFirst() == "\n", "CR outside quotes must start a CRLF record end")
                record.append(field)
                records.append(record)
                record = []
                field = ""
            case "\n":
                Issue.record("bare LF outside quotes")
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        #expect(!quoted && field.isEmpty && record.isEmpty, "the last record must end with CRLF")
        return records
    }

    @Test func oneRowPerFindingAndLocation() throws {
        let result = Fixtures.result()
        let rows = try Self.parse(CSVReporter.render(result))
        #expect(rows.first == CSVReporter.columns)
        let expected = result.findings.map { max(1, $0.locations.count) }.reduce(0, +)
        #expect(rows.count - 1 == expected)
        #expect(expected == 66)
        #expect(rows.allSatisfy { $0.count == CSVReporter.columns.count })
        let first = try #require(rows.dropFirst().first)
        #expect(first[0] == "alpha")
        #expect(first[1] == "sso.rp.state-missing")
        #expect(first[3] == "critical")
        #expect(first[7] == "https://a.example/login")
        #expect(first[10] == "fp-sso-1")
        #expect(rows.filter { $0[0] == "charlie" }.count == 60)
    }

    @Test func hostileCellsAreQuotedAndNeutralised() throws {
        let data = CSVReporter.render(HostileFixture.result())
        #expect(!data.contains(0x00))
        let rows = try Self.parse(data)
        // 3 locations + 1 finding without locations + 1 suppressed, plus the header.
        #expect(rows.count == 6)
        for cell in rows.joined() {
            let first = cell.unicodeScalars.first
            #expect(first.map { !"=+-@\t\r".unicodeScalars.contains($0) } ?? true, "formula cell: \(cell)")
        }
        let evil = try #require(rows.first { $0[7] == HostileFixture.url })
        #expect(evil[0] == HostileFixture.provider)
        #expect(evil[6] == HostileFixture.title)
        #expect(evil[8] == "'@/html/body")
        #expect(evil[9] == "'" + HostileFixture.evidence.replacingOccurrences(of: "\u{0000}", with: "\u{FFFD}"))
        let second = try #require(rows.first { $0[7] == "https://evil.example/z" })
        #expect(second[8] == "'\t-1+2")
        #expect(second[9] == "'\r=1+1")
        let suppressed = try #require(rows.first { $0[1] == "tls.protocol.tls10-enabled" })
        #expect(suppressed[5] == "suppressed: accepted <until> | 2027 `x`")
        let noLocation = try #require(rows.first { $0[1] == "a11y.image-alt" })
        #expect(noLocation[7] == "" && noLocation[9] == HostileFixture.imageBreakout)
        #expect(noLocation[10] == "'-2+3")
    }

    @Test func longEvidenceIsCut() throws {
        var result = Fixtures.cleanResult()
        let long = String(repeating: "x", count: 5000)
        result.findings = [
            Finding(
                ruleID: "a11y.image-alt",
                title: "t",
                severity: .low,
                family: .accessibility,
                origin: "https://a.example",
                message: long,
                locations: [],
                fingerprint: "f"
            )
        ]
        let rows = try Self.parse(CSVReporter.render(result))
        #expect(rows[1][9] == String(long.prefix(CSVReporter.maxEvidenceCharacters)) + "…")
    }

    @Test func waivedFindingsNameOwnerAndExpiry() throws {
        var result = Fixtures.cleanResult()
        let waiver = Suppression(
            rule: "headers.*",
            reason: "legacy, \"frozen\"",
            source: "waivers.yaml:4",
            owner: "=HYPERLINK(\"x\")",
            ticket: "SEC-9",
            expires: "2027-03-31"
        )
        result.findings = [
            Finding(
                ruleID: "headers.csp-missing",
                title: "t",
                severity: .medium,
                family: .headers,
                origin: "https://a.example",
                message: "m",
                locations: [Location(url: "https://a.example/1")],
                fingerprint: "f",
                waiver: waiver
            )
        ]
        let rows = try Self.parse(CSVReporter.render(result))
        #expect(Array(CSVReporter.columns.suffix(2)) == ["waiver_owner", "waiver_expires"])
        #expect(
            rows[1][5]
                == "suppressed: legacy, \"frozen\" [owner: =HYPERLINK(\"x\"), ticket: SEC-9, expires: 2027-03-31]"
                + " (waivers.yaml:4)"
        )
        #expect(rows[1][11] == "'=HYPERLINK(\"x\")", "a formula in the owner is neutralised")
        #expect(rows[1][12] == "2027-03-31")
        let unwaived = try Self.parse(CSVReporter.render(Fixtures.result()))
        #expect(unwaived.dropFirst().allSatisfy { $0[11].isEmpty && $0[12].isEmpty })
    }

    @Test func formatRendersTheSameBytes() throws {
        let result = Fixtures.result()
        #expect(try ReportFormat.csv.render(result) == CSVReporter.render(result))
        #expect(ReportFormat.csv.fileName == "portcullis-report.csv")
    }
}

/// Every text format written to files through ``ReportWriter`` (streamed, flushed in chunks) equals the bytes
/// rendered in memory.
@Suite struct TextReportStreamingTests {
    /// A deterministic scan of `count` findings whose CSV and JUnit run past the stream's flush threshold, with
    /// hostile text, non-ASCII, controls, waivers, suppressions, findings needing review and a failed target.
    static func large(count: Int) -> ScanResult {
        let rules = Fixtures.rules
        let origins = (0..<7).map { "https://provider-\($0).example" }
        let targets = origins.map { TargetResult(provider: "provider-\($0)-ü", url: $0 + "/", status: .scanned) }
        let findings = (0..<count).map { index in
            let rule = rules[index % rules.count]
            let origin = index % 13 == 0 ? "https://other.example" : origins[index % origins.count]
            let locations = (0..<(index % 4)).reversed().map { page in
                Location(
                    url: "\(origin)/s/\(index / 40)/p-\(page)?q=\(index % 5 == 0 ? "a,\"b\"" : "x")",
                    elementPath: index % 2 == 0 ? "html > body > div:nth-of-type(\(page + 1))" : nil,
                    snippet: index % 3 == 0
                        ? "<img src=\"/\(index)\">\u{1}\u{7F}\u{9B}é日本\u{FFFE}\u{1F600}`x`\r\n" : nil
                )
            }
            let waiver =
                index % 17 == 0
                ? Suppression(
                    rule: "*",
                    reason: "accepted <b>|\(index)",
                    source: "w.yaml:3",
                    owner: "=ops",
                    expires: "2027-01-31"
                )
                : nil
            return Finding(
                ruleID: rule.id,
                title: index % 11 == 0 ? "=HYPER|LINK\t" + rule.title : rule.title,
                severity: rule.severity,
                family: rule.family,
                origin: origin,
                message: "Observed \(index): <script>alert(\(index))</script>"
                    + (index % 7 == 0 ? String(repeating: "ä", count: 1200) : ""),
                locations: locations,
                fingerprint: String(format: "%016llx", UInt64(index) &* 0x9E37_79B9_7F4A_7C15),
                suppression: index % 19 == 0 ? "accepted risk \u{0}" : nil,
                waiver: waiver,
                needsReview: index % 5 == 0
            )
        }
        var result = Fixtures.cleanResult()
        result.targets = targets + [TargetResult(provider: "broken", url: "https://broken.example/", status: .failed)]
        result.findings = findings
        result.problems = [ScanProblem(url: "https://broken.example/", kind: "network", message: "refused <x>\u{0}")]
        return result
    }

    @Test(arguments: ["fixture", "hostile", "large"])
    func streamedFilesEqualInMemoryRenders(input: String) throws {
        let result =
            switch input {
            case "fixture": Fixtures.result()
            case "hostile": HostileFixture.result()
            default: Self.large(count: 4000)
            }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-text-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        let options = ReportOptions(failOn: .medium)
        let written = try ReportWriter.write(result, formats: [.csv, .junit, .md], to: root, options: options)
        let csv = try Data(contentsOf: written[0])
        let junit = try Data(contentsOf: written[1])
        #expect(csv == CSVReporter.render(result, options: options))
        #expect(junit == JUnitReporter.render(result, options: options))
        #expect(try Data(contentsOf: written[2]) == MarkdownReporter.render(result, options: options))
        if input == "large" {
            #expect(csv.count > 2 * ReportStream.flushThreshold && junit.count > 2 * ReportStream.flushThreshold)
        }
        let rows = try CSVReporterTests.parse(csv)
        #expect(rows.count == 1 + result.findings.map { max(1, $0.locations.count) }.reduce(0, +))
    }
}

/// The integer-keyed finding order every reporter uses matches the plain comparison of the report order exactly.
@Suite struct ReportOrderIndicesTests {
    static func finding(
        _ fingerprint: String,
        message: String = "m",
        severity: Severity = .high,
        rule: RuleID = "x.a"
    )
        -> Finding
    {
        Finding(
            ruleID: rule,
            title: "t",
            severity: severity,
            family: .headers,
            origin: "https://a.example",
            message: message,
            locations: [Location(url: "https://a.example/\(message.count)")],
            fingerprint: fingerprint
        )
    }

    @Test func indicesSortAsFindingsDoes() {
        let prefix = String(repeating: "0", count: 15)
        var tricky = [
            Self.finding(prefix + "e\u{301}"),  // NFC é sorts after f although e < f byte-wise
            Self.finding(prefix + "f"),
            Self.finding(prefix + "é"),
            Self.finding("0123456789abcdef-long-b"),
            Self.finding("0123456789abcdef-long-a"),
            Self.finding("0123456789abcdef"),
            Self.finding("0123456789abcdef\u{0}"),
            Self.finding("same", message: "b"),
            Self.finding("same", message: "a"),
            Self.finding("same", message: "a", severity: .critical),
            Self.finding("same", message: "a", rule: "a.b"),
            Self.finding("dup"),
            Self.finding("dup"),
            Self.finding(""),
        ]
        tricky[12].locations = [Location(url: "https://a.example/other")]
        let large = TextReportStreamingTests.large(count: 2000).findings
        for findings in [tricky, tricky.reversed(), large, large.reversed()] {
            let sorted = ReportOrder.indices(findings).map { findings[$0] }
            // The report order spelled out plainly: most severe first, then rule id, origin, fingerprint, message.
            let reference = findings.enumerated().sorted { lhs, rhs in
                let (left, right) = (lhs.element, rhs.element)
                if left.severity != right.severity { return left.severity > right.severity }
                let leftKey = (left.ruleID.rawValue, left.origin, left.fingerprint, left.message)
                let rightKey = (right.ruleID.rawValue, right.origin, right.fingerprint, right.message)
                return leftKey != rightKey ? leftKey < rightKey : lhs.offset < rhs.offset
            }.map(\.element)
            #expect(sorted == reference)
        }
    }
}
