public import Foundation

/// A scheme, host and port: the unit host probes run once for and header findings aggregate over.
public struct Origin: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int?

    public init(scheme: String, host: String, port: Int?) {
        self.scheme = scheme.lowercased()
        self.host = host.lowercased()
        self.port = port
    }

    /// The origin of `url`, with the scheme's default port dropped; `nil` for URLs without a host (except `file:`).
    public init?(_ url: URL) {
        guard let scheme = url.scheme?.lowercased() else { return nil }
        if scheme == "file" {
            self.init(scheme: "file", host: "", port: nil)
            return
        }
        guard let host = url.host(percentEncoded: false), !host.isEmpty else { return nil }
        let port = url.port.flatMap { $0 == Origin.defaultPort(for: scheme) ? nil : $0 }
        self.init(scheme: scheme, host: host, port: port)
    }

    /// The scheme's well-known port, if it has one.
    public static func defaultPort(for scheme: String) -> Int? {
        switch scheme.lowercased() {
        case "http": return 80
        case "https": return 443
        default: return nil
        }
    }

    public var description: String {
        if scheme == "file" { return "file://" }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return port.map { "\(scheme)://\(hostPart):\($0)" } ?? "\(scheme)://\(hostPart)"
    }

    public static func < (lhs: Origin, rhs: Origin) -> Bool { lhs.description < rhs.description }
}
