public import Foundation

/// One thing to scan: an entry URL of a provider.
public struct Target: Sendable, Hashable, Codable {
    /// The provider the URL belongs to, for grouping in reports.
    public var provider: String
    /// The URL to fetch: `https:`, `http:` or `file:`.
    public var url: URL

    public init(provider: String, url: URL) {
        self.provider = provider
        self.url = url
    }
}
