public import CheckSupport
public import PortcullisCore
import PortcullisHTML

/// Fails an `<img>` that gives assistive technology no text alternative (WCAG 1.1.1, ACT rule 23a2a8).
///
/// As axe-core's `image-alt`: an `alt` attribute (empty marks the image decorative), a non-empty `aria-label`,
/// an `aria-labelledby` pointing at text, a non-empty `title`, or a presentational role all pass. Images hidden
/// from assistive technology (`aria-hidden`, `hidden`) and template content are out of scope.
///
/// The same image at the same place on several pages (a logo in a shared layout) is one finding with several
/// locations, so the key is the element path and the image source, not the page.
public struct ImageAltCheck: PageCheck {
    public init() {}

    public var rules: [RuleID] { [AccessibilityRules.imageAlt] }

    public func check(_ page: Page) -> [Observation] {
        guard let document = page.document else { return [] }
        var observations: [Observation] = []
        for image in document.elements(named: "img") {
            guard !image.isInsideTemplate, !image.isAriaHidden, !image.isHiddenByAttribute else { continue }
            if hasTextAlternative(image, in: document) {
                continue
            }
            observations.append(
                .failed(
                    AccessibilityRules.imageAlt,
                    at: page.url,
                    element: image.cssPath,
                    "Image has no alt attribute and no other text alternative",
                    snippet: image.startTagSnippet,
                    key: "\(image.cssPath) \(image.attribute("src") ?? "")"
                )
            )
        }
        return observations
    }

    private func hasTextAlternative(_ image: HTMLElement, in document: HTMLDocument) -> Bool {
        if image.hasAttribute("alt") { return true }
        if image.nonEmptyAttribute("aria-label") != nil || image.nonEmptyAttribute("title") != nil { return true }
        if let role = image.attribute("role")?.lowercased().split(separator: " ").first,
            role == "none" || role == "presentation"
        {
            return true
        }
        if let ids = image.nonEmptyAttribute("aria-labelledby") {
            return ids.split(separator: " ").contains { id in
                document.element(id: String(id)).map { !$0.textContent.isBlankText } ?? false
            }
        }
        return false
    }
}

extension HTMLElement {
    /// Whether the element or an ancestor carries the `hidden` attribute (not rendered at all).
    var isHiddenByAttribute: Bool { ([self] + ancestors).contains { $0.hasAttribute("hidden") } }
}

extension String {
    /// Whether the text has no visible characters.
    var isBlankText: Bool { allSatisfy(\.isWhitespace) }
}
