public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails `aria-braillelabel` on an element without an accessible name, or `aria-brailleroledescription` without
/// `aria-roledescription` (WCAG 4.1.2; axe `aria-braille-equivalent`): ARIA 1.2 requires the non-braille
/// equivalent, which speech users get.
public struct AriaBrailleEquivalentRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.aria-braille-equivalent"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed element with a non-empty braille attribute.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var observations: [Observation] = []
        for index in ARIARuleSupport.ariaAttributed(page) {
            let node = page.node(index)
            let label = nonEmpty(node.attribute("aria-braillelabel"))
            let role = nonEmpty(node.attribute("aria-brailleroledescription"))
            guard label || role, let exposure = ARIARuleSupport.exposure(page, index) else { continue }
            var problems: [String] = []
            var uncertain = exposure == .uncertain
            if label {
                let name = page.accessibleName(index)
                if name.isEmpty { problems.append("aria-braillelabel without an accessible name") }
                uncertain = uncertain || name.uncertain
            }
            if role && !nonEmpty(node.attribute("aria-roledescription")) {
                problems.append("aria-brailleroledescription without aria-roledescription")
            }
            let outcome: Observation.Outcome = problems.isEmpty ? .passed : (uncertain ? .needsReview : .failed)
            observations.append(
                ARIARuleSupport.observation(
                    Self.id,
                    outcome,
                    page: page,
                    index: index,
                    url: url,
                    problems.isEmpty
                        ? "Braille attributes have their non-braille equivalent"
                        : problems.joined(separator: "; ")
                )
            )
        }
        return observations
    }

    private func nonEmpty(_ value: String?) -> Bool { value.map { !$0.allSatisfy(\.isWhitespace) } ?? false }
}
