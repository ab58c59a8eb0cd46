public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails `<blink>` and `<marquee>`: moving or blinking content that users cannot pause distracts and cannot be
/// read by many people with attention or vision impairments (WCAG 2.2.2; axe `blink`, `marquee`).
///
/// Elements that are not rendered (`hidden`, inline `display:none`, template content) do not apply.
public struct ObsoleteElementRule: A11yRule {
    /// The `<blink>` rule id.
    public static let blinkID: RuleID = "a11y.blink"
    /// The `<marquee>` rule id.
    public static let marqueeID: RuleID = "a11y.marquee"

    /// The element judged: `blink` or `marquee`.
    public let element: String

    /// The rule for `element` (`"blink"` or `"marquee"`).
    public init(element: String) {
        self.element = element
    }

    public var rules: [RuleID] { [element == "blink" ? Self.blinkID : Self.marqueeID] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let indices = page.snapshot.indices(named: element)
        guard !indices.isEmpty else { return [] }
        let rendered = RenderedTree.of(page)
        let effect = element == "blink" ? "blinks" : "scrolls"
        return indices.filter { !rendered.notRendered[$0] }.map { index in
            A11yObservation.element(
                rules[0],
                .failed,
                page: page,
                index: index,
                url: url,
                summary: "<\(element)> content \(effect) and users cannot pause or stop it"
            )
        }
    }
}
