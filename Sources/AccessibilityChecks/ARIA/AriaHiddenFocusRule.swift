public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an element with `aria-hidden="true"` that is, or contains, an element in sequential focus navigation
/// (WCAG 4.1.2; axe `aria-hidden-focus`; ACT 6cfa84): keyboard users land on something screen readers cannot
/// perceive. Content hidden from rendering (`hidden`, inline `display:none`, `inert`) cannot take focus and
/// passes; `aria-hidden="false"` inside does not undo the hiding.
///
/// Static approximation: content moved off-screen still fails (it is focusable); focus traps built by scripts
/// (sentinels that move focus on arrival) cannot be seen, so a failure is needs-review when a script names the
/// focusable element's id or the element has an inline focus handler.
public struct AriaHiddenFocusRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.aria-hidden-focus"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per rendered element with `aria-hidden="true"`.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let roots = page.snapshot.indices(withAttribute: "aria-hidden").filter {
            ARIARuleSupport.isAriaHiddenTrue(page.node($0))
        }
        guard !roots.isEmpty else { return [] }
        let facts = FocusFacts(page, sequential: true)
        let scripts = page.snapshot.indices(named: "script").map { script in
            page.node(script).children.compactMap {
                if case .text(let text) = $0 { return text }
                return nil
            }.joined()
        }.joined(separator: "\n")
        return roots.compactMap { index in
            guard !facts.unrendered[index] else { return nil }
            guard let focusable = facts.first[index] else {
                return ARIARuleSupport.observation(
                    Self.id,
                    .passed,
                    page: page,
                    index: index,
                    url: url,
                    "aria-hidden content has nothing in the tab order"
                )
            }
            let name = page.node(focusable).name
            return ARIARuleSupport.observation(
                Self.id,
                mayRedirectFocus(page.node(focusable), scripts) ? .needsReview : .failed,
                page: page,
                index: index,
                url: url,
                focusable == index
                    ? "Element hidden with aria-hidden is itself in the tab order"
                    : "aria-hidden content contains a <\(name)> in the tab order"
            )
        }
    }

    /// Whether a script may move focus away on arrival: an inline `onfocus`/`onfocusin`, or script text that
    /// names the element's id.
    private func mayRedirectFocus(_ node: DocumentSnapshot.Node, _ scripts: String) -> Bool {
        if node.hasAttribute("onfocus") || node.hasAttribute("onfocusin") { return true }
        guard let id = node.attribute("id"), !id.isEmpty, !scripts.isEmpty else { return false }
        return scripts.contains(id)
    }
}
