public import A11yModel
import ARIAModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an element whose WAI-ARIA state or property has a value outside its type: a token not in the list,
/// a non-integer `aria-level`, a non-number `aria-valuenow`, an id reference with spaces (WCAG 4.1.2; axe
/// `aria-valid-attr-value`; ACT 6a7281).
///
/// As ACT 6a7281, empty values are inapplicable (user agents treat them as absent) and id references are checked
/// for syntax only: a reference to an element that is not (yet) in the page is allowed, since scripts often add
/// error messages and popups later. axe-core additionally requires some references to exist; we do not.
public struct AriaValidAttrValueRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.aria-valid-attr-value"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per element with known, non-empty `aria-*` attributes.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var observations: [Observation] = []
        for index in ARIARuleSupport.ariaAttributed(page) {
            let attributes = ARIARuleSupport.ariaAttributes(page.node(index)).filter {
                ARIA.attribute($0.name) != nil && !$0.value.allSatisfy(\.isWhitespace)
            }
            guard !attributes.isEmpty else { continue }
            let invalid = attributes.filter { !ARIA.isValid($0.value, for: $0.name) }
            let summary =
                invalid.isEmpty
                ? "Every ARIA state and property has a valid value"
                : "Invalid value for " + invalid.map { "\($0.name)=\"\($0.value.prefix(40))\"" }.joined(separator: ", ")
            observations.append(
                ARIARuleSupport.observation(
                    Self.id,
                    invalid.isEmpty ? .passed : .failed,
                    page: page,
                    index: index,
                    url: url,
                    summary
                )
            )
        }
        return observations
    }
}
