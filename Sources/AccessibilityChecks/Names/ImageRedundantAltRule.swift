public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an image whose `alt` repeats the text of the link or button around it (best practice; axe
/// `image-redundant-alt`): screen readers then read the same words twice.
///
/// The enclosing control is the nearest `<a>`, `<button>`, `<label>` or element with a link/button role within a
/// few levels; the comparison is case- and whitespace-insensitive.
public struct ImageRedundantAltRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.image-redundant-alt"
    static let containers: Set<String> = ["a", "button", "label"]

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed image with a non-empty `alt` inside a link, button or label.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        page.snapshot.indices(named: "img").compactMap { index in
            guard let alt = page.node(index).attribute("alt")?.normalisedForComparison, !alt.isEmpty,
                !page.hidden(index).isHidden, let container = container(page, index)
            else { return nil }
            let text = VisibleText(page, container).text.normalisedForComparison
            let role = NameRuleSupport.roleLabel(page, index)
            if text == alt {
                return A11yObservation.element(
                    Self.id,
                    .failed,
                    page: page,
                    index: index,
                    url: url,
                    summary: "Image (role \(role)) has alt \"\(alt)\", the same as the text beside it, so it is read "
                        + "twice"
                )
            }
            return A11yObservation.element(
                Self.id,
                .passed,
                page: page,
                index: index,
                url: url,
                summary: "Image (role \(role)) alt text differs from the surrounding text"
            )
        }
    }

    /// The nearest enclosing link, button or label (at most 8 levels up).
    private func container(_ page: A11yPage, _ index: Int) -> Int? {
        page.nearestAncestor(of: index, within: 8) { ancestor in
            Self.containers.contains(page.node(ancestor).name)
                || ["link", "button"].contains(page.role(of: ancestor) ?? "")
        }
    }
}
