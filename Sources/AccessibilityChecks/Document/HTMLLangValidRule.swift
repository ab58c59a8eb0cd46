public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an `<html>` element whose `lang` (or `xml:lang`) value is not a BCP 47 tag with a known primary language,
/// so assistive technology cannot use it (WCAG 3.1.1; axe `html-lang-valid`; ACT bf051a).
///
/// Blank values are `html-has-lang`'s concern and do not apply here.
public struct HTMLLangValidRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.html-lang-valid"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        guard let root = DocumentRoot.htmlElement(of: page) else { return [] }
        let node = page.node(root)
        let tags = ["lang", "xml:lang"].compactMap { name in
            node.attribute(name).map { (name, LanguageTag($0)) }
        }.filter { !$0.1.isBlank }
        guard !tags.isEmpty else { return [] }
        if let invalid = tags.first(where: { !$0.1.isValid }) {
            let summary =
                "<html> \(invalid.0)=\"\(invalid.1.text)\" is not a valid language tag "
                + "(primary subtag \"\(invalid.1.primary)\" is not a known language)"
            return [A11yObservation.element(Self.id, .failed, page: page, index: root, url: url, summary: summary)]
        }
        return [A11yObservation.element(Self.id, .passed, page: page, index: root, url: url, summary: "Valid language")]
    }
}
