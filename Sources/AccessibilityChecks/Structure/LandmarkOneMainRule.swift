public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// A page should have one main landmark, so keyboard and screen-reader users can jump to its content (best
/// practice; axe-core `landmark-one-main`; no ACT rule).
///
/// Page-level on documents with a `<body>`: passed when a main landmark (`<main>` or `role=main`) is exposed,
/// needs review when the only ones may be hidden by a stylesheet or script, failed when there is none.
public struct LandmarkOneMainRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.landmark-one-main"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        guard !page.snapshot.indices(named: "body").isEmpty else { return [] }
        let mains = Landmarks.elements(withRole: "main", in: page)
        if mains.contains(where: { page.hidden($0) == .exposed }) {
            return [StructureObservation.page(Self.id, .passed, url: url, "The page has a main landmark")]
        }
        if !mains.isEmpty {
            return [
                StructureObservation.page(
                    Self.id,
                    .needsReview,
                    url: url,
                    "The page's main landmark may be hidden by a stylesheet or script"
                )
            ]
        }
        return [
            StructureObservation.page(
                Self.id,
                .failed,
                url: url,
                "The page has no main landmark (<main> or role=\"main\")"
            )
        ]
    }
}
