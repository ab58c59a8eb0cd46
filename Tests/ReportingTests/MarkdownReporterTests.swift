import Foundation
import PortcullisCore
import Reporting
import Testing

@Suite struct MarkdownReporterTests {
    /// Pipes in `line` that are not backslash-escaped: the column separators GitHub sees.
    static func separators(_ line: String) -> Int {
        var count = 0
        var escaped = false
        for scalar in line.unicodeScalars {
            if escaped {
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else if scalar == "|" {
                count += 1
            }
        }
        return count
    }

    /// The lines outside fenced code blocks.
    static func prose(_ text: String) -> [String] {
        var fence: String?
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let ticks = String(line.prefix { $0 == "`" })
            if let open = fence {
                if ticks.count >= open.count && line.allSatisfy({ $0 == "`" }) { fence = nil }
            } else if ticks.count >= 3 {
                fence = ticks
            } else {
                lines.append(line)
            }
        }
        #expect(fence == nil, "every fence is closed")
        return lines
    }

    @Test func summarisesAndListsFindingsWithAVerdict() {
        let text = MarkdownReporter.text(Fixtures.result(), options: ReportOptions(failOn: .high))
        #expect(text.hasPrefix("# Portcullis scan: FAIL: 3 findings at or above high\n"))
        #expect(text.contains("| critical | 1 |\n| high | 2 |\n| medium | 1 |\n| low | 1 |\n| info | 1 |"))
        #expect(text.contains("| headers | 2 |"))
        #expect(text.contains("| alpha | 1 scanned, 0 failed | 5 | critical |"))
        #expect(text.contains("| bravo | 0 scanned, 1 failed | 0 | — |"))
        #expect(text.contains("| charlie | 1 scanned, 0 failed | 1 | high |"))
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("### ") }
        #expect(headings.count == 6)
        #expect(headings.first == "### 1. critical · sso.rp.state-missing")
        #expect(text.contains("- Locations: 60"))
        #expect(!text.contains("more findings"))
        let clean = MarkdownReporter.text(Fixtures.result(), options: ReportOptions(failOn: .critical))
        #expect(clean.hasPrefix("# Portcullis scan: FAIL: 1 finding at or above critical\n"))
        let none = MarkdownReporter.text(Fixtures.cleanResult(), options: ReportOptions(failOn: .info))
        #expect(none.hasPrefix("# Portcullis scan: PASS: nothing at or above info\n"))
        #expect(none.contains("No findings."))
    }

    @Test func anOriginWithoutATargetIsShownAsProbed() {
        var result = Fixtures.cleanResult()
        result.findings = [
            Finding(
                ruleID: "sso.idp.alg-none",
                title: "Signing algorithm none advertised",
                severity: .critical,
                family: .sso,
                origin: "https://idp.example",
                message: "none advertised",
                locations: [Location(url: "https://idp.example/.well-known/openid-configuration")],
                fingerprint: "idp"
            )
        ]
        let text = MarkdownReporter.text(result, options: ReportOptions(failOn: .high))
        #expect(text.contains("| https://idp.example | probed (no target of its own) | 1 | critical |"))
    }

    @Test func hostileTextCannotInjectMarkupOrColumns() {
        let text = MarkdownReporter.text(HostileFixture.result(), options: ReportOptions(failOn: .medium))
        #expect(!text.unicodeScalars.contains("\u{0000}"))
        #expect(!text.contains("\r"))
        var tableColumns: Int?
        for line in Self.prose(text) {
            #expect(!line.contains("<"), "raw markup outside a code block: \(line)")
            #expect(!line.contains("]("), "a link outside a code block: \(line)")
            if line.hasPrefix("|") {
                let columns = tableColumns ?? Self.separators(line)
                tableColumns = columns
                #expect(Self.separators(line) == columns, "table row split: \(line)")
            } else {
                tableColumns = nil
                #expect(Self.separators(line) == 0, "an unescaped pipe: \(line)")
            }
        }
        #expect(text.contains("| evil\\|\"&lt;provider&gt;\" | 1 scanned, 0 failed | 2 | high |"))
        #expect(
            text.contains(
                "**Evil \\| title \\`code\\` &lt;b&gt;bold&lt;/b&gt; \\[link\\]\\(javascript:alert\\(1\\)\\)**"
            )
        )
        // The evidence holds a run of four backticks, so its fence needs five.
        #expect(text.contains("\n`````text\n=cmd|' /C calc'!A0 <script>alert('x')</script>\n"))
        #expect(text.contains("suppressed: accepted &lt;until&gt; \\| 2027 \\`x\\`"))
    }

    @Test func staysUnderTheCommentLimit() {
        var result = Fixtures.cleanResult()
        let title = String(repeating: "long title ", count: 800)
        result.findings = (0..<200).map { index in
            Finding(
                ruleID: "headers.csp-missing",
                title: title,
                severity: .medium,
                family: .headers,
                origin: "https://a.example",
                message: String(repeating: "evidence ", count: 500),
                locations: [Location(url: "https://a.example/\(index)")],
                fingerprint: "fp-\(index)"
            )
        }
        let data = MarkdownReporter.render(result)
        #expect(data.count <= MarkdownReporter.maxBytes)
        let text = String(decoding: data, as: UTF8.self)
        let shown = text.split(separator: "\n").filter { $0.hasPrefix("### ") }.count
        #expect(shown > 0 && shown < MarkdownReporter.maxFindings)
        #expect(text.contains("_\(200 - shown) more findings are not shown (comment size limit reached);"))
        #expect(text.contains("more characters not shown"))
    }

    @Test func listsAtMostTwentyFindings() {
        var result = Fixtures.cleanResult()
        result.findings = (0..<25).map { index in
            Finding(
                ruleID: "headers.csp-missing",
                title: "t",
                severity: .medium,
                family: .headers,
                origin: "https://a.example",
                message: "m",
                locations: [],
                fingerprint: "fp-\(index)"
            )
        }
        let text = MarkdownReporter.text(result)
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("### ") }.count == 20)
        #expect(text.contains("_5 more findings are not shown; see the full JSON, SARIF or HTML report._"))
        #expect(text.hasPrefix("# Portcullis scan: 25 findings\n"))
    }
}
