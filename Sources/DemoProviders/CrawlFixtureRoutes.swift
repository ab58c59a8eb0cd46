import NIOCore

/// The fixture server's `/crawl/...` routes: hostile and oversized inputs for the crawler.
///
/// `/crawl/start` links the pages a crawl of the fixture server should meet (an endless link space, links that
/// are not UTF-8, a 5 MiB page, a connection reset, a redirect loop, a gzip bomb, a robots-disallowed page and
/// the benchmark site); robots.txt, sitemap and slow-server fixtures are fetched directly by tests. Every body
/// is bounded in size or time, and the large ones are built once and then shared.
struct CrawlFixtureRoutes: Sendable {
    /// What `/crawl/start` links to, in order.
    static let startLinks = [
        "/crawl/infinite/0", "/crawl/non-utf8", "/crawl/5mb", "/crawl/reset", "/redirect/loop/a", "/gzip-bomb",
        "/crawl/private/x", "/site/0",
    ]
    /// The body length of `/crawl/robots/huge` (2 MiB).
    static let hugeRobotsBytes = 2 * 1024 * 1024
    /// The body length of `/crawl/robots/garbage` (64 KiB).
    static let garbageBytes = 64 * 1024
    /// How many `<url>` entries `/crawl/sitemap/huge` lists (more than the protocol's 50,000 per file).
    static let hugeSitemapURLCount = 60_000
    /// The body length of `/crawl/5mb` (5 MiB).
    static let fiveMegabytePageBytes = 5 * 1024 * 1024
    /// How many distinct `/page/N` targets the 5 MiB page's links cycle through.
    static let fiveMegabyteDistinctLinks = 1_000
    /// How many bytes `/crawl/one-byte-per-second` sends, one per second.
    static let oneBytePerSecondCount = 60
    /// The longest carried-over `s` query value of `/crawl/infinite/N` links; older characters are dropped.
    static let maxCarriedQuery = 16 * 1024

    /// The server's origin without a trailing slash, for the absolute URLs of sitemaps.
    let origin: String
    private let hugeSitemap: ComputedOnce<ByteBuffer>

    /// Creates the routes of the fixture listener at `origin` (e.g. `http://127.0.0.1:8080`).
    init(origin: String) {
        self.origin = origin
        hugeSitemap = ComputedOnce {
            ByteBuffer(string: SitemapXML.urlSet((0..<Self.hugeSitemapURLCount).lazy.map { "\(origin)/page/\($0)" }))
        }
    }

    /// The response for `request`, whose path starts with `/crawl/`; `rest` are the segments after `crawl`.
    func respond(to request: DemoRequest, rest: ArraySlice<Substring>) -> DemoResponse? {
        switch (rest.first, rest.count) {
        case ("start", 1):
            let items = Self.startLinks.map { "<li><a href=\"\($0)\">\($0)</a></li>" }
            return html("<h1>Crawl start</h1>\n<ul>\n\(items.joined(separator: "\n"))\n</ul>", title: "Crawl start")
        case ("infinite", 2):
            return infinite(rest[rest.startIndex + 1], carried: request.queryValue("s") ?? "")
        case ("private", 2):
            return html("<h1>Private</h1><p>robots.txt disallows this page.</p>", title: "Private")
        case ("reset", 1):
            return DemoResponse(statusLine: "", headerLines: [], body: .reset)
        case ("non-utf8", 1):
            return DemoResponse(
                status: 200,
                reason: "OK",
                headerLines: ["Content-Type: text/html; charset=utf-8"],
                body: Self.nonUTF8Page
            )
        case ("5mb", 1):
            return stream(Self.fiveMegabytePage, contentType: "text/html; charset=utf-8")
        case ("one-byte-per-second", 1):
            return DemoResponse(
                statusLine: "HTTP/1.1 200 OK",
                headerLines: ["Content-Type: text/plain; charset=utf-8"],
                body: .drip(count: Self.oneBytePerSecondCount, byte: UInt8(ascii: "."), interval: .seconds(1)),
                closeAfter: true
            )
        case ("robots", 2):
            return robots(rest[rest.startIndex + 1])
        case ("sitemap", 2):
            return sitemap(rest[rest.startIndex + 1])
        default:
            return nil
        }
    }

    private func robots(_ name: Substring) -> DemoResponse? {
        switch name {
        case "huge":
            return stream(Self.hugeRobots, contentType: "text/plain; charset=utf-8")
        case "garbage":
            return stream(Self.garbage, contentType: "text/plain")
        default:
            return nil
        }
    }

    private func sitemap(_ name: Substring) -> DemoResponse? {
        switch name {
        case "huge":
            return stream(hugeSitemap.get(), contentType: "application/xml")
        case "malformed":
            let text = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="\(SitemapXML.namespace)">
                <url><loc>\(origin)/page/1</loc></url>
                <url><loc>\(origin)/page/2</loc><lastmod>2025-13-45</lastmod>
                <url><loc>\(origin)/page/3</lo
                """
            return DemoResponse(status: 200, reason: "OK", headerLines: ["Content-Type: application/xml"], text: text)
        case "bomb":
            return stream(ByteBuffer(bytes: GzipBomb.compressed), contentType: "application/gzip")
        default:
            return nil
        }
    }

    /// A page linking to N+1 (with a query that grows by one token per step) and N+2 (with a fresh token).
    private func infinite(_ segment: Substring, carried: Substring) -> DemoResponse? {
        guard let number = Int(segment), number >= 0, number <= Int.max - 2 else { return nil }
        let kept = String(carried.filter(\.isHexDigit).suffix(Self.maxCarriedQuery - 8))
        let first = "/crawl/infinite/\(number + 1)?s=\(kept)\(Self.token(number + 1).prefix(8))"
        let second = "/crawl/infinite/\(number + 2)?s=\(Self.token(number + 2))"
        let body = """
            <h1>Endless page \(number)</h1>
            <p>Every page here links to two more, each with a query string no page has linked before.</p>
            <p><a href="\(first)">Next page</a> <a href="\(second)">Skip ahead</a></p>
            """
        return html(body, title: "Endless page \(number)")
    }

    /// 16 lower-case hex digits derived from `number` (SplitMix64): distinct, deterministic, random-looking.
    static func token(_ number: Int) -> String {
        var mixed = UInt64(truncatingIfNeeded: number) &+ 0x9E37_79B9_7F4A_7C15
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        mixed ^= mixed >> 31
        let hex = String(mixed, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private func html(_ body: String, title: String) -> DemoResponse {
        DemoResponse(
            status: 200,
            reason: "OK",
            headerLines: ["Content-Type: text/html; charset=utf-8"],
            text: "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(title)</title></head>\n"
                + "<body>\(body)</body></html>\n"
        )
    }

    private func stream(_ buffer: ByteBuffer, contentType: String) -> DemoResponse {
        DemoResponse(
            statusLine: "HTTP/1.1 200 OK",
            headerLines: ["Content-Type: \(contentType)"],
            body: .stream(BodyPump(unit: buffer, totalBytes: buffer.readableBytes, chunked: false))
        )
    }

    /// An HTML page whose links carry raw bytes that are not UTF-8 (and percent-encoded ones), labelled UTF-8.
    static let nonUTF8Page: [UInt8] = {
        let parts: [[UInt8]] = [
            Array(
                ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Non-UTF-8 links</title>"
                    + "</head>\n<body><h1>Links that are not UTF-8</h1>\n<ul>\n<li><a href=\"/caf").utf8
            ),
            [0xE9],
            Array("\">Latin-1 byte in the path</a></li>\n<li><a href=\"/crawl/non-utf8/".utf8),
            [0xFF, 0xFE],
            Array("\">Bytes FF FE in the path</a></li>\n<li><a href=\"/ok?q=".utf8),
            [0xC3, 0x28],
            Array(
                ("\">A broken UTF-8 sequence in the query</a></li>\n"
                    + "<li><a href=\"/%FF%FE\">Percent-encoded bytes that are not UTF-8</a></li>\n"
                    + "<li><a href=\"/page/%C3%A9t%C3%A9\">Percent-encoded UTF-8</a></li>\n"
                    + "<li><a href=\"/ok\">A plain link</a></li>\n</ul></body></html>\n").utf8
            ),
        ]
        return parts.flatMap { $0 }
    }()

    /// Exactly 2 MiB of robots.txt-like lines (the last one cut off), built once per process.
    private static let hugeRobots: ByteBuffer = {
        var buffer = ByteBuffer(string: "User-agent: *\n")
        buffer.reserveCapacity(hugeRobotsBytes + 64)
        var index = 0
        while buffer.readableBytes < hugeRobotsBytes {
            buffer.writeString("Disallow: /generated/\(index)/\nAllow: /generated/\(index)/public\n")
            index += 1
        }
        buffer.moveWriterIndex(to: buffer.readerIndex + hugeRobotsBytes)
        return buffer
    }()

    /// 64 KiB of deterministic binary noise (NUL, 0xFF and invalid UTF-8 included), built once per process.
    private static let garbage: ByteBuffer = {
        var state: UInt32 = 0x1234_5678
        var bytes: [UInt8] = [0x00, 0xFF, 0xFE, 0xC3]
        bytes.reserveCapacity(garbageBytes)
        while bytes.count < garbageBytes {
            state = state &* 1_664_525 &+ 1_013_904_223
            bytes.append(UInt8(truncatingIfNeeded: state >> 24))
        }
        return ByteBuffer(bytes: bytes)
    }()

    /// Exactly 5 MiB of valid HTML, with links cycling through ``fiveMegabyteDistinctLinks`` pages.
    private static let fiveMegabytePage: ByteBuffer = {
        let head =
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Five mebibytes</title>"
            + "</head>\n<body><h1>A very long page</h1>\n"
        let tail = "</body></html>\n"
        var buffer = ByteBuffer(string: head)
        buffer.reserveCapacity(fiveMegabytePageBytes)
        var index = 0
        while true {
            let target = index % fiveMegabyteDistinctLinks
            let paragraph =
                "<p>Paragraph \(index) of a page far larger than any real one. "
                + "<a href=\"/page/\(target)\">Fixture page \(target)</a></p>\n"
            guard buffer.readableBytes + paragraph.utf8.count + tail.utf8.count <= fiveMegabytePageBytes else { break }
            buffer.writeString(paragraph)
            index += 1
        }
        buffer.writeRepeatingByte(
            UInt8(ascii: "\n"),
            count: fiveMegabytePageBytes - buffer.readableBytes - tail.utf8.count
        )
        buffer.writeString(tail)
        return buffer
    }()
}
