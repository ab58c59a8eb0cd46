import A11yModel
import AccessibilityChecks
import Foundation
import PortcullisCore
import PortcullisHTML

/// Accessibility rules on realistic pages: parse + page model + every rule, pages per second on one core, for
/// 50, 100 and 200 KB synthetic pages; then 1,000 → 100,000-element pages to show the cost stays linear.
///
/// Usage: `portcullis-bench a11y [seconds-per-measurement] [--only dense|typical|news] [--per-rule [--all] [--news]]`
/// (default 1 s; `--only` keeps the 196–200 KB page of one kind, for profiling). axe-core is not run here (it needs a
/// browser); the issue's measurements of axe in headless Chromium are the reference: 0.7–1.0 s per page for
/// `axe.run`, 12–24 s on a 10,000-element page.
enum AccessibilityBenchmark {
    static func run(arguments: [String]) throws {
        let seconds = arguments.first.flatMap(Double.init) ?? 1.0
        let url = URL(string: "https://bench.example/")!
        let rules = AccessibilityRuleSet.all
        print("a11y: \(rules.count) rule types, parse + model + all rules, best of 3 rounds of \(seconds) s")
        let pages: [(String, Int, Data)] =
            [50_000, 100_000, 200_000].map { ("dense markup", $0, SyntheticPage.make(targetBytes: $0)) }
            + [100_000, 200_000].map { ("typical mix", $0, typicalPage(targetBytes: $0)) }
            + [50_000, 100_000, 200_000].map { ("news site", $0, NewsPage.make(targetBytes: $0)) }
        let only = arguments.firstIndex(of: "--only").flatMap { arguments.dropFirst($0 + 1).first }
        let selected = only.map { kind in pages.filter { $0.0.hasPrefix(kind) && $0.1 == 200_000 } } ?? pages
        for (kind, _, page) in selected {
            var observations = 0
            let perPage = measure(seconds: seconds) {
                let document = HTMLDocument(data: page)
                let model = A11yPage(document: document)
                model.recordsPasses = false  // as in a scan
                observations = rules.reduce(0) { $0 + $1.evaluate(model, at: url).count }
            }
            let parse = measure(seconds: seconds / 2) { _ = HTMLDocument(data: page).root }
            let model = measure(seconds: seconds / 2) { _ = A11yPage(document: HTMLDocument(data: page)).count }
            print(
                String(
                    format:
                        "  %@ %4d KB page, %5d elements: %7.2f ms/page, %6.0f pages/s on one core (%d observations; "
                        + "parse %.2f ms, page model %.2f ms, rules %.2f ms)",
                    kind,
                    page.count / 1000,
                    A11yPage(document: HTMLDocument(data: page)).count,
                    perPage * 1000,
                    1 / perPage,
                    observations,
                    parse * 1000,
                    (model - parse) * 1000,
                    (perPage - model) * 1000
                )
            )
        }
        if arguments.contains("--per-rule") { perRule(rules: rules, url: url, arguments: arguments) }
        print("linearity (flat list of labelled controls):")
        var previous: Double?
        for count in [1_000, 10_000, 100_000] {
            let page = wide(elements: count)
            let time = measure(seconds: seconds / 2) {
                let model = A11yPage(document: HTMLDocument(data: page))
                _ = rules.reduce(0) { $0 + $1.evaluate(model, at: url).count }
            }
            let ratio = previous.map { String(format: " (×%.1f for ×10 elements)", time / $0) } ?? ""
            print(String(format: "  %6d elements: %8.1f ms%@", count, time * 1000, ratio))
            previous = time
        }
    }

    /// Each rule on a warmed page model of the 196 KB page (every rule ran once, so names and other lazily
    /// computed facts are cached): each rule's own cost, the slowest twelve, and the model's.
    private static func perRule(rules: [any A11yRule], url: URL, arguments: [String]) {
        let page =
            arguments.contains("--news")
            ? NewsPage.make(targetBytes: 200_000) : SyntheticPage.make(targetBytes: 200_000)
        let document = HTMLDocument(data: page)
        let model = A11yPage(document: document)
        model.recordsPasses = false
        for rule in rules { _ = rule.evaluate(model, at: url) }
        var timings: [(String, Double)] = []
        for rule in rules {
            let time = measure(seconds: 0.05) { _ = rule.evaluate(model, at: url) }
            timings.append((rule.rules.map(\.rawValue).joined(separator: ","), time))
        }
        let total = timings.reduce(0) { $0 + $1.1 }
        print(String(format: "  rules on a warm model: %.2f ms in all; slowest:", total * 1000))
        for (name, time) in timings.sorted(by: { $0.1 > $1.1 }).prefix(arguments.contains("--all") ? 200 : 12) {
            print(String(format: "    %7.3f ms  %@", time * 1000, name))
        }
    }

    /// A page composed like typical production HTML: half markup (the dense synthetic page), half inline data and
    /// code (a JSON state blob, a stylesheet and a script), which real pages of this size carry.
    private static func typicalPage(targetBytes: Int) -> Data {
        let markup = String(decoding: SyntheticPage.make(targetBytes: targetBytes / 2), as: UTF8.self)
        let third = targetBytes / 6
        let json =
            "<script type=\"application/json\" id=\"state\">{\"items\":["
            + String(repeating: "{\"id\":12345,\"title\":\"A product title\",\"price\":\"19.99\"},", count: third / 50)
            + "{}]}</script>"
        let style =
            "<style>" + String(repeating: ".card .title{font-weight:600;margin:0 0 4px} ", count: third / 46)
            + "</style>"
        let script =
            "<script>"
            + String(repeating: "window.analytics&&window.analytics.track('view',{a:1});\n", count: third / 56)
            + "</script>"
        return Data(markup.replacingOccurrences(of: "</head>", with: json + style + script + "</head>").utf8)
    }

    /// A page of `elements` mixed controls, links and images in one long list.
    private static func wide(elements: Int) -> Data {
        var html = "<!DOCTYPE html><html lang=\"en\"><head><title>Wide</title></head><body><main><ul>"
        for index in 0..<(elements / 4) {
            html += "<li><a href=\"/p/\(index)\">Item \(index)</a><img src=\"/i/\(index).png\" alt=\"\">"
            html += "<label>Qty <input name=\"q\(index)\" id=\"q\(index)\"></label></li>"
        }
        html += "</ul></main></body></html>"
        return Data(html.utf8)
    }

    /// Seconds per run of `body`: the best of three rounds of about `seconds` each.
    private static func measure(seconds: Double, _ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        var best = Double.infinity
        for _ in 0..<3 {
            var iterations = 0
            let start = clock.now
            var elapsed = Duration.zero
            repeat {
                body()
                iterations += 1
                elapsed = clock.now - start
            } while elapsed < .seconds(seconds)
            best = min(best, BenchmarkSupport.seconds(elapsed) / Double(iterations))
        }
        return best
    }
}
