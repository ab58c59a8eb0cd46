public import CheckSupport
public import PortcullisCore
import PortcullisHTML

/// Fails a document whose `<html>` element has no `lang` (or `xml:lang`) attribute with a value, so screen
/// readers cannot pick the right voice (WCAG 3.1.1, ACT rule b5c3f8).
public struct HTMLLangCheck: PageCheck {
    public init() {}

    public var rules: [RuleID] { [AccessibilityRules.htmlLang] }

    public func check(_ page: Page) -> [Observation] {
        guard let root = page.document?.root, root.name == "html" else { return [] }
        if root.nonEmptyAttribute("lang") != nil || root.nonEmptyAttribute("xml:lang") != nil {
            return [.passed(AccessibilityRules.htmlLang, at: page.url, "<html> has a lang attribute")]
        }
        return [
            .failed(
                AccessibilityRules.htmlLang,
                at: page.url,
                element: root.cssPath,
                root.hasAttribute("lang") ? "The lang attribute of <html> is empty" : "<html> has no lang attribute",
                snippet: root.startTagSnippet,
                key: ""
            )
        ]
    }
}
