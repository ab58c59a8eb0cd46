/// What a `link` element or `Link` header link is for, decided by its relation types: a page to consider
/// crawling, a subresource the page loads, or neither (hints such as `preconnect` that name no resource).
enum LinkRelationRole: Hashable {
    /// A navigable URL (`alternate`, `next`, `prev`, `canonical`, no rel at all…).
    case page
    /// A resource the page loads (`stylesheet`, `preload`, `modulepreload`, icons).
    case subresource(Subresource.Kind)
    /// A hint that is neither (`prefetch`, `dns-prefetch`, `preconnect`, `manifest`, `pingback`).
    case ignored

    /// The icon relations browsers load (`shortcut icon` contains `icon`).
    private static let iconRelations: Set<String> = [
        "icon", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon",
    ]
    /// Relations that name no page to crawl and no subresource to check.
    private static let ignoredRelations: Set<String> = [
        "prefetch", "dns-prefetch", "preconnect", "manifest", "pingback",
    ]

    /// The role of a link with these relation types (lower-cased) and `as` value (for preloads).
    static func of(relations: [String], preloadAs: String?) -> LinkRelationRole {
        if relations.contains("stylesheet") { return .subresource(.stylesheet) }
        if relations.contains("modulepreload") { return .subresource(.script) }
        if relations.contains("preload") { return .subresource(kind(preloadAs: preloadAs)) }
        if relations.contains(where: iconRelations.contains) { return .subresource(.image) }
        if relations.contains(where: ignoredRelations.contains) { return .ignored }
        return .page
    }

    /// The kind a `preload` fetches, from its `as` destination.
    private static func kind(preloadAs: String?) -> Subresource.Kind {
        switch preloadAs?.lowercased() {
        case "script"?: return .script
        case "style"?: return .stylesheet
        case "image"?: return .image
        case "audio"?, "video"?, "track"?: return .media
        default: return .other
        }
    }
}
