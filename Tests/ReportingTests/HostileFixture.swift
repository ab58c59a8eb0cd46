import Foundation
import PortcullisCore

/// A scan whose every scanned string tries to break a report format: markup, formulas, pipes, backticks,
/// CR/LF and NUL.
enum HostileFixture {
    static let script = "<script>alert('x')</script>"
    static let imageBreakout = "\"><img src=x onerror=alert(1)>"
    static let formula = "=cmd|' /C calc'!A0"
    static let evidence = "\(formula) \(script)\r\n\(imageBreakout) | cell | ```` ``` `tick`\u{0000}end\rlast"
    static let title = "Evil | title `code` <b>bold</b> [link](javascript:alert(1))"
    static let provider = "evil|\"<provider>\""
    static let url = "https://evil.example/\"><script>x</script>?a=1,2"

    static func result(suppressedToo: Bool = true) -> ScanResult {
        var findings = [
            Finding(
                ruleID: "headers.csp-missing",
                title: title,
                severity: .high,
                family: .headers,
                origin: "https://evil.example",
                message: "+SUM(1,2) \(script)\u{0000}",
                locations: [
                    Location(url: url, elementPath: "@/html/body", snippet: evidence),
                    Location(url: "https://evil.example/z", elementPath: "\t-1+2", snippet: "\r=1+1"),
                    Location(url: "https://evil.example/plain"),
                ],
                fingerprint: "fp-evil-1"
            ),
            Finding(
                ruleID: "a11y.image-alt",
                title: "Images must have alternative text",
                severity: .low,
                family: .accessibility,
                origin: "https://evil.example",
                message: imageBreakout,
                locations: [],
                fingerprint: "-2+3"
            ),
        ]
        if suppressedToo {
            findings.append(
                Finding(
                    ruleID: "tls.protocol.tls10-enabled",
                    title: "TLS 1.0 is enabled",
                    severity: .critical,
                    family: .tls,
                    origin: "https://evil.example",
                    message: "TLSv1 \(script)",
                    locations: [Location(url: "https://evil.example")],
                    fingerprint: "fp-evil-3",
                    suppression: "accepted <until> | 2027 `x`"
                )
            )
        }
        return ScanResult(
            startedAt: Fixtures.startedAt,
            finishedAt: Fixtures.startedAt.addingTimeInterval(2),
            profile: "audit",
            targets: [TargetResult(provider: provider, url: "https://evil.example/start", status: .scanned)],
            findings: findings,
            problems: [],
            rules: Fixtures.rules
        )
    }
}
