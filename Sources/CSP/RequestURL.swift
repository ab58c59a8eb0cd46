import Foundation

/// The parts of a URL that CSP source matching looks at (CSP3 §6.7.2.8–6.7.2.12).
public struct RequestURL: Hashable, Sendable {
    /// The lowercased scheme without `:`.
    public var scheme: String
    /// The lowercased host (empty for `data:` and similar).
    public var host: String
    /// The explicit port, if any.
    public var port: Int?
    /// The path (`/` when empty).
    public var path: String

    /// Creates a URL from parts.
    public init(scheme: String, host: String, port: Int? = nil, path: String = "/") {
        self.scheme = scheme.lowercased()
        self.host = host.lowercased()
        self.port = port
        self.path = path.isEmpty ? "/" : path
    }

    /// Parses an absolute URL string; nil if it has no scheme.
    public init?(_ string: String) {
        guard let components = URLComponents(string: string), let scheme = components.scheme else { return nil }
        self.init(
            scheme: scheme,
            host: components.host ?? "",
            port: components.port,
            path: components.percentEncodedPath
        )
    }

    /// The default port of the scheme, if it has one.
    public var defaultPort: Int? {
        switch scheme {
        case "http", "ws": 80
        case "https", "wss": 443
        case "ftp": 21
        default: nil
        }
    }

    /// The port in effect (explicit or default).
    public var effectivePort: Int? { port ?? defaultPort }
}
