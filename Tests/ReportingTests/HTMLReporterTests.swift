import Foundation
import PortcullisCore
import Reporting
import TestSupport
import Testing

@Suite struct HTMLReporterTests {
    static let templateFile = TestPaths.root.appendingPathComponent("Reports/audit-report.mustache")
    static let sectionIDs = [
        "cover", "executive-summary", "scope-and-method", "findings", "compliance", "suppressed", "appendix-rules",
    ]
    static let csp =
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        + "style-src 'unsafe-inline'; img-src data:\">"
    /// Every element the template may emit; anything else in the output came from scanned data.
    static let allowedTags: Set<String> = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "main", "section", "h1", "h2", "h3", "h4",
        "table", "thead", "tbody", "tr", "th", "td", "div", "span", "strong", "em", "ul", "li", "p", "code", "pre",
        "details", "summary", "figure", "figcaption", "svg", "text", "rect",
    ]
    static let allowedAttributes: Set<String> = [
        "lang", "charset", "http-equiv", "content", "name", "id", "class", "scope", "role", "aria-label", "width",
        "height", "viewbox", "x", "y", "open",
    ]

    static func render(_ result: ScanResult, options: ReportOptions = ReportOptions()) throws -> String {
        let template = try HTMLTemplate.load(file: templateFile)
        return String(decoding: HTMLReporter.render(result, options: options, template: template), as: UTF8.self)
    }

    /// Every real tag of `html`: scanned text is escaped, so each `<` left in the output opens a template tag.
    static func tags(_ html: String) -> [(name: String, attributes: [String], text: String)] {
        let body = html.replacing(/<style>[\s\S]*?<\/style>/, with: "<style></style>")
        return body.matches(of: /<\/?([!A-Za-z0-9-]+)([^>]*)>/).map { match in
            let attributes = String(match.output.2).matches(of: /([A-Za-z-]+)(?:="[^"]*")?/)
                .map { String($0.output.1).lowercased() }
            return (String(match.output.1).lowercased(), attributes, String(match.output.0))
        }
    }

    static func expectOnlyTemplateMarkup(_ html: String) {
        for tag in tags(html) {
            #expect(allowedTags.contains(tag.name), "unexpected element \(tag.text)")
            for attribute in tag.attributes where tag.name != "!doctype" {
                #expect(allowedAttributes.contains(attribute), "unexpected attribute in \(tag.text)")
            }
        }
        let lowered = html.lowercased()
        #expect(!lowered.contains("<script"))
        #expect(!lowered.contains("<img"))
        // Escaped evidence may read `src=x` as text; what must never appear is a reference to another origin.
        #expect(lowered.matches(of: /(src|href|action|xlink:href)\s*=\s*("|')?\s*(https?:|\/\/)/).isEmpty)
        #expect(!lowered.contains("url("))
        #expect(!lowered.contains("@import"))
    }

    @Test func everySectionAndTheCSPArePresent() throws {
        for result in [Fixtures.result(), HostileFixture.result(), Fixtures.cleanResult()] {
            let html = try Self.render(result)
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.contains(Self.csp))
            for id in Self.sectionIDs { #expect(html.contains("<section id=\"\(id)\">"), "missing section \(id)") }
            #expect(html.hasSuffix("</html>\n"))
            #expect(html.components(separatedBy: "<section").count == html.components(separatedBy: "</section>").count)
            Self.expectOnlyTemplateMarkup(html)
        }
    }

    @Test func hostileTextIsEscapedAndControlsShown() throws {
        let html = try Self.render(HostileFixture.result())
        Self.expectOnlyTemplateMarkup(html)
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("evil|&quot;&lt;provider&gt;&quot;"))
        #expect(html.contains("https://evil.example/&quot;&gt;&lt;script&gt;x&lt;/script&gt;?a=1,2"))
        #expect(html.contains("[link](javascript:alert(1))"))
        #expect(html.contains("⟨U+0000⟩"))
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })

        let fixture = try Self.render(Fixtures.result())
        Self.expectOnlyTemplateMarkup(fixture)
        #expect(fixture.contains("⟨U+202E⟩txt.exe"))
        #expect(fixture.contains("⟨U+001B⟩[31mred"))
        #expect(!fixture.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x202E })
    }

    @Test func suppressedFindingsAreListedSeparatelyWithTheirReason() throws {
        let html = try Self.render(HostileFixture.result())
        let sections = html.components(separatedBy: "<section id=")
        let findings = try #require(sections.first { $0.hasPrefix("\"findings\"") })
        let suppressed = try #require(sections.first { $0.hasPrefix("\"suppressed\"") })
        #expect(suppressed.contains("accepted &lt;until&gt; | 2027 `x`"))
        #expect(suppressed.contains("tls.protocol.tls10-enabled"))
        #expect(!findings.contains("tls.protocol.tls10-enabled"))
        #expect(findings.contains("headers.csp-missing"))
        let clean = try Self.render(HostileFixture.result(suppressedToo: false))
        let noneSuppressed = try #require(
            clean.components(separatedBy: "<section id=").first { $0.hasPrefix("\"suppressed\"") }
        )
        #expect(noneSuppressed.contains("None."))
    }

    @Test func locationsAreCappedWithACountOfTheRest() throws {
        let html = try Self.render(Fixtures.result())
        #expect(html.contains("https://c.example/page/0"))
        #expect(html.contains("and 10 more"))
        let listed = html.matches(of: /https:\/\/c\.example\/page\/\d+/).count
        #expect(listed == 50)
    }

    @Test func findingsAreGroupedByProviderFamilyAndRule() throws {
        let html = try Self.render(Fixtures.result())
        #expect(html.contains("<details class=\"rule\" open>"))
        let findings = try #require(html.components(separatedBy: "<section id=").first { $0.hasPrefix("\"findings\"") })
        let alpha = try #require(findings.range(of: "<h3>alpha"))
        let charlie = try #require(findings.range(of: "<h3>charlie"))
        #expect(alpha.lowerBound < charlie.lowerBound)
        #expect(findings.contains("<h4>headers"))
        #expect(findings.contains("Send a strict Content-Security-Policy."))
    }

    @Test func complianceMatrixMarksFailPassAndNotTested() throws {
        let failing = try Self.render(Fixtures.result())
        #expect(failing.contains("<td>CWE-327</td><td class=\"status-fail\">fail</td>"))
        #expect(failing.contains("<td>1.1.1</td><td class=\"status-fail\">fail</td>"))
        let passing = try Self.render(Fixtures.cleanResult())
        #expect(passing.contains("<td>CWE-693</td><td class=\"status-pass\">pass</td>"))
        var unscanned = Fixtures.cleanResult()
        unscanned.targets = unscanned.targets.map {
            var target = $0
            target.status = .failed
            return target
        }
        let notTested = try Self.render(unscanned)
        #expect(notTested.contains("<td>CWE-693</td><td class=\"status-not-tested\">not tested</td>"))
        #expect(notTested.contains("status-not-scanned\">not scanned"))
    }

    @Test func builtInTemplateIsTheReportsFileByteForByte() throws {
        let result = Fixtures.result()
        let fromFile = HTMLReporter.render(
            result,
            options: ReportOptions(),
            template: try HTMLTemplate.load(file: Self.templateFile)
        )
        let builtIn = HTMLReporter.render(result, options: ReportOptions(), template: try HTMLTemplate.builtIn)
        #expect(fromFile == builtIn, "Sources/Reporting/HTML/HTMLTemplateSource.swift is out of date with Reports/")
        let fallback = try HTMLTemplate.load(
            environment: [:],
            executablePath: "/nonexistent/bin/portcullis",
            currentDirectory: "/"
        )
        #expect(fallback.origin == "built-in")
        let found = try HTMLTemplate.load(
            environment: [:],
            executablePath: "/nonexistent/bin/portcullis",
            currentDirectory: TestPaths.root.appendingPathComponent("Sources").path
        )
        #expect(found.origin == Self.templateFile.standardizedFileURL.path)
    }

    @Test func aBrokenTemplateFileIsAClearError() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(HTMLTemplate.fileName)
        try Data("<html>\n{{#findings}}\n<p>{{title}}</p>\n".utf8).write(to: file)
        let error = #expect(throws: HTMLReportError.self) {
            try HTMLTemplate.load(environment: [HTMLTemplate.environmentVariable: folder.path])
        }
        #expect(error?.file == file.path)
        #expect(error?.description.contains("invalid Mustache template") == true)
        let missing = #expect(throws: HTMLReportError.self) {
            try HTMLTemplate.load(environment: [HTMLTemplate.environmentVariable: "/nonexistent/reports"])
        }
        #expect(missing?.description.hasPrefix("/nonexistent/reports/audit-report.mustache: cannot read") == true)
    }

    static func tlsSummary(host: String, verdict: String, grade: String) -> TLSHostSummary {
        TLSHostSummary(
            host: host,
            address: "127.0.0.1",
            protocols: ["TLSv1.3"],
            suites: [:],
            serverPreference: [:],
            weakestSuite: nil,
            groups: [],
            dhPrimeBits: nil,
            features: [:],
            certificateSubject: nil,
            certificateExpiry: nil,
            certificateDaysLeft: nil,
            certificateTrusted: nil,
            profile: "intermediate",
            profileVerdict: verdict,
            grade: grade,
            handshakes: 1,
            seconds: 0,
            notes: []
        )
    }

    @Test func verdictTableAndScopeShowGradesTLSAndCrawl() throws {
        var result = Fixtures.cleanResult()
        result.targets = [
            TargetResult(provider: "one", url: "https://127.0.0.1:8443/", status: .scanned),
            TargetResult(provider: "two", url: "https://127.0.0.1:9443/login", status: .scanned),
        ]
        result.grades = [
            OriginGrade(
                origin: "https://127.0.0.1:9443",
                url: "https://127.0.0.1:9443/login",
                score: 35,
                grade: "D",
                results: []
            )
        ]
        result.tls = [
            Self.tlsSummary(host: "127.0.0.1:8443", verdict: "compliant", grade: "A+"),
            Self.tlsSummary(host: "127.0.0.1:9443", verdict: "2 deviations", grade: "B"),
        ]
        result.crawls = [
            CrawlSummary(
                provider: "two",
                pages: 12,
                skipped: ["robots": 3],
                stops: [CrawlStop(limit: "pages", detail: "12 of 12")],
                skippedExamples: ["robots": ["https://127.0.0.1:9443/<admin>"]]
            )
        ]
        let html = try Self.render(result)
        #expect(html.contains("<tr><td>one</td><td>1/1</td>"))
        let one = try #require(html.firstRange(of: "<tr><td>one</td>").map { html[$0.lowerBound...].prefix(400) })
        #expect(one.contains("<td>—</td><td>intermediate: compliant (A+)</td>"))
        let two = try #require(
            html.firstRange(of: "<tr><td>two</td><td>1/1").map { html[$0.lowerBound...].prefix(400) }
        )
        #expect(two.contains("<td>D (35)</td><td>intermediate: 2 deviations (B)</td>"))
        #expect(html.contains("<strong>pages</strong>: 12 of 12"))
        #expect(
            html.contains(
                "<strong>robots</strong>: 3 <span class=\"mono muted\">https://127.0.0.1:9443/&lt;admin&gt;</span>"
            )
        )
    }

    @Test func anOriginOnlyAHostProbeReachedGetsAVerdictFromItsFindings() throws {
        var result = Fixtures.cleanResult()
        result.targets = [TargetResult(provider: "rp", url: "https://127.0.0.1:8443/", status: .scanned)]
        result.findings = [
            Finding(
                ruleID: "sso.idp.redirect-uri-not-exact",
                title: "The identity provider accepts a tampered redirect_uri",
                severity: .critical,
                family: .sso,
                origin: "https://127.0.0.1:9443",
                message: "redirect_uri=https://evil.invalid/cb accepted",
                locations: [Location(url: "https://127.0.0.1:9443/authorize")],
                fingerprint: "idp-1"
            )
        ]
        let html = try Self.render(result)
        let idp = try #require(
            html.firstRange(of: "<tr><td>https://127.0.0.1:9443</td>").map { html[$0.lowerBound...].prefix(600) }
        )
        #expect(idp.contains("<td>probed</td>"))
        #expect(idp.contains("status-fail\">fail"))
        #expect(!idp.contains("not scanned"))
    }

    @Test func reportFormatWritesHTML() throws {
        #expect(ReportFormat.html.fileName == "portcullis-report.html")
        let data = try ReportFormat.html.render(Fixtures.result())
        #expect(String(decoding: data, as: UTF8.self).contains(Self.csp))
    }

    /// A scan shaped like the benchmark's: `count` findings over `ruleCount` rules and 20 providers, 1-3 locations
    /// each, every 97th waived.
    static func largeResult(count: Int, ruleCount: Int = 30) -> ScanResult {
        let origins = (0..<20).map { "https://provider-\($0).example" }
        let families: [Family] = [.headers, .accessibility, .tls]
        let rules = (0..<ruleCount).map { index in
            Rule(
                id: RuleID(rawValue: "bulk.rule-\(index)"),
                title: "Bulk rule \(index)",
                severity: Severity.allCases[index % Severity.allCases.count],
                family: families[index % families.count],
                description: "Rule \(index) description.",
                remediation: "Fix rule \(index)."
            )
        }
        let findings = (0..<count).map { index in
            let rule = rules[index % rules.count]
            let origin = origins[index % origins.count]
            return Finding(
                ruleID: rule.id,
                title: rule.title,
                severity: rule.severity,
                family: rule.family,
                origin: origin,
                message: "Observed on page \(index) <script>alert(\(index))</script>",
                locations: (0...(index % 3)).map { page in
                    Location(
                        url: "\(origin)/section/\(index / 40)/page-\(page)",
                        elementPath: "html > body > div:nth-of-type(\(page + 1))",
                        snippet: "<img src=\"/i/\(index).png\">"
                    )
                },
                fingerprint: String(format: "fp-%08d", index),
                suppression: index % 97 == 0 ? "accepted risk (ticket SEC-\(index))" : nil
            )
        }
        return ScanResult(
            startedAt: Fixtures.startedAt,
            finishedAt: Fixtures.startedAt.addingTimeInterval(600),
            profile: "default",
            targets: origins.map { TargetResult(provider: $0, url: $0 + "/", status: .scanned) },
            findings: findings,
            problems: [],
            rules: rules
        )
    }

    /// The sum of the numbers in the first capture of every match of `pattern` in `text`.
    static func sum(_ text: String, _ pattern: Regex<(Substring, Substring)>) -> Int {
        text.matches(of: pattern).reduce(0) { $0 + (Int($1.output.1) ?? 0) }
    }

    @Test func aHundredThousandFindingsMakeAPageABrowserOpens() throws {
        let result = Self.largeResult(count: 100_000)
        let waived = result.findings.filter { $0.suppression != nil }.count
        let template = try HTMLTemplate.load(file: Self.templateFile)
        let clock = ContinuousClock()
        var html = Data()
        let elapsed = clock.measure {
            html = HTMLReporter.render(result, options: ReportOptions(), template: template)
        }
        print("HTML report of 100,000 findings (debug build): \(elapsed), \(html.count) bytes")
        #expect(html.count < 15_000_000, "a 100,000-finding page must stay under 15 MB, is \(html.count) bytes")
        #expect(html.count > 1_000_000)
        let text = String(decoding: html, as: UTF8.self)
        #expect(!text.contains("<details class=\"rule\" open>"))
        // Every active finding is counted in exactly one rule group's summary line.
        #expect(Self.sum(text, /— (\d+) findings, \d+ occurrences/) == 100_000 - waived)
        // What is not shown is announced, and what is shown, listed or counted adds up to every active finding.
        let detailed = text.components(separatedBy: "<div class=\"finding\">").count - 1
        let compact =
            Self.sum(text, /Findings \d+ to (\d+) of/) - Self.sum(text, /Findings (\d+) to \d+ of/)
            + text.matches(of: /Findings \d+ to \d+ of/).count
        let omitted = Self.sum(text, /… and (\d+) more findings of this rule: see portcullis-report\.csv/)
        #expect(detailed > 0 && compact > 0 && omitted > 0)
        #expect(detailed + compact + omitted == 100_000 - waived)
        #expect(text.contains("\(detailed) are shown\nin full"))
        #expect(text.contains("<p class=\"more\">… and"))
        // Reduced location lists on a page this size.
        #expect(text.contains("at most 10 locations each"))
        let suppressed = try #require(
            text.components(separatedBy: "<section id=").first { $0.hasPrefix("\"suppressed\"") }
        )
        #expect(suppressed.components(separatedBy: "accepted risk (ticket SEC-").count - 1 == waived)
        // The same input gives the same bytes.
        #expect(HTMLReporter.render(result, options: ReportOptions(), template: template) == html)
    }

    @Test func aNormalScanShowsEveryFindingInFull() throws {
        let result = Self.largeResult(count: 600)
        let html = try Self.render(result)
        let waived = result.findings.filter { $0.suppression != nil }.count
        #expect(html.components(separatedBy: "<div class=\"finding\">").count - 1 == 600 - waived)
        #expect(!html.contains("in brief"))
        #expect(!html.contains("more findings of this rule"))
        #expect(!html.contains("more than a page can show"))
    }

    @Test func theCompactTableEscapesHostileURLsAndElements() throws {
        var result = Self.largeResult(count: 3_000, ruleCount: 1)
        result.findings = result.findings.map { finding in
            var finding = finding
            finding.suppression = nil
            finding.locations = [
                Location(
                    url: HostileFixture.url,
                    elementPath: HostileFixture.imageBreakout,
                    snippet: HostileFixture.script
                )
            ]
            return finding
        }
        let html = try Self.render(result)
        Self.expectOnlyTemplateMarkup(html)
        let table = try #require(html.firstRange(of: "<table class=\"compact\">").map { html[$0.lowerBound...] })
        #expect(table.contains("https://evil.example/&quot;&gt;&lt;script&gt;x&lt;/script&gt;?a=1,2"))
        #expect(table.contains("<code>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</code>"))
    }

    @Test func longEvidenceIsCutWithACountOfTheRest() throws {
        var result = Fixtures.result()
        result.findings[0].message = String(repeating: "é<", count: 1_250) + "\u{202E}"
        let html = try Self.render(result)
        #expect(html.contains(String(repeating: "é&lt;", count: 1_000) + "… (501 more characters)"))
        #expect(!html.contains("\u{202E}"))
    }

    static func waiver(owner: String) -> Suppression {
        Suppression(
            rule: "tls.protocol.tls10-enabled",
            reason: "Legacy clients \(HostileFixture.script)",
            source: "waivers.yaml:7",
            owner: owner,
            ticket: "SEC-42",
            expires: "2027-03-31"
        )
    }

    @Test func waivedFindingsShowReasonOwnerTicketExpiryAndWaiverNotes() throws {
        var result = HostileFixture.result()
        result.findings[2].waiver = Self.waiver(owner: HostileFixture.imageBreakout)
        result.findings[2].suppression = result.findings[2].waiver?.label
        result.waiverNotes = [
            WaiverNote(kind: .expired, rule: "a11y.*", label: "old reason <b>x</b>", source: "waivers.yaml:12"),
            WaiverNote(kind: .stale, rule: "headers.csp-missing", label: "nothing left", source: "waivers.yaml:20"),
        ]
        let html = try Self.render(result)
        Self.expectOnlyTemplateMarkup(html)
        let suppressed = try #require(
            html.components(separatedBy: "<section id=").first { $0.hasPrefix("\"suppressed\"") }
        )
        #expect(suppressed.contains("<td>Legacy clients &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>"))
        #expect(suppressed.contains("<td>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</td><td>SEC-42</td>"))
        #expect(suppressed.contains("<td>2027-03-31</td><td class=\"mono\">waivers.yaml:7</td>"))
        #expect(suppressed.contains("<td>evil|&quot;&lt;provider&gt;&quot;</td>"))
        #expect(
            suppressed.contains("<td>expired</td><td><code>a11y.*</code></td><td>old reason &lt;b&gt;x&lt;/b&gt;</td>")
        )
        #expect(suppressed.contains("<td class=\"mono\">waivers.yaml:20</td>"))
        let plain = try Self.render(HostileFixture.result())
        #expect(plain.contains("None: every waiver applied"))
    }

    @Test func theExecutiveSummaryShowsWhatChangedSinceTheBaseline() throws {
        let current = Fixtures.result()
        var previous = Fixtures.result()
        previous.findings.removeAll { $0.fingerprint == "fp-sso-1" }
        previous.findings[0].severity = .high
        previous.findings.append(
            Finding(
                ruleID: "headers.csp-missing",
                title: HostileFixture.title,
                severity: .medium,
                family: .headers,
                origin: "https://a.example",
                message: "gone",
                locations: [Location(url: "https://a.example/old", elementPath: HostileFixture.imageBreakout)],
                fingerprint: "fp-fixed-1"
            )
        )
        let comparison = BaselineComparison(baseline: previous, current: current)
        let html = try Self.render(current, options: ReportOptions(baseline: comparison))
        Self.expectOnlyTemplateMarkup(html)
        let summary = try #require(
            html.components(separatedBy: "<section id=").first { $0.hasPrefix("\"executive-summary\"") }
        )
        #expect(summary.contains("<tr><td>1</td><td>1</td><td>4</td><td>1</td></tr>"))
        #expect(summary.contains("<code>sso.rp.state-missing</code> Login request has no state</td>\n<td>alpha</td>"))
        #expect(summary.contains("Evil | title `code` &lt;b&gt;bold&lt;/b&gt; [link](javascript:alert(1))"))
        #expect(summary.contains("https://a.example/old <code>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</code>"))
        #expect(!summary.contains("No baseline was given"))

        var elsewhere = Fixtures.result()
        elsewhere.targets = [TargetResult(provider: "zulu", url: "https://z.example", status: .scanned)]
        let disjoint = try Self.render(
            current,
            options: ReportOptions(baseline: BaselineComparison(baseline: elsewhere, current: current))
        )
        #expect(disjoint.contains("<p class=\"warning\">Warning: the baseline and the current scan have no target"))
        #expect(try Self.render(current).contains("No baseline was given"))
    }

    @Test func targetsThatCouldNotBeScannedAreListedWithTheProblems() throws {
        let html = try Self.render(Fixtures.result())
        let scope = try #require(
            html.components(separatedBy: "<section id=").first { $0.hasPrefix("\"scope-and-method\"") }
        )
        #expect(scope.contains("<li><strong>bravo</strong> <span class=\"mono\">https://b.example</span></li>"))
        #expect(scope.contains("connection-refused"))
        #expect(!scope.contains("Everything in scope could be checked"))
        #expect(try Self.render(Fixtures.cleanResult()).contains("Everything in scope could be checked"))
    }

    @Test func aTemplateWithoutTheMarkersIsAClearError() throws {
        let error = #expect(throws: HTMLReportError.self) {
            try HTMLTemplate(source: "<html>{{toolName}}</html>\n", origin: "custom.mustache")
        }
        #expect(error?.description.hasPrefix("custom.mustache: the template must contain") == true)
        let nested = #expect(throws: HTMLReportError.self) {
            try HTMLTemplate(
                source: "{{#x}}\(HTMLTemplate.findingsMarker)\(HTMLTemplate.waivedMarker){{/x}}",
                origin: "nested.mustache"
            )
        }
        #expect(nested?.description.contains("must not be inside a Mustache section") == true)
    }
}
