public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an `<html>` element whose valid `lang` and `xml:lang` name different primary languages, so the page's
/// language depends on which one a user agent reads (WCAG 3.1.1; axe `html-xml-lang-mismatch`).
///
/// Applies only when both are present and valid (invalid values are `html-lang-valid`'s concern).
public struct HTMLXMLLangMismatchRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.html-xml-lang-mismatch"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        guard let root = DocumentRoot.htmlElement(of: page) else { return [] }
        let node = page.node(root)
        guard let lang = node.attribute("lang").map(LanguageTag.init), lang.isValid,
            let xmlLang = node.attribute("xml:lang").map(LanguageTag.init), xmlLang.isValid
        else { return [] }
        if lang.primary == xmlLang.primary {
            return [
                A11yObservation.element(Self.id, .passed, page: page, index: root, url: url, summary: "Same language")
            ]
        }
        let summary = "<html> lang=\"\(lang.text)\" and xml:lang=\"\(xmlLang.text)\" name different languages"
        return [A11yObservation.element(Self.id, .failed, page: page, index: root, url: url, summary: summary)]
    }
}
