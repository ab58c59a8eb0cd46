public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails a server-side image map (`<img ismap>`): its regions can only be chosen with a pointer at pixel
/// coordinates, so keyboard users cannot use it and screen readers cannot name its links (WCAG 2.1.1; axe
/// `server-side-image-map`).
public struct ServerSideImageMapRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.server-side-image-map"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        page.snapshot.indices(named: "img").filter { page.node($0).hasAttribute("ismap") }.map { index in
            A11yObservation.element(
                Self.id,
                .failed,
                page: page,
                index: index,
                url: url,
                summary: "Server-side image map (ismap): its regions cannot be reached with a keyboard"
            )
        }
    }
}
