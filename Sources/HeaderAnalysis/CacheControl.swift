public import PortcullisCore

/// `Cache-Control` on responses that set session-like cookies: such responses must not be stored by shared
/// caches, so they need `no-store` or `private` (RFC 9111 §5.2.2; OWASP ASVS V3.4).
public struct SessionCacheControl: Sendable, Hashable {
    /// The lowercased directive names of `Cache-Control`.
    public var directives: [String]
    /// Names of session-like cookies the response sets.
    public var sessionCookies: [String]
    /// Problems found.
    public var problems: [HeaderProblem]

    /// Analyses a response's `Cache-Control` against its `Set-Cookie` lines.
    public init(headers: [HeaderField]) {
        directives = (FieldValues.decodeSplit("Cache-Control", in: headers) ?? []).map {
            FieldValues.trim(String($0.prefix { $0 != "=" })).lowercased()
        }
        sessionCookies = FieldValues.values("Set-Cookie", in: headers).compactMap(SetCookie.init)
            .filter(\.isSessionLike).map(\.name)
        problems = []
        if !sessionCookies.isEmpty && !directives.contains("no-store") && !directives.contains("private") {
            problems.append(
                HeaderProblem(
                    .sessionCookieCacheable,
                    "Response sets session cookie(s) "
                        + HeaderProblem.excerpt(sessionCookies.joined(separator: ", "))
                        + " without Cache-Control no-store "
                        + "or private"
                )
            )
        }
    }
}
