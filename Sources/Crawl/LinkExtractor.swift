public import Foundation
public import PortcullisCore
public import PortcullisHTML

/// Finds what a fetched page links to, from its markup and its response headers.
public enum LinkExtractor {
    /// The default cap on pages and on subresources taken from one page.
    public static let defaultMaxLinks = 5000

    /// Links of `document` (may be nil for non-HTML) and `headers` of the final response at `url`.
    ///
    /// Never crashes; caps: at most `maxLinks` (default 5,000) pages and subresources each per page, the rest
    /// counted in ``DiscoveredLinks/omitted``; skips `javascript:`, `mailto:`, `data:`, `tel:`, `about:` and
    /// every other non-http(s) reference; ignores elements inside `<template>`; whitespace inside URLs trimmed
    /// per HTML. Header links (`Location`, `Content-Location`, `Link`) resolve against `url`, markup links
    /// against the document base.
    public static func extract(
        from document: HTMLDocument?,
        headers: [HeaderField],
        url: URL,
        maxLinks: Int = defaultMaxLinks
    ) -> DiscoveredLinks {
        var collector = LinkCollector(pageURL: url, maxLinks: maxLinks)
        if let document {
            collector.collect(document)
        }
        collector.collect(headers)
        return collector.result
    }
}
