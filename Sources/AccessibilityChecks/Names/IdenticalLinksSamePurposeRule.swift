public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Links with the same accessible name should lead to the same place (WCAG 2.4.9, AAA, here a best practice; axe
/// `identical-links-same-purpose`; ACT b20e66).
///
/// Links sharing a name (case- and whitespace-insensitive) and resolving to the same URL pass; the same name for
/// different URLs is needs review — two URLs may still serve the same purpose, which markup cannot tell.
public struct IdenticalLinksSamePurposeRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.identical-links-same-purpose"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed, named link sharing its name with another.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var groups: [String: [(index: Int, name: String, target: String)]] = [:]
        var order: [String] = []
        for index in NameRuleSupport.indices(of: page, withRoles: ["link"]) where !page.hidden(index).isHidden {
            let name = page.accessibleName(index)
            guard !name.isEmpty else { continue }
            let key = name.text.normalisedForComparison
            if groups[key] == nil { order.append(key) }
            // The raw href; resolved against the page only when a group's raw targets differ (URL parsing is the
            // costly part on link-heavy pages).
            let target = page.node(index).attribute("href") ?? page.node(index).attribute("xlink:href") ?? ""
            groups[key, default: []].append((index, name.text, target))
        }
        var observations: [Observation] = []
        for key in order {
            guard let links = groups[key], links.count > 1 else { continue }
            var same = Set(links.map(\.target)).count == 1
            if !same {
                same =
                    Set(links.map { URL(string: $0.target, relativeTo: url)?.absoluteString ?? $0.target }).count == 1
            }
            for link in links {
                let role = NameRuleSupport.roleLabel(page, link.index)
                observations.append(
                    NameRuleSupport.observation(
                        Self.id,
                        same ? .passed : .needsReview,
                        page: page,
                        index: link.index,
                        url: url,
                        summary: same
                            ? "Links (role \(role)) named \"\(link.name)\" all lead to the same place"
                            : "\(links.count) links (role \(role)) are named \"\(link.name)\" but lead to different "
                                + "places; check they serve the same purpose"
                    )
                )
            }
        }
        return observations
    }
}
