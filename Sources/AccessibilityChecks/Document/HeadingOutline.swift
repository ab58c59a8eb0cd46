import A11yModel
import PortcullisHTML

/// The page's headings exposed to assistive technology, with their levels, in document order: elements whose
/// role in the page model is `heading` (`<h1>`–`<h6>` unless a role overrides it, `role=heading`). The level is
/// `aria-level` when it is a positive integer, else the tag's digit, else 2 (the ARIA default).
///
/// Hidden headings drop out: certainly hidden from assistive technology, or not rendered, per the page model.
struct HeadingOutline {
    /// One heading.
    struct Heading: Hashable {
        /// The element index.
        let index: Int
        /// Its level, 1 or more.
        let level: Int
    }

    /// The headings in document order.
    let headings: [Heading]

    private static let tags: [String: Int] = ["h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6]

    /// The page's outline, built once per page and shared by the rules reading it.
    static func of(_ page: A11yPage) -> HeadingOutline { page.derived(HeadingOutline.self, HeadingOutline.init) }

    init(_ page: A11yPage) {
        var headings: [Heading] = []
        for (index, node) in page.snapshot.nodes.enumerated() {
            let tagLevel = Self.tags[node.name]
            guard tagLevel != nil || node.hasAttribute("role"), page.role(of: index) == "heading" else { continue }
            guard page.notRenderedReason(index) == nil, !page.hidden(index).isHidden else { continue }
            let ariaLevel = node.attribute("aria-level").flatMap { TabindexRule.integer($0) }.flatMap {
                $0 > 0 ? $0 : nil
            }
            headings.append(Heading(index: index, level: ariaLevel ?? tagLevel ?? 2))
        }
        self.headings = headings
    }
}
