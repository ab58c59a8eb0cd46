public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Flags a `<video>` without a `<track kind="captions">`: deaf and hard-of-hearing users miss its audio
/// (WCAG 1.2.2; axe `video-caption`).
///
/// As axe-core, a missing captions track is "needs review", not a failure: the captions may be burned into the
/// picture, or the video may have no audio. A captions track passes. Unrendered videos do not apply.
public struct VideoCaptionRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.video-caption"

    /// Creates the rule.
    public init() {}

    public var rules: [RuleID] { [Self.id] }

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let videos = page.snapshot.indices(named: "video")
        guard !videos.isEmpty else { return [] }
        let rendered = RenderedTree.of(page)
        // libxml2 does not treat <track> as void, so tracks may nest inside one another: look at all descendants.
        return videos.filter { !rendered.notRendered[$0] }.map { video in
            let captioned = page.snapshot.descendants(of: video).contains { index in
                let node = page.node(index)
                return node.name == "track"
                    && node.attribute("kind")?.trimmingASCIIWhitespace.lowercased() == "captions"
            }
            return A11yObservation.element(
                Self.id,
                captioned ? .passed : .needsReview,
                page: page,
                index: video,
                url: url,
                summary: captioned
                    ? "The video has a captions track"
                    : "The video has no <track kind=\"captions\">; check for open captions or that it has no audio"
            )
        }
    }
}
