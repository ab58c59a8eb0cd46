public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Frames sharing one accessible name must embed the same thing (WCAG 4.1.2; axe `frame-title-unique`; ACT 4b1c6c
/// "Iframe elements with identical accessible names have equivalent purpose").
///
/// Deliberate deviation from axe-core, which fails every repeated title: as ACT, frames with the same name and the
/// same `src` pass, and frames with the same name but different sources are needs review — two embeds of one
/// widget may serve the same purpose, which markup cannot tell.
public struct FrameTitleUniqueRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.frame-title-unique"

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed, named frame that shares its name with another.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        var groups: [String: [(index: Int, name: String, source: String)]] = [:]
        var order: [String] = []
        for index in (page.snapshot.indices(named: "iframe") + page.snapshot.indices(named: "frame")).sorted() {
            guard !page.hidden(index).isHidden else { continue }
            let name = page.accessibleName(index)
            guard !name.isEmpty else { continue }
            let key = name.text.normalisedForComparison
            if groups[key] == nil { order.append(key) }
            let source = page.node(index).attribute("src").map {
                URL(string: $0, relativeTo: url)?.absoluteString ?? $0
            }
            groups[key, default: []].append((index, name.text, source ?? ""))
        }
        var observations: [Observation] = []
        for key in order {
            guard let frames = groups[key], frames.count > 1 else { continue }
            let same = Set(frames.map(\.source)).count == 1
            for frame in frames {
                let role = NameRuleSupport.roleLabel(page, frame.index)
                observations.append(
                    A11yObservation.element(
                        Self.id,
                        same ? .passed : .needsReview,
                        page: page,
                        index: frame.index,
                        url: url,
                        summary: same
                            ? "Frames (role \(role)) named \"\(frame.name)\" all embed the same document"
                            : "\(frames.count) frames (role \(role)) share the name \"\(frame.name)\" but embed "
                                + "different documents; check they serve the same purpose"
                    )
                )
            }
        }
        return observations
    }
}
