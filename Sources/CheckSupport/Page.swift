public import Crawl
public import Foundation
public import PortcullisCore
public import PortcullisHTML

/// What a page check looks at: one exchange and, when the response is HTML, its parsed document.
///
/// Not `Sendable`: the document belongs to the task that parsed it, and checks run synchronously in that task.
public struct Page {
    public let exchange: Exchange
    /// The parsed document, `nil` when the response is not HTML.
    public let document: HTMLDocument?
    /// What the page loads without navigating (scripts, style sheets, images, media), for checks such as mixed
    /// content and Subresource Integrity; recorded by the crawler, never crawled as pages.
    public let subresources: [Subresource]

    public init(exchange: Exchange, document: HTMLDocument?, subresources: [Subresource] = []) {
        self.exchange = exchange
        self.document = document
        self.subresources = subresources
    }

    /// The URL of the final response: where the observations are located.
    public var url: URL { exchange.finalURL }

    /// The final response (after redirects).
    public var response: ResponseHop { exchange.response }

    /// Whether the page came from a web server (headers are meaningful), not from a local file.
    public var isServed: Bool { !url.isFileURL }

    /// Whether the page was served over HTTPS.
    public var isHTTPS: Bool { url.scheme?.lowercased() == "https" }

    /// A key for per-page observations: the path template, so `/item/1` and `/item/2` aggregate.
    public var pathKey: String { Fingerprint.pathTemplate(of: url) }
}
