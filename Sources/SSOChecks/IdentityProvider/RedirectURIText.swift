/// A URI split into its RFC 3986 parts by hand, so tampered variants keep every byte the original had
/// (`URLComponents` would normalise case, ports and escapes).
struct RedirectURIText: Sendable, Hashable {
    /// The scheme without `:`, as written.
    var scheme: String
    /// The authority without `//` (userinfo, host, port), as written; nil for URIs without one (`javascript:`).
    var authority: String?
    /// The path, as written.
    var path: String
    /// The query without `?`, nil when absent.
    var query: String?
    /// The fragment without `#`, nil when absent.
    var fragment: String?

    /// The parts of `text`; nil without a scheme.
    init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex,
            text[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) })
        else { return nil }
        scheme = String(text[..<colon])
        var rest = text[text.index(after: colon)...]
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        if rest.hasPrefix("//") {
            let afterSlashes = rest.dropFirst(2)
            let end = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
            authority = String(afterSlashes[..<end])
            path = String(afterSlashes[end...])
        } else {
            path = String(rest)
        }
    }

    /// The host of the authority, lowercased (userinfo and port removed, IPv6 brackets kept).
    var host: String? {
        guard var hostPort = authority else { return nil }
        if let at = hostPort.lastIndex(of: "@") { hostPort = String(hostPort[hostPort.index(after: at)...]) }
        if hostPort.hasPrefix("["), let close = hostPort.firstIndex(of: "]") {
            return String(hostPort[...close]).lowercased()
        }
        if let colon = hostPort.firstIndex(of: ":") { hostPort = String(hostPort[..<colon]) }
        return hostPort.lowercased()
    }

    /// The port: the explicit one, else the scheme's default (80, 443), nil when neither is known.
    var port: Int? {
        guard let hostPort else { return nil }
        let afterHost = hostPort.hasPrefix("[") ? hostPort.drop { $0 != "]" }.dropFirst() : Substring(hostPort)
        if let colon = afterHost.lastIndex(of: ":"), let port = Int(afterHost[afterHost.index(after: colon)...]) {
            return port
        }
        switch scheme.lowercased() {
        case "https": return 443
        case "http": return 80
        default: return nil
        }
    }

    /// The authority with host and port only (no userinfo), as written.
    var hostPort: String? {
        guard let authority else { return nil }
        guard let at = authority.lastIndex(of: "@") else { return authority }
        return String(authority[authority.index(after: at)...])
    }

    /// The URI text again.
    var text: String {
        var result = scheme + ":"
        if let authority { result += "//" + authority }
        result += path
        if let query { result += "?" + query }
        if let fragment { result += "#" + fragment }
        return result
    }
}
