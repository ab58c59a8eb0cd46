import CheckSupport
import Crawl
public import Foundation
import HeaderChecks
public import PortcullisCore
import PortcullisHTML

/// Runs page checks on a response described by hand (headers and optional HTML), with no network: what
/// `portcullis explain` uses so people can try a policy or header set while designing it.
public enum OfflineEvaluation {
    /// The findings the header and CSP checks raise for a response at `url` with `headers` and `html`.
    public static func findings(
        url: URL,
        headers: [HeaderField],
        html: Data?,
        catalog: RuleCatalog
    ) throws(PortcullisError) -> [Finding] {
        let engine = try RuleEngine(
            catalog: catalog,
            profile: .default,
            checkRules: CheckRegistry.implementedRules(pageChecks: CheckRegistry.pageChecks(catalog: catalog))
        )
        let contentType = HeaderField(name: "Content-Type", value: "text/html; charset=utf-8")
        let hop = ResponseHop(url: url, status: 200, httpVersion: "HTTP/1.1", headers: [contentType] + headers)
        let body =
            html ?? Data("<!doctype html><html lang=\"en\"><head><title>-</title></head><body></body></html>".utf8)
        let exchange = Exchange(requestURL: url, hops: [hop], body: body, charset: "utf-8")
        let document = HTMLDocument(data: body, httpCharset: "utf-8")
        let subresources = LinkExtractor.extract(from: document, headers: hop.headers, url: url).subresources
        let page = Page(exchange: exchange, document: document, subresources: subresources)
        var accumulator = FindingAccumulator(engine: engine)
        for check in HeaderChecks.all(bypassLists: CheckRegistry.bypassLists(catalog: catalog)) {
            accumulator.add(contentsOf: check.check(page))
        }
        return accumulator.findings()
    }
}
