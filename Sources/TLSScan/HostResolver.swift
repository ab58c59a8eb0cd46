import Foundation
import PortcullisCore

#if canImport(Glibc)
import Glibc
#endif

/// Resolves a host name to IP address literals (IPv4 first, then IPv6) on its own thread, so a slow DNS server
/// never blocks Swift's cooperative pool; an IP literal resolves to itself.
public enum HostResolver {
    /// Why a name did not resolve.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The host asked for.
        public var host: String
        /// The resolver's message.
        public var reason: String
        /// `host: reason`.
        public var description: String { "cannot resolve \(host): \(reason)" }
    }

    /// The addresses of `host`, without duplicates, IPv4 first.
    public static func resolve(_ host: String) async throws(Failure) -> [String] {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let result: Result<[String], Failure> = await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: lookUp(bare)) }
            thread.stackSize = 1 << 18
            thread.start()
        }
        return try result.get()
    }

    private static func lookUp(_ host: String) -> Result<[String], Failure> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let first = list else {
            return .failure(Failure(host: host, reason: String(cString: gai_strerror(status))))
        }
        defer { freeaddrinfo(first) }
        var v4: [String] = []
        var v6: [String] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let current = node {
            if let address = current.pointee.ai_addr {
                if current.pointee.ai_family == AF_INET {
                    let raw = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
                    v4.append(IPAddressText.text(withUnsafeBytes(of: raw) { ArraySlice($0) }))
                } else if current.pointee.ai_family == AF_INET6 {
                    let raw = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
                    v6.append(IPAddressText.text(withUnsafeBytes(of: raw) { ArraySlice($0) }))
                }
            }
            node = current.pointee.ai_next
        }
        var seen: Set<String> = []
        let addresses = (v4 + v6).filter { seen.insert($0).inserted }
        guard !addresses.isEmpty else { return .failure(Failure(host: host, reason: "no IPv4 or IPv6 address")) }
        return .success(addresses)
    }
}
