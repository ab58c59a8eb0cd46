/// The good provider's files for crawlers: robots.txt, a sitemap index, a plain sitemap and a gzip-compressed one.
///
/// Built once per site from its HTTPS origin, because sitemaps and robots.txt's `Sitemap:` line need absolute
/// URLs. robots.txt disallows `/private/`; the plain sitemap also lists landing pages that nothing links to,
/// and the compressed one a clearance page that nothing links to, so sitemap discovery (and gzip support) is
/// observable in what a crawler finds.
struct GoodProviderCrawlFiles: Sendable {
    /// The paths the plain sitemap (`/sitemap-pages.xml`) lists.
    static let pagePaths =
        ["/", "/about", "/products", "/login", "/help"]
        + GoodProviderPages.helpTopics.map { "/help/\($0.slug)" }
        + GoodProviderPages.landingPages.map { "/landing/\($0.slug)" }
    /// The paths the gzip-compressed sitemap (`/sitemap-products.xml.gz`) lists.
    static let productPaths =
        GoodProviderPages.productIDs.map { "/products/\($0)" } + ["/products/\(GoodProviderPages.clearanceSlug)"]

    /// `/robots.txt`: every agent may crawl everything but `/private/`; the sitemap index is announced.
    let robots: String
    /// `/sitemap.xml`: a sitemap index pointing to the two sitemaps below.
    let sitemapIndex: String
    /// `/sitemap-pages.xml`: the plain-XML URL set of ``pagePaths``.
    let pagesSitemap: String
    /// `/sitemap-products.xml.gz`: the gzip file of the URL set of ``productPaths``.
    let productsSitemapGzip: [UInt8]

    /// Builds the files for the site at `httpsOrigin` (no trailing slash, e.g. `https://127.0.0.1:8443`).
    init(httpsOrigin: String) {
        robots = """
            User-agent: *
            Disallow: /private/

            Sitemap: \(httpsOrigin)/sitemap.xml

            """
        sitemapIndex = SitemapXML.index([
            "\(httpsOrigin)/sitemap-pages.xml", "\(httpsOrigin)/sitemap-products.xml.gz",
        ])
        pagesSitemap = SitemapXML.urlSet(Self.pagePaths.map { httpsOrigin + $0 })
        productsSitemapGzip = StoredGzip.wrap(Array(SitemapXML.urlSet(Self.productPaths.map { httpsOrigin + $0 }).utf8))
    }
}
