public import Foundation

/// What a page links to: the navigable URLs to consider crawling and the subresources it loads.
public struct DiscoveredLinks: Sendable, Hashable {
    /// Navigable URLs to consider crawling: absolute http(s), resolved against the document base (`<base href>`
    /// if present and http(s), else the page URL; headers against the page URL), fragment dropped, deduplicated,
    /// the page itself left out, in document order, then the header links: `a[href]`, `area[href]`, `link[href]`
    /// whose rel is not stylesheet/icon/preload/modulepreload/prefetch/dns-prefetch/preconnect/manifest (e.g.
    /// alternate, next, prev, canonical), `iframe[src]`, `frame[src]`, `form[action]` with method GET (or no
    /// method), meta refresh URLs, and the response headers `Location`, `Content-Location`, `Link` (rel other
    /// than the stylesheet/preload family).
    public var pages: [URL]
    /// Resources the page loads, in document order: `script[src]`, `link[rel~=stylesheet][href]`, `img[src]`,
    /// `img[srcset]` candidates, `source[src|srcset]`, `video`/`audio`/`track[src]`, `video[poster]`,
    /// `embed[src]`, `object[data]`, `link` rel=preload/modulepreload/icon, and `Link` header preloads.
    /// Exact duplicates (same kind, URL, integrity and element) are listed once.
    public var subresources: [Subresource]
    /// How many references were not examined because ``pages`` or ``subresources`` reached the cap; 0 when the
    /// page was read completely. The crawler reports a non-zero value as a limit that was hit.
    public var omitted: Int

    /// Creates a discovery result.
    public init(pages: [URL] = [], subresources: [Subresource] = [], omitted: Int = 0) {
        self.pages = pages
        self.subresources = subresources
        self.omitted = omitted
    }
}
