public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails a native text-like form field (`<input>` other than hidden/button/image types, `<textarea>`) without an
/// accessible name (`<label>`, `aria-label(ledby)`, `title`, `placeholder`) (WCAG 4.1.2; axe `label`;
/// ACT e086e5).
public struct LabelRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.label"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed native input or textarea.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        (page.snapshot.indices(named: "input") + page.snapshot.indices(named: "textarea")).sorted().compactMap {
            index in
            guard FormFields.isLabelledInput(page, index), !NameRuleSupport.isPresentational(page.role(of: index))
            else { return nil }
            return NameRuleSupport.requireName(Self.id, page: page, index: index, url: url, what: "Form field")
        }
    }
}
