/// csp-evaluator's URL helpers (`utils.ts`), reimplemented without a URL parser so that they are total and fast.
public enum CSPEvaluatorURL {
    /// Removes a leading `scheme://` or `//` (csp-evaluator `getSchemeFreeUrl`).
    public static func schemeFree(_ url: String) -> String {
        let bytes = url.utf8
        var start = bytes.startIndex
        if let first = bytes.first, first.isASCIILetterOrDigit || first == 0x5F {
            var index = bytes.index(after: start)
            while index < bytes.endIndex {
                let byte = bytes[index]
                guard byte.isASCIILetterOrDigit || byte == 0x2B || byte == 0x5F || byte == 0x2E || byte == 0x2D else {
                    break
                }
                index = bytes.index(after: index)
            }
            if bytes[index...].starts(with: "://".utf8) { start = bytes.index(index, offsetBy: 3) }
        }
        if bytes[start...].starts(with: "//".utf8) { start = bytes.index(start, offsetBy: 2) }
        return start == bytes.startIndex ? url : String(url[start...])
    }

    /// The host of a source expression as csp-evaluator's `getHostname` returns it (lowercased, brackets kept).
    public static func hostname(_ url: String) -> String {
        let parts = parse(schemeFree(url))
        return parts.host
    }

    /// `looksLikeIpAddress`: `[…]` or dotted-quad digits.
    public static func looksLikeIPAddress(_ host: String) -> Bool {
        if host.hasPrefix("["), host.hasSuffix("]") { return true }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count == 4 && labels.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }

    /// `matchWildcardUrls`: the first listed URL whose host matches the (possibly `*.`) host of `cspURL` and
    /// whose path matches (a path ending in `/` is a prefix, otherwise exact).
    public static func matchWildcard(_ cspURL: String, in list: [String]) -> (host: String, url: String)? {
        matchWildcard(cspURL, in: list.map(BypassEntry.init))
    }

    static func matchWildcard(_ cspURL: String, in list: [BypassEntry]) -> (host: String, url: String)? {
        let csp = parse(schemeFree(cspURL))
        let hostHasWildcard = csp.host.hasPrefix("*.")
        let wildcardFree = hostHasWildcard ? String(csp.host.dropFirst()) : csp.host
        let hasPath = csp.path != "/"
        for listed in list {
            guard listed.host.hasSuffix(wildcardFree) else { continue }
            if !hostHasWildcard && csp.host != listed.host { continue }
            if hasPath {
                if csp.path.hasSuffix("/") {
                    guard listed.path.hasPrefix(csp.path) else { continue }
                } else if listed.path != csp.path {
                    continue
                }
            }
            return (listed.host, listed.url)
        }
        return nil
    }

    /// Splits a scheme-free URL into lowercased host (port removed) and path (`/` when empty).
    static func parse(_ schemeFree: String) -> (host: String, path: String) {
        let bytes = Array(schemeFree.utf8)
        var start = 0
        if let at = bytes.firstIndex(of: UInt8(ascii: "@")), !bytes[..<at].contains(UInt8(ascii: "/")) {
            start = at + 1
        }
        let terminators: [UInt8] = [0x2F, 0x3F, 0x23, 0x5C]
        let end = bytes[start...].firstIndex { terminators.contains($0) } ?? bytes.count
        var hostEnd = end
        if start < end, bytes[start] == UInt8(ascii: "[") {
            if let close = bytes[start..<end].firstIndex(of: UInt8(ascii: "]")) { hostEnd = close + 1 }
        } else if let colon = bytes[start..<end].firstIndex(of: UInt8(ascii: ":")) {
            hostEnd = colon
        }
        var pathEnd = bytes.count
        if end < bytes.count, let query = bytes[end...].firstIndex(where: { $0 == 0x3F || $0 == 0x23 }) {
            pathEnd = query
        }
        let host = String(decoding: bytes[start..<hostEnd].map(\.asciiLowercased), as: UTF8.self)
        let path = end < pathEnd ? String(decoding: bytes[end..<pathEnd], as: UTF8.self) : "/"
        return (host, path)
    }
}
