public import CheckSupport
public import PortcullisCore
import PortcullisHTML

/// Fails a document without a non-empty `<title>`: the title is what screen readers announce first and what
/// tabs and history show (WCAG 2.4.2, ACT rule 2779a5).
///
/// `<title>` inside inline SVG names the graphic, not the document, and does not count.
public struct DocumentTitleCheck: PageCheck {
    public init() {}

    public var rules: [RuleID] { [AccessibilityRules.documentTitle] }

    public func check(_ page: Page) -> [Observation] {
        guard let document = page.document, document.root != nil else { return [] }
        let titles = document.elements(named: "title").filter { title in
            !title.ancestors.contains { $0.name == "svg" } && !title.isInsideTemplate
        }
        if let title = titles.first, !title.textContent.isBlankText {
            return [.passed(AccessibilityRules.documentTitle, at: page.url, "Document has a title")]
        }
        return [
            .failed(
                AccessibilityRules.documentTitle,
                at: page.url,
                titles.isEmpty ? "The document has no <title> element" : "The document's <title> is empty",
                key: ""
            )
        ]
    }
}
