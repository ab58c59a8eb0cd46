public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails a `<body>` with `aria-hidden="true"`: the whole page disappears for screen readers (WCAG 1.3.1 and
/// 4.1.2; axe `aria-hidden-body`).
public struct AriaHiddenBodyRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.aria-hidden-body"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per `<body>`.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        page.snapshot.indices(named: "body").map { index in
            let hidden = ARIARuleSupport.isAriaHiddenTrue(page.node(index))
            return ARIARuleSupport.observation(
                Self.id,
                hidden ? .failed : .passed,
                page: page,
                index: index,
                url: url,
                hidden ? "The body has aria-hidden=\"true\"" : "The body is not aria-hidden"
            )
        }
    }
}
