import Foundation

/// One spelling per host: lower-case, IDNA (punycode) for non-ASCII names, WHATWG IPv4 numbers as dotted
/// decimal, canonical IPv6, a single trailing dot dropped. Anything else that could not be a DNS name or address
/// (spaces, `*`, `<`, empty) is refused, so a hostile link cannot smuggle odd bytes into a request line.
enum HostCanonicalizer {
    static let maxLength = 253

    /// The canonical host (IPv6 in brackets), or `nil` when `raw` is not a usable host.
    static func canonical(_ raw: [UInt8]) -> [UInt8]? {
        if raw.first == 0x5B {
            guard raw.last == 0x5D, raw.count > 2, let address = IPAddress.parseIPv6(Array(raw.dropFirst().dropLast()))
            else { return nil }
            return Array("[\(address)]".utf8)
        }
        var host = PercentEncoding.decoded(raw)
        if host.contains(where: { $0 >= 0x80 }) {
            guard let ascii = idnaEncoded(host) else { return nil }
            host = ascii
        }
        host = host.map(ASCII.lowercased)
        if host.count > 1 && host.last == 0x2E { host.removeLast() }
        guard !host.isEmpty, host.count <= maxLength,
            host.allSatisfy({ ASCII.isLetter($0) || ASCII.isDigit($0) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F })
        else { return nil }
        switch IPAddress.parseIPv4(host) {
        case .notIPv4: return host
        case .invalid: return nil
        case .address(let value): return Array(IPAddress.v4(value).description.utf8)
        }
    }

    /// Foundation's IDNA (UTS #46) conversion of a Unicode host name to its `xn--` form.
    private static func idnaEncoded(_ host: [UInt8]) -> [UInt8]? {
        guard let text = String(validating: host, as: UTF8.self),
            let url = URL(string: "http://\(text)/"), let ascii = url.host(percentEncoded: false),
            ascii.utf8.allSatisfy({ $0 < 0x80 })
        else { return nil }
        return Array(ascii.utf8)
    }
}
