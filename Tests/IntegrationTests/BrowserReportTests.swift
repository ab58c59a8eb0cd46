import Foundation
import PortcullisCore
import Reporting
import TestSupport
import Testing

/// The HTML audit report opened in a real browser (headless Chromium, installed by `make deps`): it loads with no
/// CSP violation or console error, shows every section, hostile evidence stays inert text, and `portcullis report
/// --pdf` prints it.
@Suite(.timeLimit(.minutes(2)))
struct BrowserReportTests {
    /// The section ids the report must have, in the order of OWASP WSTG's reporting chapter.
    static let sections = [
        "cover", "executive-summary", "scope-and-method", "findings", "compliance", "suppressed", "appendix-rules",
    ]

    /// The detector itself, with negative controls: an inline script under the report's own CSP is reported as a
    /// violation, a script calling `console.error` on a page without CSP as a console message, a plain page as
    /// nothing. Without these the other tests could pass with a blind detector.
    @Test func detectorSeesCSPViolationsAndConsoleErrors() async throws {
        let browser = try HeadlessBrowser.locate()
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let policy = try Self.contentSecurityPolicy(of: try HTMLReporter.render(Self.hostileScan(), options: .init()))

        let blocked = directory.appendingPathComponent("inline-script-under-report-csp.html")
        let inline = "<body><p>text</p>\(HostilePayload.script)</body></html>"
        try Data("<!doctype html><html><head>\(policy)<title>control</title></head>\(inline)".utf8).write(to: blocked)
        let logging = directory.appendingPathComponent("console-error-without-csp.html")
        let script = "<body><script>console.error('control-marker-42')</script></body></html>"
        try Data("<!doctype html><html><head><title>control</title></head>\(script)".utf8).write(to: logging)
        let plain = directory.appendingPathComponent("plain.html")
        try Data(
            "<!doctype html><html><head>\(policy)<title>control</title></head><body><p>text</p></body></html>".utf8
        )
        .write(to: plain)

        async let blockedLoad = browser.load(blocked)
        async let loggingLoad = browser.load(logging)
        let plainLoad = try await browser.load(plain)
        let (violation, error) = try await (blockedLoad, loggingLoad)

        #expect(violation.cspViolations.count == 1, "the inline script must be reported: \(violation.log)")
        #expect(violation.cspViolations.first?.contains("script") == true, "\(violation.cspViolations)")
        #expect(violation.dom.contains("<title>control</title>"), "the blocked script must not have run")
        #expect(error.consoleMessages.contains { $0.contains("control-marker-42") }, "\(error.log)")
        #expect(error.cspViolations.isEmpty)
        #expect(plainLoad.cspViolations.isEmpty && plainLoad.consoleMessages.isEmpty, "\(plainLoad.log)")
        print("browser detector controls: CSP \(violation.cspViolations.first ?? "none")")
        print("browser detector controls: console \(error.consoleMessages.first ?? "none")")
    }

    /// `portcullis demo`'s HTML report: no CSP violation, no console message, every section, a screenshot that
    /// shows a page; then `portcullis report --pdf` prints the demo's saved JSON.
    @Test func demoReportLoadsCleanlyShowsEverySectionAndPrints() async throws {
        let browser = try HeadlessBrowser.locate()
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let demo = directory.appendingPathComponent("demo")
        let run = try await CommandLineTests.portcullis(["demo", "--no-color", "--quiet", "--output", demo.path])
        try #require(run.status == 0, "\(run.stdout)\(run.stderr)")
        let html = demo.appendingPathComponent(ReportFormat.html.fileName)
        let png = directory.appendingPathComponent("demo.png")
        let pdfFolder = directory.appendingPathComponent("pdf")

        async let pdfRun = CommandLineTests.portcullis(
            [
                "report", demo.appendingPathComponent(ReportFormat.json.fileName).path, "--pdf", "--output",
                pdfFolder.path,
            ],
            seconds: 100
        )
        async let shot: Void = browser.screenshot(html, to: png, width: 1280, height: 2000)
        let page = try await browser.load(html)
        #expect(page.cspViolations.isEmpty, "\(page.cspViolations)")
        #expect(page.consoleMessages.isEmpty, "\(page.consoleMessages)")
        for section in Self.sections {
            #expect(page.dom.contains("id=\"\(section)\""), "section \(section) is missing")
        }
        #expect(try Self.elements(in: page.dom).contains { $0.name == "svg" }, "the charts are inline SVG")

        try await shot
        let statistics = try await ScreenshotStatistics.read(png)
        print("demo report screenshot: \(statistics)")
        #expect(statistics.width == 1280 && statistics.height == 2000)
        #expect(statistics.distinctColours >= 50, "\(statistics)")
        #expect(statistics.nonBackgroundShare >= 0.03, "\(statistics)")

        let printed = try await pdfRun
        #expect(printed.status == 0, "\(printed.stdout)\(printed.stderr)")
        let pdf = try Data(contentsOf: pdfFolder.appendingPathComponent("portcullis-report.pdf"))
        let pages = Self.pageCount(pdf)
        print("demo report PDF: \(pdf.count) bytes, \(pages) pages")
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        #expect(pages >= 2)
        #expect(pdf.count > 10_000)
        #expect(try FileManager.default.contentsOfDirectory(atPath: pdfFolder.path) == ["portcullis-report.pdf"])
    }

    /// Without a browser in PATH, `--pdf` fails with exit 2 and says how to install one, writing nothing.
    @Test func pdfWithoutChromiumNamesMakeDeps() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("scan.json")
        try ReportFormat.json.render(Self.hostileScan()).write(to: json)
        let output = directory.appendingPathComponent("out")
        let run = try await CommandLineTests.portcullis(
            ["report", json.path, "--pdf", "--output", output.path],
            environment: ["PATH": directory.path]
        )
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("make deps") && run.stderr.contains("chromium"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// Findings whose evidence, message, URL, element path, waiver and rule text carry markup and `javascript:`
    /// URLs: loaded under the report's CSP and again with the CSP removed (so only escaping protects the page),
    /// nothing executes, no element or attribute is injected, and the hostile strings read as text. A copy with
    /// the console-logging payloads pasted in unescaped is the control: every check must catch it.
    @Test func hostileEvidenceStaysInertText() async throws {
        let browser = try HeadlessBrowser.locate()
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = String(decoding: try HTMLReporter.render(Self.hostileScan(), options: .init()), as: UTF8.self)
        let policy = try Self.contentSecurityPolicy(of: Data(source.utf8))
        let title = try #require(Self.title(of: source))
        let stripped = source.replacingOccurrences(of: policy, with: "")
        try #require(stripped != source)
        let injected = stripped.replacingOccurrences(
            of: "</body>",
            with: HostilePayload.observable.joined() + "<a href=\"\(HostilePayload.javascriptURL)\">link</a></body>"
        )
        let pages = [("hostile", source), ("hostile-no-csp", stripped), ("control-injected", injected)]
        let files = pages.map { directory.appendingPathComponent("\($0.0).html") }
        for (file, page) in zip(files, pages) { try Data(page.1.utf8).write(to: file) }

        async let unprotectedLoad = browser.load(files[1])
        async let injectedLoad = browser.load(files[2])
        let protected = try await browser.load(files[0])
        let (unprotected, control) = try await (unprotectedLoad, injectedLoad)
        for (name, page) in [("with CSP", protected), ("without CSP", unprotected)] {
            #expect(Self.injectionSigns(in: page, title: title).isEmpty, "\(name)")
            let text = Self.visibleText(of: page.dom)
            for hostile in HostilePayload.all {
                #expect(text.contains(hostile), "\(name): '\(hostile)' is not shown as text")
            }
        }
        // The source escapes them: no payload with markup is there verbatim, so the browser never parsed it as such.
        for payload in HostilePayload.all where payload.contains("<") {
            #expect(!source.contains(payload), "'\(payload)' is in the HTML unescaped")
        }

        let caught = Self.injectionSigns(in: control, title: title)
        print("browser injection control: \(caught.sorted().joined(separator: "; "))")
        let expected = [
            "console: pwned-script", "console: pwned-img", "title changed", "script element", "img element",
            "onerror attribute", "javascript: href",
        ]
        for sign in expected {
            #expect(caught.contains(sign), "the unescaped control must show '\(sign)': \(caught)")
        }
    }

    /// The signs of markup injected into a loaded page, empty when there are none: CSP violations, console
    /// messages (those naming a payload marker by marker), a changed title, script and img elements, event-handler
    /// attributes and `javascript:` links.
    static func injectionSigns(in page: HeadlessBrowser.PageLoad, title: String) -> Set<String> {
        var signs = Set<String>()
        for violation in page.cspViolations { signs.insert("CSP violation: \(violation)") }
        for message in page.consoleMessages {
            let marker = ["pwned-script", "pwned-img"].first { message.contains($0) }
            signs.insert("console: \(marker ?? message)")
        }
        if Self.title(of: page.dom) != title { signs.insert("title changed") }
        let elements = (try? Self.elements(in: page.dom)) ?? []
        for element in elements {
            if ["script", "img"].contains(element.name) { signs.insert("\(element.name) element") }
            for (attribute, value) in element.attributes {
                if attribute.hasPrefix("on") { signs.insert("\(attribute) attribute") }
                let target = value.trimmingCharacters(in: .whitespaces).lowercased()
                if ["href", "src", "action", "formaction", "xlink:href"].contains(attribute),
                    target.hasPrefix("javascript:")
                {
                    signs.insert("javascript: \(attribute)")
                }
            }
        }
        return signs
    }

    // MARK: - Fixtures and DOM helpers

    /// A scan whose every scanned string is hostile, with a waiver whose reason and owner are hostile too.
    static func hostileScan() -> ScanResult {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let rule = Rule(
            id: RuleID(rawValue: "headers.csp-missing"),
            title: "CSP missing \(HostilePayload.script)",
            severity: .high,
            family: .headers,
            description: "Description \(HostilePayload.imageBreakout)",
            remediation: "Remediation \(HostilePayload.loggingImage)",
            references: [Reference(kind: .url, id: HostilePayload.javascriptURL), Reference(kind: .cwe, id: "CWE-693")]
        )
        let waived = Rule(
            id: RuleID(rawValue: "a11y.image-alt"),
            title: "Images must have alternative text",
            severity: .medium,
            family: .accessibility,
            description: "Alt text",
            remediation: "Add alt text"
        )
        let findings = [
            Finding(
                ruleID: rule.id,
                title: rule.title,
                severity: .high,
                family: .headers,
                origin: "https://evil.example",
                message: "Message \(HostilePayload.imageBreakout) \(HostilePayload.loggingScript)",
                locations: [
                    Location(
                        url: HostilePayload.javascriptURL,
                        elementPath: "/html/body/\(HostilePayload.imageBreakout)",
                        snippet: "\(HostilePayload.script) \(HostilePayload.loggingImage)"
                    ),
                    Location(url: "https://evil.example/\"><script>console.error('pwned-url')</script>"),
                ],
                fingerprint: "fp-hostile-1"
            ),
            Finding(
                ruleID: waived.id,
                title: waived.title,
                severity: .medium,
                family: .accessibility,
                origin: "https://evil.example",
                message: "Image without alt \(HostilePayload.loggingScript)",
                locations: [Location(url: "https://evil.example/a", elementPath: "/html/body/img", snippet: "<img>")],
                fingerprint: "fp-hostile-2",
                waiver: Suppression(
                    rule: waived.id.rawValue,
                    reason: "Reason \(HostilePayload.script) \(HostilePayload.javascriptURL)",
                    source: "waivers.yaml:3",
                    owner: "owner \(HostilePayload.imageBreakout)",
                    ticket: HostilePayload.javascriptURL,
                    expires: "2099-12-31"
                )
            ),
        ]
        return ScanResult(
            startedAt: start,
            finishedAt: start.addingTimeInterval(3),
            profile: "audit",
            targets: [
                TargetResult(provider: "evil \(HostilePayload.script)", url: "https://evil.example/", status: .scanned)
            ],
            findings: findings,
            problems: [],
            rules: [rule, waived]
        )
    }

    /// The report's `<meta http-equiv="Content-Security-Policy" ...>` tag, exactly as written.
    static func contentSecurityPolicy(of html: Data) throws -> String {
        let source = String(decoding: html, as: UTF8.self)
        let pattern = try Regex(#"<meta http-equiv="Content-Security-Policy"[^>]*>"#)
        return String(try #require(source.firstMatch(of: pattern)).output[0].substring ?? "")
    }

    /// The text of the first `<title>` element.
    static func title(of html: String) -> String? {
        guard let open = html.range(of: "<title>"),
            let close = html.range(of: "</title>", range: open.upperBound..<html.endIndex)
        else { return nil }
        return String(html[open.upperBound..<close.lowerBound])
    }

    /// An element start tag in a serialised DOM.
    struct Element {
        var name: String
        var attributes: [(String, String)]
    }

    /// Every start tag of a DOM serialised by Chromium (text `<` is always escaped there, attribute values are
    /// always double-quoted), with attribute values unescaped.
    static func elements(in dom: String) throws -> [Element] {
        let tag = try Regex(#"<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*/?>"#)
        let attribute = try Regex(#"([^\s"'>/=]+)(?:="([^"]*)")?"#)
        return dom.matches(of: tag).map { match in
            let attributes = (match.output[2].substring ?? "").matches(of: attribute).map { pair in
                (
                    String(pair.output[1].substring ?? "").lowercased(),
                    unescape(String(pair.output[2].substring ?? ""))
                )
            }
            return Element(name: String(match.output[1].substring ?? "").lowercased(), attributes: attributes)
        }
    }

    /// The text nodes of a serialised DOM, tags removed and entities decoded (style and comments dropped).
    static func visibleText(of dom: String) -> String {
        var text = dom.replacing(#/<style[^>]*>[\s\S]*?</style>/#, with: " ")
        text = text.replacing(#/<!--[\s\S]*?-->/#, with: " ")
        text = text.replacing(#/<[^>"]*(?:"[^"]*"[^>"]*)*>/#, with: " ")
        return unescape(text)
    }

    /// Decodes the entities Chromium's serialiser writes.
    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&nbsp;", with: "\u{00A0}")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The number of `/Type /Page` objects in a PDF (not `/Pages`).
    static func pageCount(_ pdf: Data) -> Int {
        let text = String(decoding: pdf, as: Unicode.ASCII.self)
        return text.matches(of: #/\/Type\s*\/Page(?![a-zA-Z])/#).count
    }
}

/// Strings an attacker controls in a scanned page, each observable if it ever executed: a script or handler that
/// logs to the console or changes the title.
enum HostilePayload {
    static let script = "<script>document.title='pwned'</script>"
    static let imageBreakout = "\"><img src=x onerror=alert(1)>"
    static let javascriptURL = "javascript:alert(1)"
    static let loggingScript = "<script>console.error('pwned-script')</script>"
    static let loggingImage = "\"><img src=x onerror=\"console.error('pwned-img')\">"
    static let all = [script, imageBreakout, javascriptURL, loggingScript, loggingImage]
    /// The payloads that, run unescaped, leave a trace without stopping the page: an `alert` dialog would hang
    /// headless Chromium's load, so the unescaped control uses these.
    static let observable = [script, loggingScript, loggingImage]
}
