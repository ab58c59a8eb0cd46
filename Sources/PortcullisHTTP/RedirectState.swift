import Foundation

/// The redirect bookkeeping of one fetch: where a `Location` leads, how many redirects were followed,
/// and which URLs were already visited.
///
/// A pure value in the style of async-http-client's `RedirectState`: no I/O, so the limit, loop
/// detection and relative resolution are tested on their own.
struct RedirectState: Sendable, Hashable {
    /// Where a redirect response points.
    enum Target: Sendable, Hashable {
        /// An absolute http(s) URL to fetch next.
        case url(URL)
        /// The response cannot be followed, with the reason (no or bad `Location`, other scheme).
        case unusable(String)
    }

    /// Why following a redirect was refused.
    enum Failure: Error, Sendable, Hashable {
        /// Following it would exceed the redirect limit.
        case tooManyRedirects(limit: Int)
        /// The target was visited before in this fetch.
        case loop(URL)
    }

    /// Redirects allowed before giving up.
    let limit: Int
    /// Every URL requested in this fetch, the first one first.
    private(set) var visited: [URL]
    private var visitedKeys: Set<String>

    /// Starts the state for a fetch of `initialURL` that may follow up to `limit` redirects.
    init(initialURL: URL, limit: Int) {
        self.limit = max(0, limit)
        self.visited = [initialURL]
        self.visitedKeys = [Self.key(initialURL)]
    }

    /// How many redirects were followed so far.
    var redirectCount: Int { visited.count - 1 }

    /// Whether `status` is a redirect that carries a new location to follow (301, 302, 303, 307, 308).
    static func isFollowable(status: Int) -> Bool {
        [301, 302, 303, 307, 308].contains(status)
    }

    /// Resolves a `Location` value against the URL of the response that carried it.
    static func target(of location: String?, relativeTo base: URL) -> Target {
        guard let location = location?.trimmingCharacters(in: .whitespaces), !location.isEmpty else {
            return .unusable("redirect without a Location header")
        }
        let resolved =
            URL(string: location, relativeTo: base)
            ?? location.addingPercentEncoding(withAllowedCharacters: Self.locationCharacters).flatMap {
                URL(string: $0, relativeTo: base)
            }
        guard let url = resolved?.absoluteURL else {
            return .unusable("redirect to an unparseable Location: \(location)")
        }
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return .unusable("redirect to an unsupported scheme: \(url.absoluteString)")
        }
        guard let host = url.host, !host.isEmpty else {
            return .unusable("redirect to a URL without a host: \(url.absoluteString)")
        }
        return .url(url)
    }

    /// Records that the fetch is about to follow a redirect to `url`.
    ///
    /// - Throws: ``Failure/tooManyRedirects(limit:)`` when the limit is reached,
    ///   ``Failure/loop(_:)`` when `url` was already visited in this fetch.
    mutating func follow(to url: URL) throws(Failure) {
        guard redirectCount < limit else {
            throw .tooManyRedirects(limit: limit)
        }
        let key = Self.key(url)
        guard !visitedKeys.contains(key) else {
            throw .loop(url)
        }
        visited.append(url)
        visitedKeys.insert(key)
    }

    /// The identity of a URL for loop detection: absolute, without the fragment (never sent on the wire).
    static func key(_ url: URL) -> String {
        let absolute = url.absoluteString
        guard let hash = absolute.firstIndex(of: "#") else { return absolute }
        return String(absolute[..<hash])
    }

    private static let locationCharacters: CharacterSet = {
        var characters = CharacterSet.urlQueryAllowed
        characters.insert(charactersIn: "#%")
        return characters
    }()
}
