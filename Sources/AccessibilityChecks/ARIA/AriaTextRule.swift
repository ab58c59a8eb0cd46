public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an element with `role="text"` (a WebKit extension that flattens content into one text run) that contains
/// focusable elements, which then lose their role and name (best practice; axe `aria-text`).
public struct AriaTextRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.aria-text"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed `role="text"` element.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let candidates = page.snapshot.indices(withAttribute: "role").filter {
            page.explicitRoleTokens(of: $0).first == "text"
        }
        guard !candidates.isEmpty else { return [] }
        let facts = FocusFacts(page, sequential: false)
        return candidates.compactMap { index in
            guard let exposure = ARIARuleSupport.exposure(page, index), !facts.unrendered[index] else { return nil }
            let focusable = facts.first[index]
            return ARIARuleSupport.observation(
                Self.id,
                ARIARuleSupport.outcome(failing: focusable != nil, exposure),
                page: page,
                index: index,
                url: url,
                focusable == nil
                    ? "role=text has no focusable content" : "role=text contains focusable content, which is flattened"
            )
        }
    }
}
