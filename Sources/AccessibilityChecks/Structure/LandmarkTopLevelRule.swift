public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// A landmark that must not sit inside another landmark: banner, contentinfo, main and complementary (best
/// practice, no WCAG SC; axe-core `landmark-banner-is-top-level`, `landmark-contentinfo-is-top-level`,
/// `landmark-main-is-top-level`, `landmark-complementary-is-top-level`; no ACT rule).
///
/// One observation per landmark of the role that is not hidden: passed when no ancestor is a landmark, failed
/// otherwise. As axe-core, a complementary landmark inside `main` is allowed. `<header>`/`<footer>` inside
/// sectioning content are not banner/contentinfo (the page model's implicit role says so), so they are not
/// checked.
public struct LandmarkTopLevelRule: A11yRule {
    /// The landmark role checked.
    public let role: String
    /// The rule id emitted.
    public let ruleID: RuleID

    /// Banner landmarks must be top level.
    public static let banner = LandmarkTopLevelRule(role: "banner", ruleID: "a11y.landmark-banner-is-top-level")
    /// Contentinfo landmarks must be top level.
    public static let contentinfo = LandmarkTopLevelRule(
        role: "contentinfo",
        ruleID: "a11y.landmark-contentinfo-is-top-level"
    )
    /// Main landmarks must be top level.
    public static let main = LandmarkTopLevelRule(role: "main", ruleID: "a11y.landmark-main-is-top-level")
    /// Complementary landmarks must be top level (or inside main).
    public static let complementary = LandmarkTopLevelRule(
        role: "complementary",
        ruleID: "a11y.landmark-complementary-is-top-level"
    )

    /// A rule for `role` emitting `ruleID`.
    public init(role: String, ruleID: RuleID) {
        self.role = role
        self.ruleID = ruleID
    }

    public var rules: [RuleID] { [ruleID] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let targets = Landmarks.elements(withRole: role, in: page)
        guard !targets.isEmpty else { return [] }
        let flags = Landmarks.ancestorFlags(in: page)
        let mask: UInt8 = role == "complementary" ? 2 : 1
        return targets.map { index in
            if flags[index] & mask == 0 {
                return StructureObservation.element(
                    ruleID,
                    .passed,
                    page: page,
                    index: index,
                    url: url,
                    "The \(role) landmark is top level"
                )
            }
            let ancestor = page.snapshot.ancestors(of: index).first {
                guard let outer = Landmarks.role(of: $0, in: page) else { return false }
                return !(role == "complementary" && outer == "main")
            }
            let outer = ancestor.flatMap { Landmarks.role(of: $0, in: page) } ?? "landmark"
            return StructureObservation.element(
                ruleID,
                .failed,
                page: page,
                index: index,
                url: url,
                "The \(role) landmark is nested inside a \(outer) landmark; it should be a top-level landmark"
            )
        }
    }
}
