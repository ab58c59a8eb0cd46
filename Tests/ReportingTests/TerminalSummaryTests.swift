import Foundation
import PortcullisCore
import Reporting
import Testing

@Suite struct TerminalSummaryTests {
    @Test func plainOutputHasNoEscapeAtAll() {
        let text = TerminalSummary.render(Fixtures.result(), failOn: .high, color: false)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || (0x80...0x9F).contains($0.value) })
        #expect(text.contains("\\e[31mred"))
        #expect(text.contains("\\e]0;pwned\\u{7}"))
    }

    @Test func colouredOutputStylesButStillNeutralisesScannedEscapes() throws {
        let text = TerminalSummary.render(Fixtures.result(), failOn: .high, color: true)
        #expect(text.contains("\u{1B}[1;35mcritical 1\u{1B}[0m"))
        let ours = try Regex("\u{1B}\\[[0-9;]*m")
        let rest = text.replacing(ours, with: "")
        #expect(!rest.unicodeScalars.contains { $0.value == 0x1B })
        #expect(rest.contains("\\e[31mred"))
    }

    @Test func sanitizerEscapesControlsAndBidiOverrides() {
        #expect(TerminalSanitizer.neutralize("a\u{1B}[2Jb") == "a\\e[2Jb")
        #expect(TerminalSanitizer.neutralize("x\u{9B}31m\u{202E}y\u{0}") == "x\\u{9B}31m\\u{202E}y\\u{0}")
        #expect(TerminalSanitizer.neutralize("line\nnext\ttab\r") == "line\\nnext\\ttab\\r")
        #expect(TerminalSanitizer.neutralize("ünïcödé 日本 <script>\"") == "ünïcödé 日本 <script>\"")
    }

    @Test func listsTargetsCountsFindingsAndProblems() {
        let text = TerminalSummary.render(Fixtures.result(), failOn: nil, color: false)
        #expect(text.contains("Targets: 2 scanned, 1 failed"))
        #expect(text.contains("https://a.example → 200 https://a.example/ (TLSv1.3)"))
        #expect(text.contains("https://b.example → failed"))
        #expect(text.contains("Findings: 6 — critical 1, high 2, medium 1, low 1, info 1"))
        #expect(text.contains("By family: headers 2, tls 1, sso 1, accessibility 1, crawl 1"))
        #expect(
            text.contains("CRITICAL sso.rp.state-missing — Login request has no state [https://a.example, 1 location]")
        )
        #expect(text.contains("60 locations"))
        #expect(text.contains("at https://a.example/a /html/body/main/img[1]"))
        #expect(text.contains("Problems (2)"))
        #expect(text.contains("https://b.example connection-refused: Connection refused \\e[1m"))
        #expect(!text.contains("PASS") && !text.contains("FAIL:"))
    }

    @Test func topFindingsAreLimited() {
        let text = TerminalSummary.render(Fixtures.result(), failOn: nil, color: false, topFindings: 2)
        #expect(text.contains("Top findings (2 of 6)"))
        #expect(text.contains("sso.rp.state-missing"))
        #expect(!text.contains("a11y.image-alt"))
        let none = TerminalSummary.render(Fixtures.result(), failOn: nil, color: false, topFindings: 0)
        #expect(!none.contains("Top findings"))
    }

    @Test func oneNoisyRuleDoesNotHideTheOthers() {
        var result = Fixtures.cleanResult()
        result.findings = (0..<12).map { index in
            Finding(
                ruleID: "a11y.image-alt",
                title: "Image without alt",
                severity: .high,
                family: .accessibility,
                origin: "https://a.example",
                message: "no alt",
                locations: [Location(url: "https://a.example/\(index)")],
                fingerprint: String(format: "%032d", index)
            )
        }
        result.findings.append(
            Finding(
                ruleID: "headers.csp-missing",
                title: "No CSP",
                severity: .medium,
                family: .headers,
                origin: "https://a.example",
                message: "none",
                locations: [Location(url: "https://a.example/")],
                fingerprint: String(repeating: "f", count: 32)
            )
        )
        let text = TerminalSummary.render(result, failOn: nil, color: false, topFindings: 10)
        #expect(text.contains("Top findings (10 of 13)"))
        #expect(text.contains("headers.csp-missing"))
    }

    @Test(arguments: [
        (Severity.high, "FAIL: 3 findings at or above high"),
        (.critical, "FAIL: 1 finding at or above critical"),
        (.info, "FAIL: 6 findings at or above info"),
    ])
    func gateVerdictCountsFindingsAtOrAboveTheThreshold(failOn: Severity, line: String) {
        let text = TerminalSummary.render(Fixtures.result(), failOn: failOn, color: false)
        #expect(text.hasSuffix(line + "\n"))
    }

    @Test func cleanScanPasses() {
        let text = TerminalSummary.render(Fixtures.cleanResult(), failOn: .low, color: false)
        #expect(text.hasSuffix("PASS: nothing at or above low\n"))
        #expect(text.contains("Findings: 0"))
        #expect(text.contains("By family: none"))
    }
}
