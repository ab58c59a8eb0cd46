public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an HTML page without a level-one heading: screen reader users jump to the `h1` to find the main content
/// (best practice; axe `page-has-heading-one`). A `role=heading` with `aria-level=1` counts; hidden headings do
/// not. Documents that are not HTML pages are out of scope.
public struct PageHasHeadingOneRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.page-has-heading-one"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        guard DocumentRoot.htmlElement(of: page) != nil else { return [] }
        let outline = HeadingOutline.of(page)
        if let first = outline.headings.first(where: { $0.level == 1 }) {
            return [
                A11yObservation.element(
                    Self.id,
                    .passed,
                    page: page,
                    index: first.index,
                    url: url,
                    summary: "Has an h1"
                )
            ]
        }
        return [A11yObservation.page(Self.id, .failed, url: url, "The page has no level-one heading")]
    }
}
