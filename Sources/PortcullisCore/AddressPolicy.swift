public import Foundation

/// Which IP addresses a scan may connect to: the SSRF guard.
///
/// A hostile page can link to `http://127.0.0.1:6379/` or `http://169.254.169.254/latest/meta-data/`, or a
/// public host name can resolve to a private address (DNS rebinding). The HTTP client asks this policy about
/// the address it actually connected to, after DNS and before the request is sent, so neither trick reaches
/// an internal service. Public addresses are allowed; loopback, private, link-local and the other special-use
/// ranges are refused unless the scan declared them as targets (``allowedAddresses``) or opted out
/// (``allowPrivate``).
public struct AddressPolicy: Sendable, Hashable {
    /// The literal IP addresses the declared targets are or resolve to; always allowed.
    public var allowedAddresses: Set<String> {
        didSet { allowedKeys = Self.keys(of: allowedAddresses) }
    }
    /// Whether every address is allowed (no SSRF guard at all).
    public var allowPrivate: Bool
    /// Host names the scan declared as targets (lower-cased): whatever they resolve to is allowed, so an
    /// intranet provider on a private address can be scanned by name.
    public var allowedHosts: Set<String>
    /// ``allowedAddresses`` parsed to canonical bytes (IPv4-mapped IPv6 as IPv4), so spellings compare equal.
    private var allowedKeys: Set<[UInt8]>

    /// Allows public addresses, plus exactly `allowedAddresses` (the literal IPs the declared targets resolve
    /// to / are), and — when `allowPrivate` — everything. Entries that are not IP literals are ignored.
    public init(allowedAddresses: Set<String> = [], allowPrivate: Bool = false, allowedHosts: Set<String> = []) {
        self.allowedAddresses = allowedAddresses
        self.allowPrivate = allowPrivate
        self.allowedHosts = Set(allowedHosts.map { $0.lowercased() })
        self.allowedKeys = Self.keys(of: allowedAddresses)
    }

    /// Allows every address; the HTTP client skips the connect-time check entirely.
    public static let unrestricted = AddressPolicy(allowPrivate: true)

    /// The policy declared targets: their IP literals are allowed addresses, their host names allowed hosts.
    public static func declaredTargets(_ urls: [URL]) -> AddressPolicy {
        var addresses: Set<String> = []
        var hosts: Set<String> = []
        for url in urls {
            guard let host = url.host(percentEncoded: false)?.lowercased(), !host.isEmpty else { continue }
            let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
            if IPAddressText.parse(bare) != nil { addresses.insert(bare) } else { hosts.insert(bare) }
        }
        return AddressPolicy(allowedAddresses: addresses, allowedHosts: hosts)
    }

    /// The policy for one request to `url`: unrestricted when its host is a declared host name.
    public func forRequest(to url: URL) -> AddressPolicy {
        guard !allowPrivate, let host = url.host(percentEncoded: false)?.lowercased(), allowedHosts.contains(host)
        else { return self }
        return .unrestricted
    }

    /// Whether a connection to `ip` (textual IPv4 / IPv6, as libcurl reports it) is allowed. Refused:
    /// loopback 127/8 and ::1, private 10/8 172.16/12 192.168/16, link-local 169.254/16 and fe80::/10,
    /// unique-local fc00::/7, CGNAT 100.64/10, 0.0.0.0/8, multicast, reserved and documentation ranges,
    /// IPv4-mapped / NAT64 / 6to4 IPv6 forms of those (`::ffff:127.0.0.1`), unspecified, and text that is not
    /// an IP address; unless listed in ``allowedAddresses``.
    public func allows(ip: String) -> Bool {
        refusalReason(ip: ip) == nil
    }

    /// A short reason for a refusal ("loopback address 127.0.0.1 is not a declared target"), or `nil` when
    /// the connection is allowed.
    public func refusalReason(ip: String) -> String? {
        if allowPrivate { return nil }
        guard let bytes = IPAddressText.parse(ip) else {
            return "\(String(ip.prefix(64)).debugDescription) is not an IP address"
        }
        if allowedKeys.contains(IPAddressText.key(bytes)) { return nil }
        guard let range = SpecialAddressRange.classify(bytes) else { return nil }
        return "\(range) address \(ip) is not a declared target"
    }

    private static func keys(of addresses: Set<String>) -> Set<[UInt8]> {
        Set(addresses.compactMap { IPAddressText.parse($0).map(IPAddressText.key) })
    }
}

/// The special-use address ranges a scan must not reach unless declared (RFC 6890 and its updates).
private enum SpecialAddressRange {
    /// A short name for the range `bytes` falls in ("loopback", "private"…), or `nil` for a public address.
    static func classify(_ bytes: [UInt8]) -> String? {
        bytes.count == 4 ? classifyIPv4(bytes) : classifyIPv6(bytes)
    }

    private static func classifyIPv4(_ bytes: [UInt8]) -> String? {
        let (a, b, c) = (bytes[0], bytes[1], bytes[2])
        switch a {
        case 0: return bytes.allSatisfy { $0 == 0 } ? "unspecified" : "this-network"
        case 10: return "private"
        case 100 where b & 0xC0 == 64: return "shared (CGNAT)"
        case 127: return "loopback"
        case 169 where b == 254: return "link-local"
        case 172 where b & 0xF0 == 16: return "private"
        case 192 where b == 168: return "private"
        case 192 where b == 0 && c == 0: return "reserved"
        case 192 where b == 0 && c == 2: return "documentation"
        case 198 where b & 0xFE == 18: return "benchmarking"
        case 198 where b == 51 && c == 100: return "documentation"
        case 203 where b == 0 && c == 113: return "documentation"
        case 224...239: return "multicast"
        case 240...255: return "reserved"
        default: return nil
        }
    }

    private static func classifyIPv6(_ bytes: [UInt8]) -> String? {
        let firstTwelveZero = bytes[0..<12].allSatisfy { $0 == 0 }
        if firstTwelveZero {
            if bytes[12..<16].allSatisfy({ $0 == 0 }) { return "unspecified" }
            if bytes[12..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return "loopback" }
            return "reserved (IPv4-compatible)"
        }
        if IPAddressText.isIPv4Mapped(bytes) {
            return classifyIPv4(Array(bytes[12..<16])).map { "IPv4-mapped \($0)" }
        }
        let prefix = bytes[0..<12]
        // 64:ff9b::/96, NAT64 well-known prefix: the embedded IPv4 address decides.
        if prefix.elementsEqual([0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0]) {
            return classifyIPv4(Array(bytes[12..<16])).map { "NAT64 \($0)" }
        }
        switch (bytes[0], bytes[1]) {
        case (0x00, 0x64) where bytes[2] == 0xFF && bytes[3] == 0x9B && bytes[4] == 0 && bytes[5] == 1:
            return "private (local-use NAT64)"
        case (0x01, 0x00) where bytes[2..<8].allSatisfy({ $0 == 0 }):
            return "reserved (discard-only)"
        case (0x20, 0x01) where bytes[2] == 0x0D && bytes[3] == 0xB8:
            return "documentation"
        case (0x20, 0x02):
            // 2002::/16, 6to4: the IPv4 address in bytes 2...5 decides.
            return classifyIPv4(Array(bytes[2..<6])).map { "6to4 \($0)" }
        case (0xFC...0xFD, _):
            return "unique-local"
        case (0xFE, 0x80...0xBF):
            return "link-local"
        case (0xFE, 0xC0...0xFF):
            return "private (site-local)"
        case (0xFF, _):
            return "multicast"
        default:
            return nil
        }
    }
}
