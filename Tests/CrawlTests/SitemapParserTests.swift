import CompressNIO
import Crawl
import Foundation
import NIOCore
import Testing

/// sitemaps.org sitemaps: XML url sets and indexes, the text form, gzip, and hostile input.
@Suite struct SitemapParserTests {
    private func gzip(_ data: Data) throws -> Data {
        var buffer = ByteBuffer(bytes: data)
        let compressed = try buffer.compress(with: .gzip())
        return Data(compressed.readableBytesView)
    }

    private func urlset(_ locs: [String]) -> String {
        let entries = locs.map { "<url><loc>\($0)</loc><lastmod>2024-01-01</lastmod></url>" }.joined(separator: "\n")
        return #"""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            \#(entries)
            </urlset>
            """#
    }

    @Test func readsAURLSet() {
        let xml = urlset(["https://example.com/", "https://example.com/a?x=1&amp;y=2", "  http://example.com/b  "])
        let sitemap = SitemapParser.parse(Data(xml.utf8))
        #expect(
            sitemap.pages.map(\.absoluteString) == [
                "https://example.com/", "https://example.com/a?x=1&y=2", "http://example.com/b",
            ]
        )
        #expect(sitemap.sitemaps.isEmpty)
        #expect(sitemap.problems.isEmpty)
    }

    @Test func readsASitemapIndex() {
        let xml = #"""
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://example.com/sitemap-1.xml.gz</loc><lastmod>2024-01-01</lastmod></sitemap>
              <sitemap>
                <loc>
                  https://example.com/sitemap-2.xml
                </loc>
              </sitemap>
            </sitemapindex>
            """#
        let sitemap = SitemapParser.parse(Data(xml.utf8))
        #expect(
            sitemap.sitemaps.map(\.absoluteString) == [
                "https://example.com/sitemap-1.xml.gz", "https://example.com/sitemap-2.xml",
            ]
        )
        #expect(sitemap.pages.isEmpty)
        #expect(sitemap.problems.isEmpty)
    }

    @Test func namespacePrefixesCDATAEntitiesAndExtensionsAreHandled() {
        let xml = #"""
            <?xml version="1.0"?>
            <!DOCTYPE urlset [ <!ENTITY boom "lol"> <!-- > --> ]>
            <sm:urlset xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9"
                xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"
                xmlns:xhtml="http://www.w3.org/1999/xhtml">
              <!-- <url><loc>https://example.com/commented-out</loc></url> -->
              <sm:url>
                <sm:loc><![CDATA[https://example.com/cdata?a=1&b=2]]></sm:loc>
                <image:image><image:loc>https://example.com/photo.jpg</image:loc></image:image>
                <xhtml:link rel="alternate" hreflang="de" href="https://example.com/de/"/>
              </sm:url>
              <URL><LOC>https://example.com/upper&#x2F;case&#47;&boom;</LOC></URL>
              <url><loc>https://example.com/dup</loc></url>
              <url><loc>https://example.com/dup#fragment</loc></url>
            </sm:urlset>
            """#
        let sitemap = SitemapParser.parse(Data(xml.utf8))
        #expect(
            sitemap.pages.map(\.absoluteString) == [
                "https://example.com/cdata?a=1&b=2", "https://example.com/upper/case/&boom;",
                "https://example.com/dup",
            ]
        )
        #expect(sitemap.problems.isEmpty)
    }

    @Test func invalidLocsAreCountedNotKept() {
        let xml = urlset([
            "/relative", "ftp://example.com/f", "javascript:alert(1)", "", "https://example.com/ok", "http:nohost",
            String(repeating: "a", count: 20_000),
        ])
        let sitemap = SitemapParser.parse(Data(xml.utf8))
        #expect(sitemap.pages.map(\.absoluteString) == ["https://example.com/ok"])
        #expect(sitemap.problems == ["6 <loc> values are not absolute http(s) URLs"])
    }

    @Test func readsGzipCompressedSitemaps() throws {
        let xml = urlset((0..<1000).map { "https://example.com/page/\($0)" })
        let compressed = try gzip(Data(xml.utf8))
        #expect(compressed.count < xml.utf8.count / 4)
        let sitemap = SitemapParser.parse(compressed)
        #expect(sitemap.pages.count == 1000)
        #expect(sitemap.pages.last?.absoluteString == "https://example.com/page/999")
        #expect(sitemap.problems.isEmpty)
    }

    @Test func aGzipBombStopsAtTheCap() throws {
        // 60 MiB of zeros gzip to about 60 KiB; inflating must stop at the 50 MiB default cap.
        let bomb = try gzip(Data(count: 60 * 1024 * 1024))
        #expect(bomb.count < 200 * 1024)
        let sitemap = SitemapParser.parse(bomb)
        #expect(sitemap.pages.isEmpty)
        #expect(sitemap.problems.contains("inflated size exceeds 52428800 bytes"))
        // A smaller cap stops earlier and still reports.
        let small = SitemapParser.parse(bomb, maxInflatedBytes: 1024)
        #expect(small.problems.first == "inflated size exceeds 1024 bytes")
    }

    @Test func aCutGzipSitemapKeepsWhatWasInflatedBeforeTheCap() throws {
        let xml = urlset((0..<2000).map { "https://example.com/page/\($0)" })
        let sitemap = SitemapParser.parse(try gzip(Data(xml.utf8)), maxInflatedBytes: 10_000)
        #expect(sitemap.problems.first == "inflated size exceeds 10000 bytes")
        #expect(sitemap.pages.count > 10)
        #expect(sitemap.pages.count < 2000)
    }

    @Test func corruptGzipIsReported() throws {
        var compressed = try gzip(Data(urlset(["https://example.com/"]).utf8))
        compressed.replaceSubrange(12..<24, with: [UInt8](repeating: 0xFF, count: 12))
        let sitemap = SitemapParser.parse(compressed)
        #expect(sitemap.problems.contains { $0.hasPrefix("gzip data is corrupt") })
        // The magic bytes alone, or a truncated member, never crash.
        for data in [Data([0x1F, 0x8B]), compressed.prefix(20), Data([0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF])] {
            let parsed = SitemapParser.parse(data)
            #expect(parsed.pages.isEmpty)
            #expect(!parsed.problems.isEmpty)
        }
    }

    @Test func hugeSitemapsAreCappedWithAProblem() {
        let xml = urlset((0..<60_000).map { "https://example.com/p/\($0)" })
        let start = ContinuousClock.now
        let sitemap = SitemapParser.parse(Data(xml.utf8))
        #expect(sitemap.pages.count == 50_000)
        #expect(sitemap.pages.last?.absoluteString == "https://example.com/p/49999")
        #expect(sitemap.problems == ["more than 50000 URLs; only the first 50000 were kept"])
        #expect(ContinuousClock.now - start < .seconds(30))
        let capped = SitemapParser.parse(Data(xml.utf8), maxURLs: 10)
        #expect(capped.pages.count == 10)
        #expect(capped.problems == ["more than 10 URLs; only the first 10 were kept"])
    }

    @Test func anUncompressedFileIsReadUpToTheSizeCap() {
        let xml = urlset((0..<1000).map { "https://example.com/p/\($0)" })
        let sitemap = SitemapParser.parse(Data(xml.utf8), maxInflatedBytes: 5000)
        #expect(sitemap.problems.first == "size exceeds 5000 bytes; only the first part was read")
        #expect(sitemap.pages.count > 10)
        #expect(sitemap.pages.count < 1000)
    }

    @Test(arguments: [
        "<html><head><title>Not found</title></head><body><a href='/'>home</a></body></html>",
        #"<?xml version="1.0"?><rss><channel><item><link>https://example.com/</link></item></channel></rss>"#,
        "",
        "<",
        "<<<<>>>>",
    ])
    func nonSitemapsAreReported(_ text: String) {
        let sitemap = SitemapParser.parse(Data(text.utf8))
        #expect(sitemap.pages.isEmpty)
        #expect(sitemap.sitemaps.isEmpty)
        #expect(sitemap.problems == ["not a sitemap (no <urlset> or <sitemapindex>)"])
    }

    @Test(arguments: [
        "<urlset><url><loc>https://example.com/a</loc>",
        "<urlset><url><loc>https://example.com/a</loc></url><url><loc>https://exa",
        "<urlset><url><loc>https://example.com/a</loc></url></sitemap></urlset></urlset>",
        "<urlset><url foo='>' bar=\"<loc>\"><loc>https://example.com/a</loc></url></urlset>",
        "<urlset><url><loc>https://example.com/a</loc></url><!-- unterminated <url><loc>https://x/</loc>",
        "<urlset><url><loc>https://example.com/a</loc></url><![CDATA[<url><loc>https://x/</loc>",
    ])
    func malformedXMLKeepsWhatIsReadable(_ xml: String) {
        let sitemap = SitemapParser.parse(Data(xml.utf8))
        #expect(sitemap.pages.map(\.absoluteString) == ["https://example.com/a"])
        #expect(sitemap.problems.isEmpty)
    }

    @Test func deeplyNestedAndNoisyInputNeverCrashes() {
        let deep =
            "<urlset>" + String(repeating: "<x>", count: 100_000) + "<url><loc>https://example.com/deep</loc></url>"
        #expect(SitemapParser.parse(Data(deep.utf8)).pages.isEmpty)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let noise = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
            let sitemap = SitemapParser.parse(Data("<urlset>".utf8) + noise)
            #expect(sitemap.pages.count < 10)
        }
    }

    @Test func readsTheTextForm() {
        let text = "\u{FEFF}https://example.com/one\r\n\nhttps://example.com/two\n/relative\nnot a url\n"
        let sitemap = SitemapParser.parse(Data(text.utf8))
        #expect(sitemap.pages.map(\.absoluteString) == ["https://example.com/one", "https://example.com/two"])
        #expect(sitemap.problems == ["2 <loc> values are not absolute http(s) URLs"])
        let garbage = SitemapParser.parse(Data("hello\nworld\n".utf8))
        #expect(garbage.pages.isEmpty)
        #expect(garbage.problems == ["not a sitemap (no <urlset> or <sitemapindex>, and no line is a URL)"])
    }

    @Test func nonUTF8BytesInLocsAreSafe() {
        var data = Data("<urlset><url><loc>https://example.com/".utf8)
        data += [0xFF, 0xFE, 0xC3]
        data += Data("</loc></url><url><loc>https://example.com/ok</loc></url></urlset>".utf8)
        let sitemap = SitemapParser.parse(data)
        #expect(sitemap.pages.last?.absoluteString == "https://example.com/ok")
        #expect(sitemap.pages.count <= 2)
    }
}
