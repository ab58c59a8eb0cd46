/// Builds sitemap documents (sitemaps.org protocol 0.9): URL sets and sitemap indexes.
///
/// Locations are written as given, so callers pass absolute URLs without characters that need XML escaping.
enum SitemapXML {
    /// The sitemap namespace every document declares.
    static let namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    /// The `lastmod` date every entry carries, fixed so responses never change between runs.
    static let lastModified = "2025-06-01"

    /// A `<urlset>` listing `locations` in order.
    static func urlSet(_ locations: some Sequence<String>) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"\(namespace)\">\n"
        for location in locations {
            xml += "<url><loc>\(location)</loc><lastmod>\(lastModified)</lastmod></url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// A `<sitemapindex>` pointing to the sitemaps at `locations`, in order.
    static func index(_ locations: some Sequence<String>) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"\(namespace)\">\n"
        for location in locations {
            xml += "<sitemap><loc>\(location)</loc><lastmod>\(lastModified)</lastmod></sitemap>\n"
        }
        return xml + "</sitemapindex>\n"
    }
}
