import NIOCore
import NIOHTTP1

/// The adversarial fixture server's routes, for HTTP-client and bad-input tests (served on HTTP and HTTPS).
///
/// Every response is raw bytes, so header order, case, duplicates and malformations reach the client exactly;
/// the abusive routes (`/large`, `/gzip-bomb`, `/slow-drip`, `/endless`, `/hang`) are bounded in time or size
/// and stop when the client leaves. Crawler fixtures live under `/crawl/` (``CrawlFixtureRoutes``) and the
/// crawl benchmark site under `/site/` (``BenchmarkSite``).
struct FixtureRoutes: DemoResponder {
    /// The exact header lines of `/headers/duplicates` (before `Content-Length`), in wire order.
    static let duplicateHeaderLines = [
        "Content-Type: text/html; charset=utf-8",
        "Set-Cookie: first=1; Path=/",
        "Content-Security-Policy: default-src 'self'",
        "X-Custom: a",
        "Set-Cookie: second=2; Path=/; Secure; HttpOnly",
        "Content-Security-Policy: script-src 'none'",
        "x-custom: b",
        "Cache-Control: no-store",
    ]
    /// Where `/redirect/external` points: a name under `.invalid`, which never resolves.
    static let externalRedirectTarget = "https://portcullis-out-of-scope.invalid/x"
    /// The body length of `/large` (20 MiB).
    static let largeBodyBytes = 20 * 1024 * 1024
    /// The most `/endless` sends before ending its chunked body (2 GiB).
    static let endlessLimitBytes = 2 * 1024 * 1024 * 1024
    /// How many bytes `/slow-drip` sends, one per ``dripInterval`` (120 s in total).
    static let dripByteCount = 240
    /// The pause between two `/slow-drip` bytes.
    static let dripInterval = TimeAmount.milliseconds(500)
    /// How long `/hang` keeps a connection open without answering.
    static let hangTimeout = TimeAmount.seconds(120)

    /// 64 KiB of HTML-ish paragraphs, the repeated unit of `/large` and `/endless`.
    private static let textUnit: ByteBuffer = {
        let paragraph = "<p>Portcullis fixture text: the quick brown fox jumps over the lazy dog 0123456789.</p>\n"
        let repeated = String(repeating: paragraph, count: 65_536 / paragraph.utf8.count + 1)
        return ByteBuffer(bytes: repeated.utf8.prefix(65_536))
    }()
    private static let gzipBomb = ByteBuffer(bytes: GzipBomb.compressed)

    /// The content of `/robots.txt`: only the `/crawl/private/` area is disallowed.
    static let robots = "User-agent: *\nDisallow: /crawl/private/\n"

    /// The `/crawl/...` routes.
    let crawl: CrawlFixtureRoutes
    /// The benchmark site under `/site/`.
    let site: BenchmarkSite

    /// Creates the routes of the listener at `origin` (no trailing slash); `siteSize` is the benchmark site's page
    /// count, and `isHTTPS` says whether the listener speaks TLS (the benchmark site then sends HSTS).
    init(origin: String, siteSize: Int, isHTTPS: Bool) {
        crawl = CrawlFixtureRoutes(origin: origin)
        site = BenchmarkSite(size: siteSize, isHTTPS: isHTTPS)
    }

    func respond(to request: DemoRequest) -> DemoResponse {
        let segments = request.segments
        switch segments.first {
        case "site":
            return site.respond(rest: segments.dropFirst()) ?? notFound()
        case "crawl":
            return crawl.respond(to: request, rest: segments.dropFirst()) ?? notFound()
        default:
            break
        }
        switch segments.count {
        case 0:
            return html(
                "<h1>Portcullis fixtures</h1><p><a href=\"/ok\">ok</a> <a href=\"/page/1\">pages</a></p>",
                title: "Fixtures"
            )
        case 1:
            return single(segments[0])
        case 2:
            return pair(segments[0], segments[1])
        case 3:
            return triple(segments[0], segments[1], segments[2])
        default:
            return notFound()
        }
    }

    private func single(_ name: Substring) -> DemoResponse {
        switch name {
        case "ok":
            return html("<h1>OK</h1><p>The fixture server is up.</p>", title: "OK")
        case "robots.txt":
            return DemoResponse(
                status: 200,
                reason: "OK",
                headerLines: ["Content-Type: text/plain; charset=utf-8"],
                text: Self.robots
            )
        case "json":
            return DemoResponse(
                status: 200,
                reason: "OK",
                headerLines: ["Content-Type: application/json"],
                text: #"{"name":"portcullis-fixtures","ok":true,"items":[1,2,3],"text":"Caf\u00e9"}"# + "\n"
            )
        case "large":
            let pump = BodyPump(unit: Self.textUnit, totalBytes: Self.largeBodyBytes, chunked: false)
            return DemoResponse(
                statusLine: "HTTP/1.1 200 OK",
                headerLines: ["Content-Type: text/html; charset=utf-8"],
                body: .stream(pump)
            )
        case "gzip-bomb":
            let pump = BodyPump(unit: Self.gzipBomb, totalBytes: Self.gzipBomb.readableBytes, chunked: false)
            return DemoResponse(
                statusLine: "HTTP/1.1 200 OK",
                headerLines: ["Content-Type: text/html; charset=utf-8", "Content-Encoding: gzip"],
                body: .stream(pump)
            )
        case "slow-drip":
            return DemoResponse(
                statusLine: "HTTP/1.1 200 OK",
                headerLines: ["Content-Type: text/plain; charset=utf-8"],
                body: .drip(count: Self.dripByteCount, byte: UInt8(ascii: "."), interval: Self.dripInterval),
                closeAfter: true
            )
        case "endless":
            let pump = BodyPump(unit: Self.textUnit, totalBytes: Self.endlessLimitBytes, chunked: true)
            return DemoResponse(
                statusLine: "HTTP/1.1 200 OK",
                headerLines: ["Content-Type: text/html; charset=utf-8"],
                body: .stream(pump)
            )
        case "hang":
            return DemoResponse(statusLine: "", headerLines: [], body: .hang(timeout: Self.hangTimeout))
        case "malformed-headers":
            var response = DemoResponse(
                status: 200,
                reason: "OK",
                headerLines: [
                    "Content-Type: text/html; charset=utf-8",
                    "This header line has no colon",
                    "X-Long: " + String(repeating: "a", count: 8192),
                    "X-Folded: first part",
                    " continued on an obs-fold line",
                    "X-After-Fold: ok",
                ],
                text: "<!DOCTYPE html><html lang=\"en\"><head><title>Malformed</title></head>"
                    + "<body><p>Body after malformed headers.</p></body></html>\n"
            )
            response.closeAfter = true
            return response
        default:
            return notFound()
        }
    }

    private func pair(_ first: Substring, _ second: Substring) -> DemoResponse {
        switch (first, second) {
        case ("page", _):
            guard let number = Int(second) else { return notFound() }
            return page(number)
        case ("status", _):
            guard let code = Int(second), (200...599).contains(code) else {
                return DemoResponse(
                    status: 400,
                    reason: "Bad Request",
                    headerLines: ["Content-Type: text/plain; charset=utf-8"],
                    text: "status must be a number from 200 to 599\n"
                )
            }
            return status(code)
        case ("headers", "duplicates"):
            return DemoResponse(
                status: 200,
                reason: "OK",
                headerLines: Self.duplicateHeaderLines,
                text: "<!DOCTYPE html><html lang=\"en\"><head><title>Duplicates</title></head>"
                    + "<body><p>Duplicate headers.</p></body></html>\n"
            )
        case ("redirect", "external"):
            return redirect(302, "Found", to: Self.externalRedirectTarget)
        case ("redirect", "relative"):
            return redirect(301, "Moved Permanently", to: "../ok?x=1")
        case ("charset", "latin1"):
            return charsetPage(contentType: "text/html; charset=ISO-8859-1", body: Self.latin1Body)
        case ("charset", "meta"):
            return charsetPage(contentType: "text/html", body: Self.latin1Body)
        case ("charset", "none"):
            return charsetPage(contentType: "text/html", body: Self.utf8Body)
        default:
            return notFound()
        }
    }

    private func triple(_ first: Substring, _ second: Substring, _ third: Substring) -> DemoResponse {
        switch (first, second, third) {
        case ("redirect", "chain", _):
            guard let hops = Int(third), hops >= 0 else { return notFound() }
            guard hops > 0 else {
                return html("<h1>End of the chain</h1><p>No more redirects.</p>", title: "Chain end")
            }
            return redirect(302, "Found", to: "/redirect/chain/\(hops - 1)")
        case ("redirect", "loop", "a"):
            return redirect(302, "Found", to: "/redirect/loop/b")
        case ("redirect", "loop", "b"):
            return redirect(302, "Found", to: "/redirect/loop/a")
        default:
            return notFound()
        }
    }

    private func html(_ body: String, title: String, status: Int = 200, reason: String = "OK") -> DemoResponse {
        DemoResponse(
            status: status,
            reason: reason,
            headerLines: ["Content-Type: text/html; charset=utf-8"],
            text: "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(title)</title></head>\n"
                + "<body>\(body)</body></html>\n"
        )
    }

    private func notFound() -> DemoResponse {
        html("<h1>Not found</h1>", title: "Not found", status: 404, reason: "Not Found")
    }

    private func redirect(_ status: Int, _ reason: String, to location: String) -> DemoResponse {
        DemoResponse(
            status: status,
            reason: reason,
            headerLines: ["Location: \(location)", "Content-Type: text/html; charset=utf-8"],
            text: "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Redirect</title></head>"
                + "<body><p>See <a href=\"\(location)\">\(location)</a>.</p></body></html>\n"
        )
    }

    private func status(_ code: Int) -> DemoResponse {
        let reason = HTTPResponseStatus(statusCode: code).reasonPhrase
        var response = DemoResponse(
            status: code,
            reason: reason.isEmpty ? "Status" : reason,
            headerLines: ["Content-Type: text/plain; charset=utf-8"],
            text: code == 204 || code == 304 ? "" : "status \(code)\n"
        )
        response.sendsContentLength = code != 204 && code != 304
        return response
    }

    /// A page of about 2 KB linking to the next one (the benchmark walks thousands of these).
    private func page(_ number: Int) -> DemoResponse {
        let next = number == Int.max ? number : number + 1
        let filler = """
            <p>This is fixture page \(number). It exists so that crawlers and benchmarks have an endless, cheap
            supply of realistic pages: a heading, a few paragraphs of text, a list and a link to the next page.
            Nothing here changes between requests, and the server keeps the connection alive.</p>
            """
        let body = """
            <header><nav><a href="/ok">Home</a> <a href="/page/\(next)">Next page</a></nav></header>
            <main><h1>Fixture page \(number)</h1>
            \(filler)
            \(filler)
            <ul><li>Item one for page \(number)</li><li>Item two</li><li>Item three</li><li>Item four</li></ul>
            \(filler)
            <h2>More about page \(number)</h2>
            \(filler)
            \(filler)
            <p><a href="/page/\(next)">Continue to page \(next)</a></p></main>
            <footer><p>Portcullis fixture server</p></footer>
            """
        return html(body, title: "Fixture page \(number)")
    }

    private func charsetPage(contentType: String, body: [UInt8]) -> DemoResponse {
        DemoResponse(status: 200, reason: "OK", headerLines: ["Content-Type: \(contentType)"], body: body)
    }

    /// ISO-8859-1 bytes ("Café" has 0xE9) with a `<meta charset="iso-8859-1">`.
    private static let latin1Body: [UInt8] = {
        let text = """
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="iso-8859-1"><title>Caf\u{E9}</title></head>
            <body><h1>Caf\u{E9}</h1><p>Un caf\u{E9} cr\u{E8}me, s'il vous pla\u{EE}t.</p></body></html>

            """
        return text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    }()

    /// UTF-8 bytes ("Café" has 0xC3 0xA9) without any charset declaration.
    private static let utf8Body = Array(
        """
        <!DOCTYPE html>
        <html lang="fr"><head><title>Caf\u{E9}</title></head>
        <body><h1>Caf\u{E9}</h1><p>Un caf\u{E9} cr\u{E8}me, s'il vous pla\u{EE}t.</p></body></html>

        """.utf8
    )
}
