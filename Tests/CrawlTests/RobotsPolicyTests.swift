import Crawl
import Foundation
import Testing

@Suite struct RobotsPolicyTests {
    static let rfcExample = """
        User-Agent: *
        Disallow: *.gif$
        Disallow: /example/
        Allow: /publications/

        User-Agent: foobot
        Disallow:/
        Allow:/example/page.html
        Allow:/example/allowed.gif

        User-Agent: barbot
        User-Agent: bazbot
        Disallow: /example/page.html

        User-Agent: quxbot

        EOF
        """

    func policy(_ text: String) -> RobotsPolicy { RobotsPolicy.parse(Data(text.utf8)) }
    func url(_ path: String) -> URL { URL(string: "https://e.com\(path)")! }

    @Test(
        "RFC 9309 §5.1 example",
        arguments: [
            ("Portcullis", "/", true), ("Portcullis", "/a.gif", false), ("Portcullis", "/a.gif?x", true),
            ("Portcullis", "/example/x", false), ("Portcullis", "/publications/", true),
            ("foobot", "/", false), ("FooBot/2.1", "/example/page.html", true),
            ("foobot", "/example/allowed.gif", true),
            ("foobot", "/example/other.gif", false), ("barbot", "/example/page.html", false),
            ("bazbot", "/b.gif", true),
            ("barbot", "/example/other", true), ("quxbot", "/example/x", true), ("quxbot", "/a.gif", true),
        ]
    )
    func rfcExample(agent: String, path: String, allowed: Bool) {
        #expect(policy(Self.rfcExample).allows(url(path), userAgent: agent) == allowed)
    }

    @Test(
        "Longest match wins; allow wins ties",
        arguments: [
            ("Allow: /p\nDisallow: /", "/page", true), ("Allow: /\nDisallow: /p", "/page", false),
            ("Allow: /page\nDisallow: /*.php", "/page", true), ("Allow: /$\nDisallow: /", "/", true),
            ("Allow: /$\nDisallow: /", "/page.htm", false), ("Disallow: /a\nAllow: /a", "/abc", true),
            ("Allow: /example/page/\nDisallow: /example/page/disallowed.gif", "/example/page/disallowed.gif", false),
            ("Allow: /folder\nDisallow: /folder", "/folder/page", true),
        ]
    )
    func precedence(rules: String, path: String, allowed: Bool) {
        #expect(policy("User-agent: *\n" + rules).allows(url(path), userAgent: "Portcullis") == allowed)
    }

    @Test(
        "Wildcards, anchors and percent-encoding",
        arguments: [
            ("/fish*", "/fish.html", false), ("/fish*", "/Fish.asp", true), ("/*.php", "/index.php", false),
            ("/*.php", "/folder/filename.php?parameters", false), ("/*.php$", "/filename.php?p", true),
            ("/*.php$", "/filename.php", false), ("/fish*.php", "/fishheads/catfish.php?p", false),
            ("/fish*.php", "/Fish.PHP", true), ("/this/path$", "/this/path", false),
            ("/this/path$", "/this/path/", true),
            ("/foo/bar/ツ", "/foo/bar/%E3%83%84", false), ("/foo/bar/%E3%83%84", "/foo/bar/ツ", false),
            ("/foo/bar/%62%61%7A", "/foo/bar/baz", false), ("/a%2fb", "/a%2Fb", false), ("/a%2Fb", "/a/b", true),
            ("/*/*/*/*/*/x", "/a/b/c/d/e/f", true), ("/q?x=1", "/q?x=1&y", false), ("private", "/private/x", false),
            ("*", "/anything", false),
        ]
    )
    func patterns(rule: String, path: String, allowed: Bool) throws {
        let robots = policy("User-agent: *\nDisallow: \(rule)\n")
        let target = try #require(URLNormalizer().resolve(path, against: url("/")))
        #expect(robots.allows(target, userAgent: "Portcullis") == allowed)
    }

    @Test func robotsTxtItselfIsAlwaysAllowed() {
        let robots = policy("User-agent: *\nDisallow: /\n")
        #expect(robots.allows(url("/robots.txt"), userAgent: "Portcullis"))
        #expect(!robots.allows(url("/robots.txt.bak"), userAgent: "Portcullis"))
    }

    @Test func specificAgentGroupsMergeAndReplaceStar() {
        let text = """
            User-agent: *
            Disallow: /all

            User-agent: portcullis
            Disallow: /one
            Crawl-delay: 2

            User-agent: PORTCULLIS
            Disallow: /two
            """
        let robots = policy(text)
        #expect(!robots.allows(url("/one"), userAgent: "Portcullis/0.1"))
        #expect(!robots.allows(url("/two"), userAgent: "Portcullis"))
        #expect(robots.allows(url("/all"), userAgent: "Portcullis"))
        #expect(!robots.allows(url("/all"), userAgent: "OtherBot"))
        #expect(robots.disallowRules(for: "Portcullis") == ["/one", "/two"])
        #expect(robots.disallowRules(for: "OtherBot") == ["/all"])
        #expect(robots.crawlDelay(for: "Portcullis") == 2)
        #expect(robots.crawlDelay(for: "OtherBot") == nil)
    }

    @Test func bomCRLFCommentsAndSitemaps() {
        var data = Data([0xEF, 0xBB, 0xBF])
        data += Data(
            ("User-agent: * # everyone\r\nDisallow: /secret # shh\r\n# just a comment\r\n"
                + "Sitemap: https://E.com/sitemap.xml\r\nSitemap: /relative.xml\r\n"
                + "sitemap: https://e.com/sitemap.xml\r\n"
                + "Sitemap: http://other.example/s.xml\rDisallow: /x\r\n").utf8
        )
        let robots = RobotsPolicy.parse(data)
        #expect(!robots.allows(url("/secret/a"), userAgent: "Portcullis"))
        #expect(!robots.allows(url("/x"), userAgent: "Portcullis"))
        #expect(robots.allows(url("/public"), userAgent: "Portcullis"))
        #expect(robots.sitemaps.map(\.absoluteString) == ["https://e.com/sitemap.xml", "http://other.example/s.xml"])
        #expect(robots.invalidLineCount == 0)
        #expect(!robots.truncated)
    }

    @Test func emptyAndNoRulesAllowEverything() {
        for text in ["", "User-agent: *\nDisallow:\n", "User-agent: *\n", "# nothing\n\n"] {
            #expect(policy(text).allows(url("/anything"), userAgent: "Portcullis"))
            #expect(policy(text).disallowRules(for: "Portcullis").isEmpty)
        }
        #expect(RobotsPolicy.allowAll.allows(url("/x"), userAgent: "Portcullis"))
        #expect(RobotsPolicy.allowAll.sitemaps.isEmpty)
    }

    @Test func garbageLinesAreCountedAndIgnored() {
        let robots = policy("Disallow: /before-any-group\nhello world\nUser-agent: *\nNoindex: /x\nDisallow: /y\n:::\n")
        #expect(robots.invalidLineCount == 4)
        #expect(robots.allows(url("/before-any-group"), userAgent: "Portcullis"))
        #expect(!robots.allows(url("/y"), userAgent: "Portcullis"))
    }

    @Test func binaryGarbageNeverCrashes() {
        var generator = SplitMix(seed: 42)
        let bytes = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let robots = RobotsPolicy.parse(Data(bytes))
        #expect(robots.invalidLineCount > 0)
        _ = robots.allows(url("/x"), userAgent: "Portcullis")
    }

    @Test func hugeInputIsTruncatedAtALineBoundary() {
        let line = "Disallow: /blocked-path-number\n"
        let text = "User-agent: *\n" + String(repeating: line, count: 40_000) + "Disallow: /after-the-cut\n"
        let robots = RobotsPolicy.parse(Data(text.utf8))
        #expect(robots.truncated)
        #expect(robots.allows(url("/after-the-cut"), userAgent: "Portcullis"))
        #expect(!robots.allows(url("/blocked-path-number"), userAgent: "Portcullis"))
        #expect(robots.invalidLineCount == 0, "the partial last line is dropped, not misread")
        let small = RobotsPolicy.parse(Data("User-agent: *\nDisallow: /abcdef\n".utf8), maxBytes: 27)
        #expect(small.truncated)
        #expect(small.disallowRules(for: "x").isEmpty, "a cut rule must not become a shorter, broader one")
    }

    @Test func manyWildcardRulesStayBounded() {
        let rule = "Disallow: /" + String(repeating: "*a", count: 50) + "b\n"
        let robots = policy("User-agent: *\n" + String(repeating: rule, count: 200))
        let target = url("/" + String(repeating: "a", count: 300))
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(robots.allows(target, userAgent: "Portcullis")) }
        #expect(elapsed < .seconds(60))
    }
}

/// A tiny deterministic generator for garbage inputs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
