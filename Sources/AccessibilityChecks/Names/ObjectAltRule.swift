public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails an `<object>` rendering an image, audio or video without an accessible name (`aria-labelledby`,
/// `aria-label`, `title`; fallback content and `alt` do not count) (WCAG 1.1.1; axe `object-alt`; ACT 8fc3b6).
///
/// Static approximation: what the object renders is decided from its `type`, else the extension of its `data`
/// URL. Objects known to render something else (HTML, PDF, …) are inapplicable; objects whose content cannot be
/// told from markup and that have no name are needs review. Objects with an explicit role are inapplicable, as in
/// ACT (an `img` role is `role-img-alt`'s).
public struct ObjectAltRule: A11yRule {
    /// The rule id.
    public static let id: RuleID = "a11y.object-alt"
    static let mediaExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "webp", "avif", "bmp", "ico", "svg", "tif", "tiff", "apng",
        "mp3", "wav", "ogg", "oga", "m4a", "aac", "flac", "opus", "weba",
        "mp4", "m4v", "webm", "ogv", "mov", "avi", "mkv", "mpeg", "mpg",
    ]
    static let otherExtensions: Set<String> = [
        "html", "htm", "xhtml", "php", "asp", "aspx", "jsp", "pdf", "txt", "xml", "json", "swf",
    ]

    /// What an object renders, as far as markup tells.
    enum Content { case media, other, unknown }

    /// Creates the rule.
    public init() {}

    /// The rule id.
    public var rules: [RuleID] { [Self.id] }

    /// One observation per exposed `<object>` rendering (or maybe rendering) non-text content.
    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        page.snapshot.indices(named: "object").compactMap { index in
            guard page.explicitRoleTokens(of: index).isEmpty else { return nil }
            let content = Self.content(page.node(index))
            guard content != .other, !page.hidden(index).isHidden else { return nil }
            let verdict = NameRuleSupport.requireName(Self.id, page: page, index: index, url: url, what: "Object")
            guard content == .unknown, let verdict, verdict.outcome == .failed else { return verdict }
            return A11yObservation.element(
                Self.id,
                .needsReview,
                page: page,
                index: index,
                url: url,
                summary: "Object (role \(NameRuleSupport.roleLabel(page, index))) has no accessible name; check "
                    + "whether it renders an image, audio or video"
            )
        }
    }

    /// What `node` renders, from `type` then the `data` URL's extension.
    static func content(_ node: DocumentSnapshot.Node) -> Content {
        if let type = node.attribute("type")?.trimmingHTMLWhitespace().lowercased(), !type.isEmpty {
            if type.hasPrefix("image/") || type.hasPrefix("audio/") || type.hasPrefix("video/") { return .media }
            return .other
        }
        guard let data = node.attribute("data")?.trimmingHTMLWhitespace(), !data.isEmpty else {
            return .other
        }
        if data.lowercased().hasPrefix("data:") {
            let media = data.dropFirst(5).lowercased()
            return media.hasPrefix("image/") || media.hasPrefix("audio/") || media.hasPrefix("video/") ? .media : .other
        }
        let path = data.split(separator: "#").first.map { $0.split(separator: "?").first ?? "" } ?? ""
        let last = path.split(separator: "/").last ?? ""
        guard let dot = last.lastIndex(of: ".") else { return .unknown }
        let fileExtension = last[last.index(after: dot)...].lowercased()
        if mediaExtensions.contains(fileExtension) { return .media }
        if otherExtensions.contains(fileExtension) { return .other }
        return .unknown
    }
}
