public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails a heading whose level is more than one deeper than the heading before it (an `h2` followed by an `h4`):
/// screen reader users navigating by heading infer the structure from the levels (best practice; axe
/// `heading-order`). The first heading may have any level; levels may rise by any amount.
public struct HeadingOrderRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.heading-order"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let outline = HeadingOutline.of(page)
        var previous: Int?
        return outline.headings.map { heading in
            defer { previous = heading.level }
            if let previous, heading.level > previous + 1 {
                return A11yObservation.element(
                    Self.id,
                    .failed,
                    page: page,
                    index: heading.index,
                    url: url,
                    summary: "Heading level \(heading.level) follows level \(previous), skipping "
                        + (heading.level - previous == 2
                            ? "level \(previous + 1)" : "levels \(previous + 1)–\(heading.level - 1)")
                )
            }
            return A11yObservation.element(
                Self.id,
                .passed,
                page: page,
                index: heading.index,
                url: url,
                summary: "Heading level \(heading.level) in order"
            )
        }
    }
}
