/// One tampered authorization request: a name for evidence and finding keys, the exact raw query to send to the
/// authorization endpoint, and the redirect URI it tries to smuggle in (for duplicate-parameter variants, the
/// foreign value).
public struct TamperedAuthorizationRequest: Sendable, Hashable {
    /// A stable name such as `path-suffix` or `duplicate-foreign-first`: the finding key.
    public var name: String
    /// The query to send, exactly (raw, so duplicated parameters survive).
    public var rawQuery: String
    /// The redirect URI the request tries to smuggle in.
    public var smuggledRedirectURI: String

    /// A tampered request.
    public init(name: String, rawQuery: String, smuggledRedirectURI: String) {
        self.name = name
        self.rawQuery = rawQuery
        self.smuggledRedirectURI = smuggledRedirectURI
    }
}
