/// The crawl benchmark site on the fixture server: `/site/0` ... `/site/<size - 1>`, about 3 KB of realistic,
/// clean HTML each.
///
/// Every page sends a full header set (CSP, nosniff, anti-framing, and HSTS over HTTPS) and has `lang`, a
/// `<title>` and alt texts, so a crawl with every check on has real work but no findings to report. Each page
/// links to eight others chosen by ``links(from:siteSize:)``, which makes the whole site reachable from
/// `/site/0` with a breadth-first depth of about 11 for 2,000 pages (15 for 20,000). Pages are built per
/// request by plain string interpolation, nothing is stored per page, and the connection is kept alive.
struct BenchmarkSite: Sendable {
    /// Month names for the generated text.
    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// How many pages the site has.
    let size: Int
    private let pageHeaderLines: [String]
    private let assetHeaderLines: [String]

    /// Creates the site with `size` pages (at least 1); `isHTTPS` adds HSTS to every response.
    init(size: Int, isHTTPS: Bool) {
        self.size = max(1, size)
        var security = [
            "Content-Security-Policy: default-src 'self'; img-src 'self'; style-src 'self'; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
            "X-Content-Type-Options: nosniff",
            "X-Frame-Options: DENY",
            "Referrer-Policy: no-referrer",
        ]
        if isHTTPS {
            security.insert("Strict-Transport-Security: max-age=31536000", at: 0)
        }
        pageHeaderLines = ["Content-Type: text/html; charset=utf-8"] + security + ["Cache-Control: max-age=60"]
        assetHeaderLines = security + ["Cache-Control: max-age=86400"]
    }

    /// The pages `page` links to, in link order: no duplicates and never `page` itself.
    ///
    /// N+1 alone reaches every page; 2N+1 and N/2 shorten paths logarithmically and the small steps (+3, +7,
    /// +13, -1, -5, all modulo the size) fill the gaps, which keeps the breadth-first depth at about 11-15.
    static func links(from page: Int, siteSize: Int) -> [Int] {
        guard siteSize > 1, (0..<siteSize).contains(page) else { return [] }
        let candidates = [
            (page + 1) % siteSize, (2 * page + 1) % siteSize, page / 2, (page + 7) % siteSize,
            (page + siteSize - 1) % siteSize, (page + 3) % siteSize, (page + 13) % siteSize,
            (page + siteSize - 5) % siteSize,
        ]
        var seen: Set<Int> = [page]
        return candidates.filter { seen.insert($0).inserted }
    }

    /// The response for a path below `/site/`; `rest` are the segments after `site`. `nil` means not found.
    func respond(rest: ArraySlice<Substring>) -> DemoResponse? {
        guard let first = rest.first else { return nil }
        if rest.count == 2, first == "static" {
            let name = rest[rest.startIndex + 1]
            if name == "site.css" {
                return asset("text/css; charset=utf-8", Array(StaticAssets.stylesheet.utf8))
            }
            return name.hasSuffix(".gif") ? asset("image/gif", StaticAssets.pixelGIF) : nil
        }
        guard rest.count == 1, let page = Int(first), (0..<size).contains(page) else { return nil }
        return DemoResponse(status: 200, reason: "OK", headerLines: pageHeaderLines, text: html(page))
    }

    private func asset(_ contentType: String, _ body: [UInt8]) -> DemoResponse {
        DemoResponse(
            status: 200,
            reason: "OK",
            headerLines: ["Content-Type: \(contentType)"] + assetHeaderLines,
            body: body
        )
    }

    private func html(_ page: Int) -> String {
        let related = Self.links(from: page, siteSize: size).map { target in
            "<li><a href=\"/site/\(target)\">Field guide entry \(target)</a></li>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Field guide entry \(page) - Portcullis benchmark</title>
            <link rel="stylesheet" href="/site/static/site.css">
            </head>
            <body>
            <header>
            <img src="/site/static/logo.gif" alt="Field guide logo" width="120" height="40">
            <nav aria-label="Main"><a href="/site/0">Home</a> <a href="/site/\(page / 2)">Up</a></nav>
            </header>
            <main>
            <h1>Field guide entry \(page)</h1>
            <p>Entry \(page) of \(size) in a field guide written for crawler benchmarks. It reads like an ordinary
            article: a heading, a photograph with a text alternative, several paragraphs, a table of facts and a list
            of related entries, so that parsing and checking it costs what a real page costs.</p>
            <img src="/site/static/photo-\(page % 50).gif" alt="Photograph for entry \(page)" width="400" height="250">
            <h2>Description</h2>
            <p>The subject of entry \(page) is found along river banks and in damp woodland from spring to late
            autumn. Observers note its distinctive markings, which vary between regions, and its habit of returning
            to the same place year after year. Records from volunteer surveys are summarised below.</p>
            <table>
            <caption>Survey facts for entry \(page)</caption>
            <tr><th scope="row">First recorded</th><td>\(1850 + page % 170)</td></tr>
            <tr><th scope="row">Sightings last year</th><td>\(page * 37 % 1_000)</td></tr>
            <tr><th scope="row">Regions</th><td>\(page % 12 + 1)</td></tr>
            </table>
            <h2>Identification</h2>
            <p>Look for the pale edge and the darker central band; juveniles are duller and easily confused with
            entry \((page + 1) % size). Photographs taken in good light and from more than one angle help the
            reviewers confirm a record quickly.</p>
            <h2>Habitat and season</h2>
            <p>Most records of entry \(page) come from the lowland survey squares, with a smaller population on the
            chalk downs. Numbers peak in the \(Self.months[page % 12]) counts and fall sharply after the first frosts;
            volunteers are asked to note the weather, the time of day and the habitat type with every sighting.</p>
            <ol>
            <li>Record the date, the place and the number seen.</li>
            <li>Add a photograph if you can do so without disturbance.</li>
            <li>Submit the record within a week so the regional map stays current.</li>
            </ol>
            <p>Survey data for this entry are shared under an open licence; cite the field guide and the entry
            number (\(page)) when you reuse them.</p>
            <h2>Related entries</h2>
            <ul>
            \(related.joined(separator: "\n"))
            </ul>
            </main>
            <footer><p>Portcullis benchmark site. Text is generated; nothing here changes between requests.</p></footer>
            </body>
            </html>

            """
    }
}
