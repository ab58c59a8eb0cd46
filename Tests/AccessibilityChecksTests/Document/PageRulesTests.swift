import AccessibilityChecks
import PortcullisCore
import Testing

@Suite struct DocumentPageRulesTests {
    typealias F = DocumentFixtures

    static func refresh(_ content: String) -> String { "<meta http-equiv=refresh content=\"\(content)\">" }
    static func viewport(_ content: String) -> String { "<meta name=viewport content=\"\(content)\">" }

    static let cases: [DocumentCase] = [
        .init("document-title", .passed, html: "<html><title>This page has a title</title></html>"),
        .init("document-title", .passed, html: "<html><body><title>Title in body</title></body></html>"),
        .init("document-title", .passed, "<title></title>", head: "<title>Head title</title>"),
        .init("document-title", .failed, html: "<html><h1>No title</h1></html>"),
        .init("document-title", .failed, html: "<html><title> </title></html>"),
        .init("document-title", .failed, "<title>Body title</title>", head: "<title></title>"),
        .init("document-title", .failed, "<svg><title>Chart</title></svg>", head: ""),
        .init("document-title", .failed, "<template><title>Later</title></template>", head: ""),
        .init(
            "document-title",
            .inapplicable,
            html: "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>x</title></svg>"
        ),
        .init("meta-refresh", .passed, "", head: refresh("0; URL='https://example.com'")),
        .init("meta-refresh", .passed, "", head: refresh("0; https://w3.org") + refresh("5; https://w3.org")),
        .init("meta-refresh", .passed, "", head: refresh("72001; https://w3.org")),
        .init("meta-refresh", .failed, "", head: refresh("30")),
        .init("meta-refresh", .failed, "", head: refresh("72000; https://w3.org")),
        .init("meta-refresh", .failed, "", head: refresh("0: https://w3.org") + refresh("5; https://w3.org")),
        .init("meta-refresh", .failed, "", head: refresh("  1.5, https://w3.org")),
        .init("meta-refresh", .inapplicable, "", head: "<meta http-equiv=refresh>"),
        .init("meta-refresh", .inapplicable, "", head: "<meta content=30>"),
        .init("meta-refresh", .inapplicable, "", head: refresh("0: https://w3.org")),
        .init("meta-refresh", .inapplicable, "", head: refresh("-00.12 foo")),
        .init("meta-refresh", .inapplicable, "", head: refresh("; 30")),
        .init("meta-refresh", .inapplicable, "", head: refresh("")),
        .init("meta-refresh", .inapplicable, "", head: refresh("+5; https://w3.org")),
        .init("meta-refresh-no-exceptions", .passed, "", head: refresh("0; https://w3.org")),
        .init("meta-refresh-no-exceptions", .failed, "", head: refresh("72001; URL='https://w3.org'")),
        .init("meta-refresh-no-exceptions", .inapplicable, "", head: refresh("foo; URL='https://w3.org'")),
        .init("meta-viewport", .passed, "", head: viewport("user-scalable=yes")),
        .init("meta-viewport", .passed, "", head: viewport("maximum-scale=2.0")),
        .init("meta-viewport", .passed, "", head: viewport("maximum-scale=-1")),
        .init("meta-viewport", .passed, "", head: viewport("user-scalable=5")),
        .init("meta-viewport", .passed, "", head: viewport("maximum-scale=device-width")),
        .init("meta-viewport", .failed, "", head: viewport("user-scalable=no")),
        .init("meta-viewport", .failed, "", head: viewport("width=device-width; User-Scalable = NO")),
        .init("meta-viewport", .failed, "", head: viewport("user-scalable=yes, initial-scale=0.8, maximum-scale=1.5")),
        .init("meta-viewport", .failed, "", head: viewport("maximum-scale=yes")),
        .init("meta-viewport", .failed, "", head: viewport("maximum-scale=invalid")),
        .init("meta-viewport", .failed, "", head: viewport("user-scalable=0.5")),
        .init("meta-viewport", .inapplicable, "", head: viewport("width=device-width")),
        .init("meta-viewport", .inapplicable, "", head: "<meta name=viewport>"),
        .init("meta-viewport-large", .passed, "", head: viewport("maximum-scale=5")),
        .init("meta-viewport-large", .failed, "", head: viewport("maximum-scale=3")),
        .init("blink", .failed, "<blink>Sale</blink>"),
        .init("blink", .inapplicable, "<div hidden><blink>Sale</blink></div>"),
        .init("marquee", .failed, "<marquee>News</marquee>"),
        .init("marquee", .inapplicable, "<p>News</p>"),
        .init("server-side-image-map", .failed, "<a href=/map><img src=m.png alt=Map ismap></a>"),
        .init("server-side-image-map", .inapplicable, "<img src=m.png alt=Map usemap=#m>"),
        .init("video-caption", .passed, "<video src=v.mp4><track kind=captions src=c.vtt></video>"),
        .init("video-caption", .needsReview, "<video src=v.mp4><track kind=subtitles src=s.vtt></video>"),
        .init("video-caption", .inapplicable, "<audio src=a.mp3></audio>"),
        .init("page-has-heading-one", .passed, "<h1>Title</h1>"),
        .init("page-has-heading-one", .passed, "<div role=heading aria-level=1>Title</div>"),
        .init("page-has-heading-one", .failed, "<h2>Sub</h2>"),
        .init("page-has-heading-one", .failed, "<h1 hidden>Title</h1>"),
        .init("page-has-heading-one", .failed, "<h1 role=presentation>Title</h1>"),
        .init("heading-order", .passed, "<h1>a</h1><h2>b</h2><h3>c</h3><h2>d</h2><h1>e</h1>"),
        .init("heading-order", .passed, "<h3>first heading may be any level</h3><h4>b</h4>"),
        .init("heading-order", .failed, "<h1>a</h1><h3>b</h3>"),
        .init("heading-order", .failed, "<h2>a</h2><div role=heading aria-level=4>b</div>"),
        .init("heading-order", .passed, "<h1>a</h1><h4 aria-level=2>b</h4>"),
        .init("heading-order", .inapplicable, "<p>No headings</p>"),
        .init("bypass", .passed, "<a href=/a>a</a><main>content</main>"),
        .init("bypass", .passed, "<a href=/a>a</a><h2>Heading</h2>"),
        .init("bypass", .passed, "<a href=#c>Skip</a><a href=/a>a</a><div id=c>content</div>"),
        .init("bypass", .failed, "<a href=/a>a</a><div>content</div>"),
        .init("bypass", .needsReview, "<a href=/a>a</a><div>content</div><script>build()</script>"),
        .init("bypass", .inapplicable, "<div>No links</div>"),
        .init("skip-link", .passed, "<a href=#main>Skip</a><main id=main>x</main>"),
        .init("skip-link", .passed, "<a href=#top>Top</a><a href=#>Top</a><a href=#n>n</a><a name=n></a>"),
        .init("skip-link", .failed, "<a href=#main>Skip</a><main id=content>x</main>"),
        .init("skip-link", .needsReview, "<a href=#later>Skip</a><script>add()</script>"),
        .init("skip-link", .inapplicable, "<a href=#/route>Route</a><a href=/page#x>x</a>"),
    ]

    @Test(arguments: cases)
    func outcome(_ testCase: DocumentCase) {
        #expect(F.outcome(testCase.rule, html: testCase.html) == testCase.expected)
    }

    @Test func pageLevelFailureAggregatesAcrossPages() throws {
        let observation = try #require(F.observations("a11y.document-title", html: "<html><p>x</p></html>").first)
        #expect(observation.outcome == .failed)
        #expect(observation.key.isEmpty, "one finding per site, not per page")
        #expect(observation.evidence.summary.contains("no <title>"))
    }

    @Test func refreshEvidenceSaysRedirectOrReload() throws {
        let reload = F.document("", head: Self.refresh("30"))
        let redirect = F.document("", head: Self.refresh("30; url=/next"))
        let reloadSummary = try #require(F.observations("a11y.meta-refresh", html: reload).first).evidence.summary
        let redirectSummary = try #require(F.observations("a11y.meta-refresh", html: redirect).first).evidence.summary
        #expect(reloadSummary.contains("reloads after 30 s"))
        #expect(redirectSummary.contains("redirects after 30 s"))
    }

    @Test func eachSkippedHeadingIsItsOwnFailure() {
        let html = F.document("<h1>a</h1><h3>b</h3><h4>c</h4><h6>d</h6>")
        let outcomes = F.observations("a11y.heading-order", html: html).map(\.outcome)
        #expect(outcomes == [.passed, .failed, .passed, .failed])
    }
}
