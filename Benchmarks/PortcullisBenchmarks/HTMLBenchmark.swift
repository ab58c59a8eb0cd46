import Foundation
@_spi(Benchmark) import PortcullisHTML

/// Measures HTML parsing: raw libxml2, our ``HTMLDocument``, and a parse plus the walk a page check does.
///
/// Usage: `portcullis-bench html [seconds-per-measurement]` (default 1). Each figure is the best of three rounds.
enum HTMLBenchmark {
    static func run(arguments: [String]) throws {
        let seconds = arguments.first.flatMap(Double.init) ?? 1.0
        let page = SyntheticPage.make(targetBytes: 200_000)
        print("html: synthetic page \(page.count) bytes, \(seconds) s per measurement, best of 3")

        let raw = measure(bytes: page.count, seconds: seconds) {
            RawLibXML2.parseAndFree(page)
        }
        let document = measure(bytes: page.count, seconds: seconds) {
            HTMLDocument(data: page).root != nil
        }
        var pathCount = 0
        let walk = measure(bytes: page.count, seconds: seconds) {
            let parsed = HTMLDocument(data: page)
            let elements = parsed.elements()
            var paths = 0
            for element in elements where element.name == "img" || element.name == "a" {
                paths += element.cssPath.isEmpty ? 0 : 1
            }
            pathCount = paths
            return !elements.isEmpty
        }
        print(format("raw libxml2 parse+free", raw))
        print(format("HTMLDocument(data:)", document))
        print(format("parse + elements() + cssPath (\(pathCount) img/a)", walk))
        print(
            String(
                format: "HTMLDocument / raw: %.2f (goal >= 0.80)",
                document.megabytesPerSecond / raw.megabytesPerSecond
            )
        )
    }

    /// One measurement's best round.
    struct Result {
        var megabytesPerSecond: Double
        var millisecondsPerPage: Double
    }

    /// Runs `body` repeatedly for about `seconds`, three times, and keeps the fastest round.
    private static func measure(bytes: Int, seconds: Double, _ body: () -> Bool) -> Result {
        let clock = ContinuousClock()
        var best = Result(megabytesPerSecond: 0, millisecondsPerPage: .infinity)
        for _ in 0..<3 {
            var iterations = 0
            var succeeded = true
            let start = clock.now
            var elapsed = Duration.zero
            while elapsed < .seconds(seconds) {
                succeeded = body() && succeeded
                iterations += 1
                elapsed = clock.now - start
            }
            precondition(succeeded, "a benchmark iteration failed to parse")
            let total = BenchmarkSupport.seconds(elapsed)
            let rate = Double(bytes * iterations) / total / 1_000_000
            if rate > best.megabytesPerSecond {
                best = Result(megabytesPerSecond: rate, millisecondsPerPage: total * 1000 / Double(iterations))
            }
        }
        return best
    }

    private static func format(_ label: String, _ result: Result) -> String {
        String(
            format: "%@: %.1f MB/s (%.2f ms/page)",
            label.padding(toLength: 48, withPad: " ", startingAt: 0),
            result.megabytesPerSecond,
            result.millisecondsPerPage
        )
    }
}

/// A deterministic, real-world-shaped page: head with styles and scripts, nav, header, article paragraphs with
/// inline links and emphasis, tables, a form, images, and a footer, repeated until it reaches the target size.
enum SyntheticPage {
    static func make(targetBytes: Int) -> Data {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Portcullis benchmark page &amp; friends</title>
            <link rel="stylesheet" href="/static/site.css" integrity="sha384-abc" crossorigin="anonymous">
            <style>body { font: 16px/1.5 sans-serif } .nav > li { display: inline-block }
            a:hover { color: #c00 }</style>
            <script src="https://cdn.example.com/lib.js" async></script>
            <script>window.dataLayer = window.dataLayer || [];
            if (a < b && c > d) { dataLayer.push({x: "</p>"}); }</script>
            </head>
            <body class="page article">
            <nav aria-label="Main"><ul class="nav">
            """
        for item in 0..<12 {
            html += "<li><a href=\"/section/\(item)\" class=\"nav-link\">Section \(item)</a></li>"
        }
        html += "</ul></nav>\n<header id=\"top\"><img src=\"/logo.svg\" alt=\"Portcullis\" width=120 height=40>"
        html += "<h1>Security &amp; compliance, every day</h1></header>\n<main id=\"content\">\n"
        var index = 0
        while html.utf8.count < targetBytes - 4_000 {
            html += section(index)
            index += 1
        }
        html += "</main>\n<footer><p>&copy; 2025 Example. <a href=\"/privacy\">Privacy</a> · "
        html += "<a href=\"/terms\">Terms</a></p><script>trackFooter();</script></footer>\n</body></html>\n"
        return Data(html.utf8)
    }

    private static let words = [
        "scanner", "policy", "header", "cookie", "origin", "redirect", "certificate", "session", "content",
        "security", "frame", "script", "strict", "transport", "identity", "provider", "token", "consent",
    ]

    private static func sentence(_ seed: Int) -> String {
        (0..<14).map { words[(seed &* 31 &+ $0 &* 7) % words.count] }.joined(separator: " ")
    }

    private static func section(_ index: Int) -> String {
        var html = "<article class=\"post\" data-index=\"\(index)\"><h2 id=\"s\(index)\">Article \(index)</h2>\n"
        for paragraph in 0..<4 {
            let seed = index * 10 + paragraph
            html += "<p>\(sentence(seed)) <a href=\"/doc/\(seed)?ref=bench&amp;page=\(index)\">read more</a>, "
            html += "<strong>\(sentence(seed + 1))</strong> and <em>\(sentence(seed + 2))</em>.</p>\n"
        }
        html += "<figure><img src=\"/img/\(index).jpg\" alt=\"Figure \(index)\" loading=\"lazy\" width=640 height=360>"
        html += "<figcaption>Figure \(index)</figcaption></figure>\n"
        if index.isMultiple(of: 3) {
            html += "<table class=\"data\"><thead><tr><th>Rule</th><th>Severity</th><th>Count</th></tr></thead><tbody>"
            for row in 0..<6 {
                html +=
                    "<tr><td><a href=\"/rules/\(row)\">rule-\(row)</a></td><td>medium</td><td>\(row * index)</td></tr>"
            }
            html += "</tbody></table>\n"
        }
        if index.isMultiple(of: 5) {
            html += "<form action=\"/search\" method=\"get\"><label for=\"q\(index)\">Search</label>"
            html += "<input id=\"q\(index)\" name=\"q\" type=\"search\"><select name=\"f\"><option>all</option>"
            html += "<option selected>rules</option></select><button type=\"submit\">Go</button></form>\n"
        }
        if index.isMultiple(of: 4) {
            html += "<script>console.log(\"section \(index)\");</script>\n"
        }
        html += "</article>\n"
        return html
    }
}
