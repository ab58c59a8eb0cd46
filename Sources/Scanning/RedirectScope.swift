public import Foundation

/// Which redirects a scan may follow from a target: to the same host (any scheme or port) and over HTTP(S).
///
/// A redirect elsewhere is recorded but never followed, so a hostile provider cannot point the scanner at
/// another system. The crawler's configurable scopes refine this.
public struct RedirectScope: Sendable, Hashable {
    /// The host redirects must stay on, lower-cased.
    public let host: String

    public init(_ target: URL) {
        self.host = target.host(percentEncoded: false)?.lowercased() ?? ""
    }

    /// Whether a redirect to `url` may be followed.
    public func allows(_ url: URL) -> Bool {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return false }
        return url.host(percentEncoded: false)?.lowercased() == host
    }
}
