import Foundation

/// Origin arithmetic shared by the relying-party and SAML judges: hosts compared case-insensitively without a
/// trailing dot, ports with the scheme's default filled in.
enum OriginComparison {
    /// `url`'s host lowercased without a trailing dot, nil when it has none.
    static func host(of url: URL) -> String? {
        guard var host = url.host(percentEncoded: false)?.lowercased(), !host.isEmpty else { return nil }
        if host.hasSuffix(".") { host.removeLast() }
        return host
    }

    /// `url`'s port, or its scheme's default (80 for http, 443 for https).
    static func port(of url: URL) -> Int? {
        if let port = url.port { return port }
        switch url.scheme?.lowercased() {
        case "http": return 80
        case "https": return 443
        default: return nil
        }
    }

    /// Whether `url` has the same scheme, host and port as `origin`.
    static func sameOrigin(_ url: URL, _ origin: URL) -> Bool {
        url.scheme?.lowercased() == origin.scheme?.lowercased() && host(of: url) == host(of: origin)
            && port(of: url) == port(of: origin)
    }

    /// Whether `url` is on `origin`'s host; the port is compared too unless `url` is plain http without an explicit
    /// port (that case is an https downgrade, which its own rule reports).
    static func sameSite(_ url: URL, as origin: URL) -> Bool {
        guard host(of: url) == host(of: origin) else { return false }
        if url.scheme?.lowercased() == "http", url.port == nil { return true }
        return port(of: url) == port(of: origin)
    }

    /// `scheme://host[:port]` of `url`, for messages.
    static func describe(_ url: URL) -> String {
        var text = "\(url.scheme ?? "?")://\(url.host(percentEncoded: false) ?? "")"
        if let port = url.port { text += ":\(port)" }
        return text
    }

    /// `url` without query or fragment, with a lowercased scheme and host and no default port.
    static func endpointKey(_ url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? ""
        var text = "\(scheme)://\(host(of: url) ?? "")"
        if let port = url.port, port != (scheme == "https" ? 443 : scheme == "http" ? 80 : -1) { text += ":\(port)" }
        let path = url.path(percentEncoded: true)
        return text + (path.isEmpty ? "/" : path)
    }
}
