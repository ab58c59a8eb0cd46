import Foundation
import PortcullisCore
import Reporting
import Testing

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

    @Test func formatRendersTheSameBytes() throws {
        let result = Fixtures.result()
        #expect(try ReportFormat.csv.render(result) == CSVReporter.render(result))
        #expect(ReportFormat.csv.fileName == "portcullis-report.csv")
    }
}
