public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails a same-page link (`href="#main"`) whose target does not exist: a "skip to content" link that goes
/// nowhere leaves keyboard users stuck in the navigation (best practice; axe `skip-link`).
///
/// axe-core only looks at skip links hidden off-screen until focused; from markup every same-page link is judged,
/// since a dangling fragment is broken wherever it is. When the page has scripts, a missing target may be created
/// later, so it needs review instead of failing. `#` and `#top` pass (they scroll to the top).
public struct SkipLinkRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.skip-link"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        SamePageLinks.of(page).links.filter { !$0.fragment.isEmpty }.map { link in
            if link.resolves {
                return A11yObservation.element(
                    Self.id,
                    .passed,
                    page: page,
                    index: link.index,
                    url: url,
                    summary: "Target #\(link.fragment) exists"
                )
            }
            return A11yObservation.element(
                Self.id,
                page.hasScripts ? .needsReview : .failed,
                page: page,
                index: link.index,
                url: url,
                summary: "Same-page link to #\(link.fragment), but no element has that id or name"
                    + (page.hasScripts ? " (a script may add it)" : "")
            )
        }
    }
}
