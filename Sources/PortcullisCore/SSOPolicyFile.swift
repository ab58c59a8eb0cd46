import Foundation
import Yams

extension SSOPolicy {
    /// The keys an `sso:` block may have.
    static let planKeys: Set<String> = [
        "protected", "issuer", "client-id", "redirect-uris", "callback-path", "post-logout-redirect-uri", "logout",
        "require-pkce", "require-nonce", "require-par", "require-signed-saml",
    ]

    /// Reads a provider's `sso:` block; every problem names the file, the line and what is wrong.
    static func parse(_ map: YAMLMapping) throws(PortcullisError) -> SSOPolicy {
        try map.rejectUnknownKeys(planKeys, in: "'sso'")
        var policy = SSOPolicy()
        if map.node("protected") != nil { policy.protectedURLs = try urls(map, "protected") }
        policy.issuer = try url(map, "issuer")
        policy.clientID = try map.string("client-id", required: false)
        if map.node("redirect-uris") != nil {
            policy.redirectURIs = try map.stringList("redirect-uris")
            for uri in policy.redirectURIs where URL(string: uri)?.scheme == nil {
                throw map.error("'redirect-uris': '\(uri)' is not an absolute URI", at: map.node("redirect-uris"))
            }
        }
        if let path = try map.string("callback-path", required: false) {
            guard path.hasPrefix("/") else {
                throw map.error("'callback-path' must start with '/'", at: map.node("callback-path"))
            }
            policy.callbackPath = path
        }
        policy.postLogoutRedirectURI = try map.string("post-logout-redirect-uri", required: false)
        policy.logoutURL = try url(map, "logout")
        if let value = try flag(map, "require-pkce") { policy.requiresPKCE = value }
        if let value = try flag(map, "require-nonce") { policy.requiresNonce = value }
        if let value = try flag(map, "require-par") { policy.requiresPAR = value }
        if let value = try flag(map, "require-signed-saml") { policy.requiresSignedSAMLRequests = value }
        return policy
    }

    private static func url(_ map: YAMLMapping, _ key: String) throws(PortcullisError) -> URL? {
        guard let text = try map.string(key, required: false) else { return nil }
        return try checked(text, key: key, map: map)
    }

    private static func urls(_ map: YAMLMapping, _ key: String) throws(PortcullisError) -> [URL] {
        let node = map.node(key)
        let texts: [String]
        if let single = node?.string, case .scalar = node {
            texts = [single]
        } else {
            texts = try map.stringList(key)
        }
        return try texts.map { text throws(PortcullisError) in try checked(text, key: key, map: map) }
    }

    private static func checked(_ text: String, key: String, map: YAMLMapping) throws(PortcullisError) -> URL {
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
            url.host(percentEncoded: false)?.isEmpty == false
        else {
            throw map.error("'\(key)': '\(text)' is not an http(s) URL with a host", at: map.node(key))
        }
        return url
    }

    private static func flag(_ map: YAMLMapping, _ key: String) throws(PortcullisError) -> Bool? {
        guard let node = map.node(key) else { return nil }
        guard let value = node.bool else { throw map.error("'\(key)' must be true or false", at: node) }
        return value
    }
}
