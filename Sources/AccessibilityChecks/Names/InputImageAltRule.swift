public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an image button (`<input type="image">`) without an accessible name (`alt`, `aria-label`,
/// `aria-labelledby`, `title`) (WCAG 1.1.1 and 4.1.2; axe `input-image-alt`; ACT 59796f).
public struct InputImageAltRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.input-image-alt"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed image button.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        page.snapshot.indices(named: "input").compactMap { index in
            guard NameRuleSupport.inputType(page.node(index)) == "image" else { return nil }
            return NameRuleSupport.requireName(Self.id, page: page, index: index, url: url, what: "Image button")
        }
    }
}
