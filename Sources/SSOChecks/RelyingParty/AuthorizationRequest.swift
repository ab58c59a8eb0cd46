public import Foundation

/// A front-channel OAuth 2.0 / OIDC authorization request read from a redirect's Location.
///
/// The relying-party judges read `state`, `nonce`, PKCE and `redirect_uri` from it; parameters stay raw (order and
/// duplicates kept) because a duplicated parameter is itself evidence.
public struct AuthorizationRequest: Sendable, Hashable {
    /// The whole Location.
    public let location: URL
    /// `scheme://host[:port]/path` of the Location, with no query or fragment: the endpoint it was sent to.
    public let endpoint: URL
    /// The raw query parameters, in order, duplicates kept.
    public let parameters: [QueryParameter]

    /// The request in `location`; nil unless its query has `client_id`, `response_type` or `request_uri`.
    public init?(location: URL) {
        let parameters = RawQuery.parameters(of: location)
        let markers: Set<String> = ["client_id", "response_type", "request_uri"]
        guard parameters.contains(where: { markers.contains($0.name) }),
            var components = URLComponents(url: location, resolvingAgainstBaseURL: false)
        else { return nil }
        components.query = nil
        components.fragment = nil
        guard let endpoint = components.url else { return nil }
        self.location = location
        self.endpoint = endpoint
        self.parameters = parameters
    }

    /// The first value of parameter `name`, nil when absent.
    public func value(_ name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    /// Every value of parameter `name`, in order.
    public func values(_ name: String) -> [String] {
        parameters.filter { $0.name == name }.map(\.value)
    }

    /// Whether this is an OpenID Connect request (`scope` contains `openid`).
    public var isOpenIDConnect: Bool {
        values("scope").contains { $0.split(separator: " ").contains("openid") }
    }

    /// Whether this is a pushed authorization request reference (RFC 9126): only `client_id` and `request_uri`.
    public var isPushedReference: Bool {
        value("request_uri") != nil && parameters.allSatisfy { $0.name == "client_id" || $0.name == "request_uri" }
    }
}
