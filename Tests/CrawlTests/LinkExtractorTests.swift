import Crawl
import Foundation
import PortcullisCore
import PortcullisHTML
import Testing

/// Link discovery over real markup parsed by libxml2, and over response headers.
@Suite struct LinkExtractorTests {
    static let pageURL = URL(string: "https://example.com/dir/page.html?q=1")!

    private func links(_ html: String, headers: [HeaderField] = [], maxLinks: Int = 5000) -> DiscoveredLinks {
        LinkExtractor.extract(from: HTMLDocument(html: html), headers: headers, url: Self.pageURL, maxLinks: maxLinks)
    }

    private func pages(_ html: String, headers: [HeaderField] = []) -> [String] {
        links(html, headers: headers).pages.map(\.absoluteString)
    }

    /// One navigable element each, and the URL it must yield (nil: no page).
    static let pageElements: [(markup: String, expected: String?)] = [
        (#"<a href="/a">a</a>"#, "https://example.com/a"),
        (#"<map><area href="area.html"></map>"#, "https://example.com/dir/area.html"),
        (#"<link rel="alternate" href="/feed.xml">"#, "https://example.com/feed.xml"),
        (#"<link rel="next" href="?page=2">"#, "https://example.com/dir/page.html?page=2"),
        (#"<link rel="canonical" href="https://example.com/dir/page">"#, "https://example.com/dir/page"),
        (#"<link href="/no-rel">"#, "https://example.com/no-rel"),
        (#"<iframe src="//frames.example.net/f"></iframe>"#, "https://frames.example.net/f"),
        (#"<frameset><frame src="frame.html"></frameset>"#, "https://example.com/dir/frame.html"),
        (#"<form action="/search"><input name=q></form>"#, "https://example.com/search"),
        (#"<form action="/search" method="GET"></form>"#, "https://example.com/search"),
        (#"<form action="/search" method=" get "></form>"#, "https://example.com/search"),
        (#"<form action="/search" method="bogus"></form>"#, "https://example.com/search"),
        (#"<form action="/login" method="post"></form>"#, nil),
        (#"<form action="/login" method="POST"></form>"#, nil),
        (#"<form action="/close" method="dialog"></form>"#, nil),
        (#"<form method="get"></form>"#, nil),
        (#"<meta http-equiv="refresh" content="0; url=/next">"#, "https://example.com/next"),
        (#"<meta http-equiv="Refresh" content="5;URL='landing'">"#, "https://example.com/dir/landing"),
        (#"<meta http-equiv="refresh" content="5">"#, nil),
        (#"<meta name="refresh" content="0; url=/not-http-equiv">"#, nil),
        (#"<a href="http://other.example/x">x</a>"#, "http://other.example/x"),
        (#"<a href="../up/">x</a>"#, "https://example.com/up/"),
        (#"<a href="  /trimmed  ">x</a>"#, "https://example.com/trimmed"),
        ("<a href=\"/split\n/across\tlines\">x</a>", "https://example.com/split/acrosslines"),
        (#"<a href="/with#fragment">x</a>"#, "https://example.com/with"),
        (#"<a href="/a&amp;b?x=1&amp;y=2">x</a>"#, "https://example.com/a&b?x=1&y=2"),
        (#"<a href="/caf&#233;">x</a>"#, "https://example.com/caf%C3%A9"),
        (#"<a href="javascript:alert(1)">x</a>"#, nil),
        (#"<a href=" JavaScript:alert(1)">x</a>"#, nil),
        (#"<a href="mailto:a@example.com">x</a>"#, nil),
        (#"<a href="tel:+441234">x</a>"#, nil),
        (#"<a href="data:text/html,hi">x</a>"#, nil),
        (#"<a href="about:blank">x</a>"#, nil),
        (#"<a href="ftp://example.com/f">x</a>"#, nil),
        (#"<a href="http:no-host">x</a>"#, nil),
        (#"<a href="https://example.com:99999/">x</a>"#, nil),
        (##"<a href="#top">x</a>"##, nil),
        (#"<a href="">x</a>"#, nil),
        (#"<a href="page.html?q=1#again">self</a>"#, nil),
        (#"<a>no href</a>"#, nil),
        (#"<template><a href="/in-template">x</a></template>"#, nil),
        (#"<template><div><template><a href="/nested"></a></template></div></template>"#, nil),
    ]

    @Test(arguments: pageElements)
    func findsEachKindOfPageLink(_ sample: (markup: String, expected: String?)) {
        let found = pages("<html><head></head><body>\(sample.markup)</body></html>")
        #expect(found == (sample.expected.map { [$0] } ?? []), "\(sample.markup)")
    }

    @Test func baseHrefChangesTheBaseOfMarkupLinksButNotOfHeaders() {
        let html = #"""
            <html><head><base href="https://cdn.example.org/root/"><base href="https://ignored.example/"></head>
            <body><a href="rel">r</a><a href="/abs">a</a><img src="i.png"></body></html>
            """#
        let found = links(html, headers: [HeaderField(name: "Content-Location", value: "/cl")])
        #expect(
            found.pages.map(\.absoluteString) == [
                "https://cdn.example.org/root/rel", "https://cdn.example.org/abs", "https://example.com/cl",
            ]
        )
        #expect(found.subresources.map(\.url.absoluteString) == ["https://cdn.example.org/root/i.png"])
    }

    @Test(arguments: [#"<base href="javascript:alert(1)">"#, #"<base href="mailto:x@y">"#, "<base target=_top>"])
    func aNonHTTPBaseIsIgnored(_ base: String) {
        #expect(
            pages("<html><head>\(base)</head><body><a href=\"x\">x</a></body></html>") == [
                "https://example.com/dir/x"
            ]
        )
    }

    @Test func relativeReferencesResolveAgainstAnHTTPBase() {
        let found = pages(#"<base href="/other/sub/"><a href="x">1</a><a href="../y">2</a>"#)
        #expect(found == ["https://example.com/other/sub/x", "https://example.com/other/y"])
    }

    @Test func pagesAreDeduplicatedInDocumentOrder() {
        let html = #"""
            <a href="/b">1</a><a href="/a">2</a><a href="/b#frag">3</a><iframe src="/a"></iframe>
            <link rel="next" href="/c"><a href="https://example.com/c">4</a>
            """#
        #expect(pages(html) == ["https://example.com/b", "https://example.com/a", "https://example.com/c"])
    }

    @Test func headersAddLocationContentLocationAndLinkAfterMarkup() {
        let headers = [
            HeaderField(name: "location", value: "/moved"),
            HeaderField(name: "Content-Location", value: "page.en.html"),
            HeaderField(name: "Link", value: #"</next>; rel="next", </style.css>; rel=stylesheet"#),
            HeaderField(name: "LINK", value: #"<https://example.com/alt>; rel=alternate; hreflang=de"#),
            HeaderField(name: "Link", value: #"</font.woff2>; rel=preload; as=font, <https://cdn.x/>; rel=preconnect"#),
            HeaderField(name: "X-Location", value: "/not-a-link"),
        ]
        let found = links("<a href=/first>f</a>", headers: headers)
        #expect(
            found.pages.map(\.absoluteString) == [
                "https://example.com/first", "https://example.com/moved", "https://example.com/dir/page.en.html",
                "https://example.com/next", "https://example.com/alt",
            ]
        )
        #expect(
            found.subresources == [
                Subresource(
                    kind: .stylesheet,
                    url: URL(string: "https://example.com/style.css")!,
                    elementPath: "Link header"
                ),
                Subresource(
                    kind: .other,
                    url: URL(string: "https://example.com/font.woff2")!,
                    elementPath: "Link header"
                ),
            ]
        )
    }

    @Test func headersAloneWorkWithoutADocument() {
        let found = LinkExtractor.extract(
            from: nil,
            headers: [HeaderField(name: "Location", value: "https://example.com/elsewhere")],
            url: Self.pageURL
        )
        #expect(found.pages == [URL(string: "https://example.com/elsewhere")!])
        #expect(found.subresources.isEmpty)
        #expect(found.omitted == 0)
    }

    /// One subresource element each and the (kind, URL) records it must yield.
    static let subresourceElements: [(markup: String, expected: [String])] = [
        (#"<script src="/app.js"></script>"#, ["script https://example.com/app.js"]),
        (#"<script>inline()</script>"#, []),
        (#"<link rel="stylesheet" href="s.css">"#, ["stylesheet https://example.com/dir/s.css"]),
        (#"<link rel="Alternate StyleSheet" href="/alt.css">"#, ["stylesheet https://example.com/alt.css"]),
        (#"<link rel="icon" href="/favicon.ico">"#, ["image https://example.com/favicon.ico"]),
        (#"<link rel="shortcut icon" href="/f.ico">"#, ["image https://example.com/f.ico"]),
        (#"<link rel="apple-touch-icon" href="/t.png">"#, ["image https://example.com/t.png"]),
        (#"<link rel="preload" href="/p.js" as="script">"#, ["script https://example.com/p.js"]),
        (#"<link rel="preload" href="/p.css" as="style">"#, ["stylesheet https://example.com/p.css"]),
        (#"<link rel="preload" href="/p.png" as="image">"#, ["image https://example.com/p.png"]),
        (#"<link rel="preload" href="/p.woff2" as="font">"#, ["other https://example.com/p.woff2"]),
        (#"<link rel="modulepreload" href="/m.mjs">"#, ["script https://example.com/m.mjs"]),
        (#"<link rel="prefetch" href="/later">"#, []),
        (#"<link rel="dns-prefetch" href="//cdn.example">"#, []),
        (#"<link rel="preconnect" href="https://cdn.example">"#, []),
        (#"<link rel="manifest" href="/app.webmanifest">"#, []),
        (#"<img src="http://insecure.example/i.png">"#, ["image http://insecure.example/i.png"]),
        (
            #"<img src="a.png" srcset="a.png 1x, b.png 2x">"#,
            ["image https://example.com/dir/a.png", "image https://example.com/dir/b.png"]
        ),
        (
            #"<img srcset="s.jpg 480w,m.jpg 800w, l.jpg  1200w" sizes="(max-width: 600px) 480px, 800px">"#,
            [
                "image https://example.com/dir/s.jpg", "image https://example.com/dir/m.jpg",
                "image https://example.com/dir/l.jpg",
            ]
        ),
        (
            #"<picture><source srcset="/w.webp" type="image/webp"><img src="/f.jpg"></picture>"#,
            ["image https://example.com/w.webp", "image https://example.com/f.jpg"]
        ),
        (
            #"<video src="/v.mp4" poster="/poster.jpg"><track src="/subs.vtt"></video>"#,
            [
                "media https://example.com/v.mp4", "image https://example.com/poster.jpg",
                "media https://example.com/subs.vtt",
            ]
        ),
        (#"<audio><source src="/a.ogg" type="audio/ogg"></audio>"#, ["media https://example.com/a.ogg"]),
        (#"<embed src="/e.swf">"#, ["other https://example.com/e.swf"]),
        (#"<object data="/o.pdf"></object>"#, ["other https://example.com/o.pdf"]),
        (#"<img src="data:image/png;base64,iVBORw0KGgo=">"#, []),
        (#"<script src="javascript:void(0)"></script>"#, []),
        (#"<template><script src="/t.js"></script><img src="/t.png"></template>"#, []),
    ]

    @Test(arguments: subresourceElements)
    func findsEachKindOfSubresource(_ sample: (markup: String, expected: [String])) {
        let found = links("<html><head></head><body>\(sample.markup)</body></html>")
        #expect(found.subresources.map { "\($0.kind.rawValue) \($0.url.absoluteString)" } == sample.expected)
        // Subresources are never pages to crawl.
        #expect(found.pages.isEmpty, "\(sample.markup)")
    }

    @Test func subresourcesCarryIntegrityAndElementPath() throws {
        let html = #"""
            <html><head>
            <script src="https://cdn.example/lib.js" integrity="sha384-abc" crossorigin="anonymous"></script>
            <link rel="stylesheet" href="/s.css" integrity="sha256-def">
            </head><body><div id="hero"><img src="/hero.png"></div></body></html>
            """#
        let found = links(html).subresources
        try #require(found.count == 3)
        #expect(found[0].kind == .script)
        #expect(found[0].integrity == "sha384-abc")
        #expect(found[0].elementPath == "html > head > script")
        #expect(found[1].integrity == "sha256-def")
        #expect(found[1].elementPath == "html > head > link")
        #expect(found[2].integrity == nil)
        #expect(found[2].elementPath == "#hero > img")
    }

    @Test func pagesAndSubresourcesAreCappedAndTheRestCounted() {
        let anchors = (0..<100_000).map { "<a href=\"/p/\($0)\">\($0)</a>" }.joined()
        let images = (0..<30).map { "<img src=\"/i/\($0).png\">" }.joined()
        let start = ContinuousClock.now
        let found = links("<html><body>\(anchors)\(images)</body></html>", maxLinks: 20)
        #expect(found.pages.count == 20)
        #expect(found.pages.first?.absoluteString == "https://example.com/p/0")
        #expect(found.pages.last?.absoluteString == "https://example.com/p/19")
        #expect(found.subresources.count == 20)
        #expect(found.omitted == 100_000 - 20 + 30 - 20)
        #expect(ContinuousClock.now - start < .seconds(20))
    }

    @Test func theDefaultCapIsFiveThousand() {
        let anchors = (0..<100_000).map { "<a href=\"/p/\($0)\">\($0)</a>" }.joined()
        let found = LinkExtractor.extract(from: HTMLDocument(html: anchors), headers: [], url: Self.pageURL)
        #expect(found.pages.count == 5000)
        #expect(found.omitted == 95_000)
    }

    @Test func aZeroOrNegativeCapKeepsNothing() {
        for cap in [0, -5] {
            let found = links(#"<a href="/a">a</a><img src="/i.png">"#, maxLinks: cap)
            #expect(found.pages.isEmpty)
            #expect(found.subresources.isEmpty)
            #expect(found.omitted == 2)
        }
    }

    /// Broken markup and hostile attribute values give what a browser would take, or nothing; never a crash.
    static let hostileMarkup: [(markup: String, expected: [String])] = [
        ("", []),
        ("<", []),
        ("<a href", []),
        ("<a href=>x</a>", []),
        ("<a href='\u{0}'>x</a>", []),
        ("<a href=\"/\(String(repeating: "x", count: 100_000))\">long</a>", []),
        ("<a href=\"http://[::1\">x</a>", []),
        ("<a href=\"http://ex ample.com/\">x</a>", []),
        (
            "<a href=/unquoted>x</a><a href='/single'>y</a>",
            ["https://example.com/unquoted", "https://example.com/single"]
        ),
        ("<a href=\"/%zz%\">x</a>", ["https://example.com/%25zz%25"]),
        ("<a href=\"https:\\\\other.example\\x\">x</a>", ["https://other.example/x"]),
        ("<meta http-equiv=refresh content=\";;;url=\">", []),
        ("<A HREF=\"/upper\">x</A>", ["https://example.com/upper"]),
    ]

    @Test(arguments: hostileMarkup)
    func hostileMarkupNeverCrashes(_ sample: (markup: String, expected: [String])) {
        #expect(pages(sample.markup) == sample.expected)
    }

    @Test func deepNestingIsBoundedByTheParser() {
        let shallow = String(repeating: "<div>", count: 200) + "<a href=/deep>d</a>"
        #expect(pages(shallow) == ["https://example.com/deep"])
        // libxml2 stops building the tree at depth 256: a link below that is not seen (pinned gap), and
        // nothing crashes or takes long.
        let start = ContinuousClock.now
        let hostile = String(repeating: "<div>", count: 50_000) + "<a href=/deep>d</a>"
        #expect(pages(hostile).isEmpty)
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test func srcsetEdgeCases() {
        let found = links(#"<img srcset=",,, a.png 1x,b.png,, c.png (a, b) 2x , d.png">"#).subresources
        #expect(
            found.map(\.url.lastPathComponent) == ["a.png", "b.png", "c.png", "d.png"]
        )
        #expect(links(#"<img srcset=" , ,">"#).subresources.isEmpty)
    }
}
