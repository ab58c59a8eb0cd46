public import Foundation

/// One demo provider of the zoo: a named site reachable over plain HTTP and HTTPS on loopback.
///
/// Integration tests and `portcullis demo` scan these URLs; the provider's ``name`` says which
/// configuration (well or badly run) the findings should reflect.
public struct DemoProvider: Sendable, Hashable {
    /// A stable name: `good-provider` or `bad-provider`.
    public var name: String
    /// The plain-HTTP base URL, `http://127.0.0.1:PORT/`.
    public var httpURL: URL
    /// The HTTPS base URL, `https://127.0.0.1:PORT/` (certificate SAN: IP 127.0.0.1 and DNS localhost).
    public var httpsURL: URL

    /// Creates a provider description.
    public init(name: String, httpURL: URL, httpsURL: URL) {
        self.name = name
        self.httpURL = httpURL
        self.httpsURL = httpsURL
    }
}
