import A11yModel
import Foundation
import PortcullisHTML

/// The page's same-page links (`<a href="#fragment">`) and whether their targets exist, computed once.
///
/// The target of `#x` is the element with id `x`, else an `<a name="x">` (HTML's "find a potential indicated
/// element"), tried with the fragment as written and percent-decoded. `#` and `#top` scroll to the top and
/// always resolve. Fragments of client-side routers (`#/path`, `#!path`) are not element references and drop out.
struct SamePageLinks {
    /// One link.
    struct Link: Hashable {
        /// The `<a>` element.
        let index: Int
        /// The fragment, without `#`.
        let fragment: String
        /// Whether the target exists in the markup.
        let resolves: Bool
    }

    /// The links in document order.
    let links: [Link]

    /// The page's same-page links, found once per page and shared by the rules reading them.
    static func of(_ page: A11yPage) -> SamePageLinks { page.derived(SamePageLinks.self) { .init($0.snapshot) } }

    init(_ snapshot: DocumentSnapshot) {
        let anchors = snapshot.indices(named: "a")
        var names: Set<String> = []
        for index in anchors { if let name = snapshot.nodes[index].attribute("name") { names.insert(name) } }
        var links: [Link] = []
        for index in anchors {
            guard let href = snapshot.nodes[index].attribute("href")?.trimmingASCIIWhitespace, href.hasPrefix("#")
            else { continue }
            let fragment = String(href.dropFirst())
            if fragment.hasPrefix("/") || fragment.hasPrefix("!") { continue }
            let candidates = [fragment, fragment.removingPercentEncoding ?? fragment]
            let resolves =
                fragment.isEmpty || fragment.lowercased() == "top"
                || candidates.contains { snapshot.index(ofID: $0) != nil || names.contains($0) }
            links.append(Link(index: index, fragment: fragment, resolves: resolves))
        }
        self.links = links
    }
}
