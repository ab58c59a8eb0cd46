public import A11yModel
import ARIAModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an element carrying an `aria-*` attribute that WAI-ARIA 1.2 does not define, such as a misspelt
/// `aria-labeledby` (WCAG 4.1.2; axe `aria-valid-attr`; ACT 5f99a7). Browsers ignore unknown attributes, so the
/// state or property the author meant never reaches assistive technology.
public struct AriaValidAttrRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.aria-valid-attr"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per element with `aria-*` attributes.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var observations: [Observation] = []
        for index in ARIARuleSupport.ariaAttributed(page) {
            let attributes = ARIARuleSupport.ariaAttributes(page.node(index))
            guard !attributes.isEmpty else { continue }
            let unknown = attributes.map(\.name).filter { ARIA.attribute($0) == nil }
            let summary =
                unknown.isEmpty
                ? "Every aria-* attribute is defined in WAI-ARIA"
                : "Undefined ARIA attribute\(unknown.count > 1 ? "s" : "") \(unknown.joined(separator: ", "))"
            observations.append(
                ARIARuleSupport.observation(
                    Self.id,
                    unknown.isEmpty ? .passed : .failed,
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
