public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an HTML page whose `<html>` element has no `lang` attribute with a value, so screen readers cannot pick
/// the right voice and pronunciation (WCAG 3.1.1; axe `html-has-lang`; ACT b5c3f8).
///
/// `xml:lang` alone does not count on an HTML page (HTML ignores it; axe says the same). Documents that are not
/// HTML pages (a standalone SVG or MathML document) are out of scope.
public struct HTMLHasLangRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.html-has-lang"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        guard let root = DocumentRoot.htmlElement(of: page) else { return [] }
        let node = page.node(root)
        if let lang = node.attribute("lang"), !LanguageTag(lang).isBlank {
            return [
                A11yObservation.element(Self.id, .passed, page: page, index: root, url: url, summary: "<html> has lang")
            ]
        }
        let reason: String
        if node.hasAttribute("lang") {
            reason = "The lang attribute of <html> is empty"
        } else if node.hasAttribute("xml:lang") {
            reason = "<html> has only xml:lang, which HTML ignores; it needs a lang attribute"
        } else {
            reason = "<html> has no lang attribute"
        }
        return [A11yObservation.element(Self.id, .failed, page: page, index: root, url: url, summary: reason)]
    }
}
