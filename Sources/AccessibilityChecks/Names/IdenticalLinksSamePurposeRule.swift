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
            let same = Self.allResolveAlike(links.map(\.target), against: url)
            for link in links {
                let role = NameRuleSupport.roleLabel(page, link.index)
                observations.append(
                    A11yObservation.element(
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

    /// Whether every raw target resolves to the same URL. Stops at the first that differs, so a page of a
    /// hundred "Read more" links to different articles parses two URLs, not a hundred.
    static func allResolveAlike(_ targets: [String], against url: URL) -> Bool {
        guard let first = targets.first else { return true }
        var resolvedFirst: String?
        for target in targets.dropFirst() where target != first {
            if resolvedFirst == nil { resolvedFirst = URL(string: first, relativeTo: url)?.absoluteString ?? first }
            if (URL(string: target, relativeTo: url)?.absoluteString ?? target) != resolvedFirst { return false }
        }
        return true
    }
}
