import CheckSupport
import Crawl
import Foundation
import PortcullisCore
import PortcullisHTML

/// Builds pages the way the scanner does, from headers and markup, without a server.
enum PageFixtures {
    static func page(
        url: String = "https://provider.test/home",
        headers: [(String, String)] = [("Content-Type", "text/html; charset=utf-8")],
        html: String = "<!doctype html><html lang=en><head><title>t</title></head><body></body></html>",
        hops: Int = 1
    ) -> Page {
        let url = URL(string: url)!
        let hop = ResponseHop(
            url: url,
            status: 200,
            httpVersion: "HTTP/1.1",
            headers: headers.map { HeaderField(name: $0.0, value: $0.1) }
        )
        let redirects = (1..<max(1, hops)).map { _ in
            ResponseHop(url: url, status: 301, httpVersion: "HTTP/1.1", headers: [])
        }
        let exchange = Exchange(requestURL: url, hops: redirects + [hop], body: Data(html.utf8), charset: "utf-8")
        let document = exchange.isHTML ? HTMLDocument(data: exchange.body, httpCharset: "utf-8") : nil
        let subresources = LinkExtractor.extract(from: document, headers: hop.headers, url: url).subresources
        return Page(exchange: exchange, document: document, subresources: subresources)
    }

    static let html: (String, String) = ("Content-Type", "text/html; charset=utf-8")

    /// Markup wrapping `body` in an otherwise valid document.
    static func document(body: String, lang: String = " lang=\"en\"", head: String = "<title>Home</title>") -> String {
        "<!doctype html><html\(lang)><head>\(head)</head><body>\(body)</body></html>"
    }
}

extension Array where Element == Observation {
    /// The outcomes for `rule`, in order.
    func outcomes(_ rule: RuleID) -> [Observation.Outcome] { filter { $0.ruleID == rule }.map(\.outcome) }
}
