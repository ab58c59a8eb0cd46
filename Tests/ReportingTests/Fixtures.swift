import Foundation
import PortcullisCore
import Testing

/// Hand-built scan results for the reporter tests, including hostile scanned data.
enum Fixtures {
    static let hostileMessage =
        "Header \"X-Evil\" was <script>alert('x')</script>\u{1B}[31mred\u{1B}]0;pwned\u{07} — ünïcödé 日本"
    static let hostileSnippet = "<img src=x onerror=\"alert(1)\">\u{1B}[2J\u{9B}31m\u{202E}txt.exe"

    static let rules: [Rule] = [
        Rule(
            id: "tls.protocol.tls10-enabled",
            title: "TLS 1.0 is enabled",
            severity: .high,
            family: .tls,
            description: "The server accepts TLS 1.0, a deprecated protocol.",
            remediation: "Disable TLS 1.0 and 1.1.",
            references: [Reference(kind: .cwe, id: "CWE-327"), Reference(kind: .rfc, id: "RFC 8996")],
            tags: ["tls", "protocol"]
        ),
        Rule(
            id: "headers.csp-missing",
            title: "Content-Security-Policy is missing",
            severity: .medium,
            family: .headers,
            description: "No CSP header limits where scripts load from.",
            remediation: "Send a strict Content-Security-Policy.",
            references: [Reference(kind: .cwe, id: "CWE-693")],
            tags: ["csp"]
        ),
        Rule(
            id: "a11y.image-alt",
            title: "Images must have alternative text",
            severity: .low,
            family: .accessibility,
            description: "Images without alt text are invisible to screen readers.",
            remediation: "Add an alt attribute.",
            references: [Reference(kind: .wcag, id: "1.1.1")],
            tags: ["wcag2a"]
        ),
        Rule(
            id: "sso.rp.state-missing",
            title: "Login request has no state",
            severity: .critical,
            family: .sso,
            description: "The authorization request carries no state parameter.",
            remediation: "Send an unguessable state and check it on the callback."
        ),
        Rule(
            id: "crawl.robots-hidden",
            title: "robots.txt hides paths",
            severity: .info,
            family: .crawl,
            description: "Paths disallowed by robots.txt were not scanned.",
            remediation: "Review what robots.txt hides."
        ),
    ]

    static let findings: [Finding] = [
        Finding(
            ruleID: "a11y.image-alt",
            title: "Images must have alternative text",
            severity: .low,
            family: .accessibility,
            origin: "https://a.example",
            message: hostileMessage,
            locations: [
                Location(url: "https://a.example/b", elementPath: "/html/body/img[2]", snippet: hostileSnippet),
                Location(
                    url: "https://a.example/a",
                    elementPath: "/html/body/main/img[1]",
                    snippet: "<img src=\"a.png\">"
                ),
            ],
            fingerprint: "fp-a11y-1"
        ),
        Finding(
            ruleID: "headers.csp-missing",
            title: "Content-Security-Policy is missing",
            severity: .medium,
            family: .headers,
            origin: "https://a.example",
            message: "No Content-Security-Policy header",
            locations: [Location(url: "https://a.example/")],
            fingerprint: "fp-csp-1"
        ),
        Finding(
            ruleID: "tls.protocol.tls10-enabled",
            title: "TLS 1.0 is enabled",
            severity: .high,
            family: .tls,
            origin: "https://a.example",
            message: "The server negotiated TLSv1",
            locations: [Location(url: "https://a.example")],
            fingerprint: "fp-tls-1"
        ),
        Finding(
            ruleID: "sso.rp.state-missing",
            title: "Login request has no state",
            severity: .critical,
            family: .sso,
            origin: "https://a.example",
            message: "GET /login redirected without state",
            locations: [Location(url: "https://a.example/login")],
            fingerprint: "fp-sso-1"
        ),
        Finding(
            ruleID: "crawl.robots-hidden",
            title: "robots.txt hides paths",
            severity: .info,
            family: .crawl,
            origin: "https://a.example",
            message: "/admin is disallowed",
            locations: [Location(url: "https://a.example/robots.txt")],
            fingerprint: "fp-crawl-1"
        ),
        Finding(
            ruleID: "headers.csp-missing",
            title: "Content-Security-Policy is missing",
            severity: .high,
            family: .headers,
            origin: "https://c.example",
            message: "No Content-Security-Policy header",
            locations: (0..<60).map { Location(url: "https://c.example/page/\($0)") },
            fingerprint: "fp-csp-2"
        ),
    ]

    static let targets: [TargetResult] = [
        TargetResult(
            provider: "alpha",
            url: "https://a.example",
            status: .scanned,
            finalURL: "https://a.example/",
            httpStatus: 200,
            httpVersion: "HTTP/2",
            redirects: ["301 https://a.example/"],
            tlsVersion: "TLSv1.3",
            tlsCipher: "TLS_AES_128_GCM_SHA256",
            peerCertificateCount: 2,
            timings: Timings(nameLookup: 0.001, connect: 0.002, tlsHandshake: 0.01, firstByte: 0.02, total: 0.03),
            bodyBytes: 1024
        ),
        TargetResult(provider: "bravo", url: "https://b.example", status: .failed),
        TargetResult(provider: "charlie", url: "https://c.example", status: .scanned, httpStatus: 200),
    ]

    static let problems: [ScanProblem] = [
        ScanProblem(url: "https://b.example", kind: "connection-refused", message: "Connection refused \u{1B}[1m"),
        ScanProblem(url: "https://a.example/big", kind: "body-truncated", message: "Body cut at 5 MB"),
    ]

    static let startedAt = Date(timeIntervalSince1970: 1_750_000_000.25)

    /// A scan with findings of every severity and four families, a failed target and problems.
    static func result() -> ScanResult {
        ScanResult(
            startedAt: startedAt,
            finishedAt: startedAt.addingTimeInterval(12.5),
            profile: "onboarding",
            targets: targets,
            findings: findings,
            problems: problems,
            rules: rules
        )
    }

    /// A clean scan: one target, nothing found.
    static func cleanResult() -> ScanResult {
        ScanResult(
            startedAt: startedAt,
            finishedAt: startedAt.addingTimeInterval(1),
            profile: "audit",
            targets: [targets[0]],
            findings: [],
            problems: [],
            rules: rules
        )
    }

    /// Decodes report bytes as a JSON object.
    static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
