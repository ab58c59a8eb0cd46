/// CSP3 §6.7.2 "Does url match source list" and its helpers.
public enum SourceMatching {
    /// Whether `url` matches the source list, for a page whose origin is `selfOrigin` (CSP3 §6.7.2.6–6.7.2.7).
    /// An empty list and a list that is only `'none'` match nothing; `'none'` mixed with other sources is ignored.
    public static func matches(_ url: RequestURL, sources: [SourceExpression], selfOrigin: RequestURL?) -> Bool {
        if sources.isEmpty || sources == [.keyword(.none)] { return false }
        return sources.contains { matches(url, expression: $0, selfOrigin: selfOrigin) }
    }

    /// Whether one expression matches (CSP3 §6.7.2.8).
    public static func matches(_ url: RequestURL, expression: SourceExpression, selfOrigin: RequestURL?) -> Bool {
        switch expression {
        case .wildcard:
            return ["http", "https", "ws", "wss"].contains(url.scheme) || url.scheme == selfOrigin?.scheme
        case .scheme(let scheme):
            return schemePartMatches(scheme, url.scheme)
        case .host(let source):
            return hostSourceMatches(source, url, selfOrigin: selfOrigin)
        case .keyword(.`self`):
            guard let origin = selfOrigin else { return false }
            if origin.scheme == url.scheme, origin.host == url.host, origin.effectivePort == url.effectivePort {
                return true
            }
            let upgraded =
                (origin.scheme == "http" && url.scheme == "https") || (origin.scheme == "ws" && url.scheme == "wss")
            return upgraded && origin.host == url.host
                && (url.port == nil || url.effectivePort == url.defaultPort)
        default:
            return false
        }
    }

    /// CSP3 §6.7.2.9 "scheme-part matching" (allows upgrades http→https, ws→wss/http/https, wss→https).
    public static func schemePartMatches(_ expression: String, _ url: String) -> Bool {
        if expression == url { return true }
        switch expression {
        case "http": return url == "https"
        case "ws": return ["wss", "http", "https"].contains(url)
        case "wss": return url == "https"
        default: return false
        }
    }

    /// CSP3 §6.7.2.10 "host-part matching": `*.example.com` matches subdomains, not the apex.
    public static func hostPartMatches(_ pattern: String, _ host: String) -> Bool {
        if pattern == "*" { return true }
        if pattern.hasPrefix("*.") { return host.hasSuffix(String(pattern.dropFirst())) }
        var trimmed = pattern
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        return trimmed == host || pattern == host
    }

    static func hostSourceMatches(_ source: HostSource, _ url: RequestURL, selfOrigin: RequestURL?) -> Bool {
        guard !url.host.isEmpty else { return false }
        if let scheme = source.scheme {
            guard schemePartMatches(scheme, url.scheme) else { return false }
        } else if let origin = selfOrigin {
            guard schemePartMatches(origin.scheme, url.scheme) else { return false }
        } else if !["http", "https"].contains(url.scheme) {
            return false
        }
        guard hostPartMatches(source.host, url.host) else { return false }
        switch source.port {
        case .any?: break
        case .number(let port)?:
            guard port == url.effectivePort else { return false }
        case nil:
            guard url.port == nil || url.port == url.defaultPort else { return false }
        }
        if let path = source.path, path != "/" {
            if path.hasSuffix("/") { return url.path.hasPrefix(path) }
            return url.path == path
        }
        return true
    }
}

extension PolicyList {
    /// Whether every enforced policy allows loading `url` under `directive` (via its fallback list); a policy
    /// without a governing directive allows it (CSP3 §8.1: a load must pass every enforced policy).
    public func allows(_ url: RequestURL, directive: String, selfOrigin: RequestURL?) -> Bool {
        enforced.allSatisfy { policy in
            guard let governing = policy.effectiveDirective(for: directive) else { return true }
            return SourceMatching.matches(url, sources: governing.sources, selfOrigin: selfOrigin)
        }
    }

    /// Whether an enforced header policy carries `frame-ancestors`, which makes browsers ignore X-Frame-Options
    /// (CSP3 §6.4.2.2); meta policies cannot carry it (§3.3).
    public var hasEnforcedFrameAncestors: Bool {
        enforced.contains { $0.source == .header && $0.has("frame-ancestors") }
    }
}
