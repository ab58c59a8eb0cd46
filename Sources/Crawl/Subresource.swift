public import Foundation

/// A resource a page loads without navigating to it; recorded for page checks (mixed content, SRI), never
/// crawled.
public struct Subresource: Sendable, Hashable {
    /// What the page loads it as.
    public enum Kind: String, Sendable, Hashable {
        /// `script[src]`, `link rel=modulepreload`, `link rel=preload as=script`.
        case script
        /// `link rel=stylesheet`, `link rel=preload as=style`.
        case stylesheet
        /// `img[src]`, `img[srcset]`, `picture > source[srcset]`, icons, `video[poster]`.
        case image
        /// `video[src]`, `audio[src]`, `source[src]`, `track[src]`.
        case media
        /// Anything else a page embeds: `embed[src]`, `object[data]`, other preloads.
        case other
    }

    /// What the page loads it as.
    public var kind: Kind
    /// The absolute http(s) URL, resolved against the document base, fragment dropped.
    public var url: URL
    /// The `integrity` attribute (Subresource Integrity metadata) as written, when present.
    public var integrity: String?
    /// Where the reference is: the element's CSS path, or `Link header` for a preload sent as a header.
    public var elementPath: String

    /// Creates a subresource record.
    public init(kind: Kind, url: URL, integrity: String? = nil, elementPath: String) {
        self.kind = kind
        self.url = url
        self.integrity = integrity
        self.elementPath = elementPath
    }
}
