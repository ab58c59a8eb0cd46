public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// A page should have at most one banner, contentinfo or main landmark (best practice; axe-core
/// `landmark-no-duplicate-banner`, `landmark-no-duplicate-contentinfo`, `landmark-no-duplicate-main`; no ACT
/// rule).
///
/// Page-level: passed with zero or one landmark of the role that is not hidden, failed with more (the
/// observation points at the second one); when the duplicates only appear by counting landmarks a stylesheet or
/// script may hide, needs review.
public struct LandmarkNoDuplicateRule: A11yRule {
    /// The landmark role counted.
    public let role: String
    /// The rule id emitted.
    public let ruleID: RuleID

    /// At most one banner.
    public static let banner = LandmarkNoDuplicateRule(role: "banner", ruleID: "a11y.landmark-no-duplicate-banner")
    /// At most one contentinfo.
    public static let contentinfo = LandmarkNoDuplicateRule(
        role: "contentinfo",
        ruleID: "a11y.landmark-no-duplicate-contentinfo"
    )
    /// At most one main.
    public static let main = LandmarkNoDuplicateRule(role: "main", ruleID: "a11y.landmark-no-duplicate-main")

    /// A rule for `role` emitting `ruleID`.
    public init(role: String, ruleID: RuleID) {
        self.role = role
        self.ruleID = ruleID
    }

    public var rules: [RuleID] { [ruleID] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let all = Landmarks.elements(withRole: role, in: page)
        let certain = all.filter { page.hidden($0) == .exposed }
        if all.count <= 1 {
            return [StructureObservation.page(ruleID, .passed, url: url, "The page has at most one \(role) landmark")]
        }
        let outcome: Observation.Outcome = certain.count > 1 ? .failed : .needsReview
        let second = certain.count > 1 ? certain[1] : all[1]
        return [
            StructureObservation.element(
                ruleID,
                outcome,
                page: page,
                index: second,
                url: url,
                "The page has \(all.count) \(role) landmarks; it should have at most one"
            )
        ]
    }
}
