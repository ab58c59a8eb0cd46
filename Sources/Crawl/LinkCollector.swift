import Foundation
import PortcullisCore
import PortcullisHTML

/// Accumulates one page's links for ``LinkExtractor``: resolves, filters, deduplicates and caps them.
struct LinkCollector {
    private let pageURL: URL
    private let pageKey: String
    private let maxLinks: Int
    private let resolver = ReferenceResolver()
    private var base: URL
    private var pages: [URL] = []
    private var seenPages: Set<String> = []
    private var subresources: [Subresource] = []
    private var seenSubresources: Set<Subresource> = []
    private var omitted = 0

    init(pageURL: URL, maxLinks: Int) {
        self.pageURL = pageURL
        self.pageKey = ReferenceResolver.fetchable(pageURL)?.absoluteString ?? pageURL.absoluteString
        self.maxLinks = max(0, maxLinks)
        self.base = pageURL
    }

    /// What was collected.
    var result: DiscoveredLinks {
        DiscoveredLinks(pages: pages, subresources: subresources, omitted: omitted)
    }

    /// Collects the links of every element outside `<template>`, in document order.
    mutating func collect(_ document: HTMLDocument) {
        let excluded = Self.templateContents(of: document)
        let elements = document.elements().filter { !excluded.contains($0) }
        if let href = elements.first(where: { $0.name == "base" && $0.hasAttribute("href") })?.attribute("href"),
            let resolved = resolver.resolve(href, against: pageURL)
        {
            base = resolved
        }
        for element in elements {
            collect(element)
        }
    }

    /// Collects `Location`, `Content-Location` and `Link` header links, resolved against the page URL.
    mutating func collect(_ headers: [HeaderField]) {
        for header in headers {
            switch header.name.lowercased() {
            case "location", "content-location":
                addPage(header.value, against: pageURL)
            case "link":
                for link in LinkHeader.parse(header.value) {
                    switch LinkRelationRole.of(relations: link.relations, preloadAs: link.parameters["as"]) {
                    case .page:
                        addPage(link.target, against: pageURL)
                    case .subresource(let kind):
                        addSubresource(kind, link.target, against: pageURL, integrity: link.parameters["integrity"]) {
                            "Link header"
                        }
                    case .ignored:
                        break
                    }
                }
            default:
                break
            }
        }
    }

    private mutating func collect(_ element: HTMLElement) {
        switch element.name {
        case "a", "area":
            if let href = element.attribute("href") { addPage(href) }
        case "iframe", "frame":
            if let source = element.attribute("src") { addPage(source) }
        case "form":
            // Only GET forms are navigations the crawler may repeat; an invalid method means GET in HTML.
            let method = element.attribute("method")?.trimmingCharacters(in: .whitespaces).lowercased()
            if method != "post", method != "dialog" {
                if let action = element.attribute("action") { addPage(action) }
            }
        case "meta":
            let equiv = element.attribute("http-equiv")?.trimmingCharacters(in: .whitespaces).lowercased()
            if equiv == "refresh", let target = element.attribute("content").flatMap(MetaRefresh.target) {
                addPage(target)
            }
        case "link":
            collectLink(element)
        case "script":
            addSubresource(.script, element, attribute: "src")
        case "img":
            addSubresource(.image, element, attribute: "src")
            addSrcset(element)
        case "source":
            addSubresource(.media, element, attribute: "src")
            addSrcset(element)
        case "video":
            addSubresource(.media, element, attribute: "src")
            addSubresource(.image, element, attribute: "poster")
        case "audio", "track":
            addSubresource(.media, element, attribute: "src")
        case "embed":
            addSubresource(.other, element, attribute: "src")
        case "object":
            addSubresource(.other, element, attribute: "data")
        default:
            break
        }
    }

    private mutating func collectLink(_ element: HTMLElement) {
        guard let href = element.attribute("href") else { return }
        let relations = (element.attribute("rel") ?? "").lowercased().split(whereSeparator: \.isWhitespace)
        let role = LinkRelationRole.of(relations: relations.map(String.init), preloadAs: element.attribute("as"))
        switch role {
        case .page:
            addPage(href)
        case .subresource(let kind):
            addSubresource(kind, href, against: base, integrity: element.attribute("integrity")) {
                element.cssPath
            }
        case .ignored:
            break
        }
    }

    private mutating func addSrcset(_ element: HTMLElement) {
        guard let srcset = element.attribute("srcset") else { return }
        for candidate in SrcsetParser.urls(srcset, limit: maxLinks + 1) {
            addSubresource(.image, candidate, against: base, integrity: nil) { element.cssPath }
        }
    }

    private mutating func addSubresource(_ kind: Subresource.Kind, _ element: HTMLElement, attribute: String) {
        guard let reference = element.attribute(attribute) else { return }
        addSubresource(kind, reference, against: base, integrity: element.attribute("integrity")) {
            element.cssPath
        }
    }

    /// Adds a subresource; `path` is only computed for references that are kept.
    private mutating func addSubresource(
        _ kind: Subresource.Kind,
        _ reference: String,
        against base: URL,
        integrity: String?,
        path: () -> String
    ) {
        guard subresources.count < maxLinks else {
            omitted += 1
            return
        }
        guard let url = resolver.resolve(reference, against: base) else { return }
        let subresource = Subresource(kind: kind, url: url, integrity: integrity, elementPath: path())
        if seenSubresources.insert(subresource).inserted {
            subresources.append(subresource)
        }
    }

    private mutating func addPage(_ reference: String) {
        addPage(reference, against: base)
    }

    private mutating func addPage(_ reference: String, against base: URL) {
        guard pages.count < maxLinks else {
            omitted += 1
            return
        }
        guard let url = resolver.resolve(reference, against: base) else { return }
        let key = url.absoluteString
        guard key != pageKey, seenPages.insert(key).inserted else { return }
        pages.append(url)
    }

    /// Every element inside a `<template>` (the templates included): inert markup, not part of the page.
    private static func templateContents(of document: HTMLDocument) -> Set<HTMLElement> {
        var excluded: Set<HTMLElement> = []
        for template in document.elements(named: "template") where !excluded.contains(template) {
            excluded.insert(template)
            excluded.formUnion(template.descendants())
        }
        return excluded
    }
}
