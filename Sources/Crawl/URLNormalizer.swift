public import Foundation

/// Canonical form of URLs so one page is fetched once.
///
/// The rules (RFC 3986 §6 plus what browsers do): scheme and host lower-cased, IDNA for Unicode hosts, IPv4 and
/// IPv6 literals in one spelling, default ports (80, 443) dropped, user name and password dropped (they are
/// secrets and must not reach reports), dot segments resolved (also when written `%2E`), the fragment stripped,
/// percent-encoding normalised (see ``PercentEncoding``), an empty path made `/` and an empty query (`?`) dropped.
/// Only `http` and `https` URLs with a host come out; everything else is `nil`.
public struct URLNormalizer: Sendable, Hashable {
    /// Whether query parameters are sorted by key (stable, so repeated keys keep their order): `?b=1&a=2` and
    /// `?a=2&b=1` become one URL. Off by default because some servers care about the order.
    public var sortsQueryKeys: Bool
    /// Inputs longer than this many UTF-8 bytes are refused (`nil`): no real link is that long, and the cap bounds
    /// the work a hostile page can cause.
    public var maxLength: Int

    /// A normaliser; `maxLength` defaults to 32 KiB.
    public init(sortsQueryKeys: Bool = false, maxLength: Int = 32_768) {
        self.sortsQueryKeys = sortsQueryKeys
        self.maxLength = maxLength
    }

    /// The canonical form of `url`; `nil` for non-http(s) URLs, URLs without a host, or unusable input.
    public func normalize(_ url: URL) -> URL? {
        let text = url.absoluteString
        guard text.utf8.count <= maxLength else { return nil }
        return normalized(URIReference(parsing: cleaned(text), baseScheme: nil))
    }

    /// Resolves `reference` (as found in an attribute or header: may be relative, contain whitespace, non-UTF-8
    /// escapes, or be garbage) against `base`, then normalises. Leading and trailing spaces and control characters
    /// are trimmed and tabs and newlines inside removed, and `\` is read as `/` before the query, as browsers do.
    public func resolve(_ reference: String, against base: URL) -> URL? {
        guard reference.utf8.count <= maxLength else { return nil }
        let baseText = base.absoluteString
        guard baseText.utf8.count <= maxLength else { return nil }
        let baseReference = URIReference(parsing: cleaned(baseText), baseScheme: nil)
        let parsed = URIReference(parsing: cleaned(reference), baseScheme: baseReference.scheme)
        if parsed.scheme != nil { return normalized(parsed) }
        guard baseReference.scheme != nil else { return nil }
        return normalized(parsed.resolved(against: baseReference))
    }

    /// The canonical parts of `url` without building a `URL` (for scope checks on many URLs).
    func canonical(_ url: URL) -> CanonicalURL? {
        let text = url.absoluteString
        guard text.utf8.count <= maxLength else { return nil }
        return canonical(URIReference(parsing: cleaned(text), baseScheme: nil))
    }

    /// Applies the rules to an absolute reference and builds the URL.
    private func normalized(_ reference: URIReference) -> URL? {
        canonical(reference).flatMap { URL(string: $0.text) }
    }

    /// Applies the rules to an absolute reference.
    private func canonical(_ reference: URIReference) -> CanonicalURL? {
        guard let scheme = reference.scheme, URIReference.isSpecial(scheme), let authority = reference.authority,
            let hostAndPort = HostAndPort(authority: authority, scheme: scheme)
        else { return nil }
        var output = scheme
        output += Array("://".utf8)
        output += hostAndPort.host
        if let port = hostAndPort.port { output += Array(":\(port)".utf8) }
        let path = URIReference.removingDotSegments(PercentEncoding.normalized(reference.path, inQuery: false))
        if path.first != 0x2F { output.append(0x2F) }
        output += path
        if let query = reference.query, !query.isEmpty {
            let normalizedQuery = PercentEncoding.normalized(query, inQuery: true)
            output.append(0x3F)
            output += sortsQueryKeys ? Self.sortedByKey(normalizedQuery) : normalizedQuery
        }
        let https = scheme.elementsEqual("https".utf8)
        return CanonicalURL(
            text: String(decoding: output, as: UTF8.self),
            isHTTPS: https,
            host: String(decoding: hostAndPort.host, as: UTF8.self),
            port: hostAndPort.port ?? (https ? 443 : 80)
        )
    }

    /// Trims C0 controls and spaces at both ends, removes tabs and newlines inside, and reads `\` as `/` before the
    /// query (the WHATWG URL standard's pre-processing for http(s)).
    private func cleaned(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        while let last = bytes.last, last <= 0x20 { bytes.removeLast() }
        var start = 0
        while start < bytes.count && bytes[start] <= 0x20 { start += 1 }
        if start > 0 { bytes.removeFirst(start) }
        bytes.removeAll { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let end = bytes.firstIndex { $0 == 0x3F || $0 == 0x23 } ?? bytes.count
        for index in 0..<end where bytes[index] == 0x5C { bytes[index] = 0x2F }
        return bytes
    }

    /// Query parameters (`&`-separated) sorted by key, ties in their original order.
    private static func sortedByKey(_ query: [UInt8]) -> [UInt8] {
        let pairs = query.split(separator: 0x26, omittingEmptySubsequences: false)
        guard pairs.count > 1 else { return query }
        let sorted = pairs.enumerated().sorted { lhs, rhs in
            let lhsKey = lhs.element.prefix { $0 != 0x3D }
            let rhsKey = rhs.element.prefix { $0 != 0x3D }
            if lhsKey.elementsEqual(rhsKey) { return lhs.offset < rhs.offset }
            return lhsKey.lexicographicallyPrecedes(rhsKey)
        }
        return Array(sorted.map(\.element).joined(separator: [0x26]))
    }
}

/// The host and non-default port of an authority, user information dropped.
private struct HostAndPort {
    var host: [UInt8]
    var port: Int?

    init?(authority: [UInt8], scheme: [UInt8]) {
        var rest = authority[...]
        if let at = rest.lastIndex(of: 0x40) { rest = rest[(at + 1)...] }
        var hostPart = rest
        var portPart: ArraySlice<UInt8> = []
        if rest.first == 0x5B {
            guard let close = rest.firstIndex(of: 0x5D) else { return nil }
            hostPart = rest[...close]
            let after = rest[(close + 1)...]
            if let first = after.first {
                guard first == 0x3A else { return nil }
                portPart = after.dropFirst()
            }
        } else if let colon = rest.firstIndex(of: 0x3A) {
            hostPart = rest[..<colon]
            portPart = rest[(colon + 1)...]
        }
        guard let host = HostCanonicalizer.canonical(Array(hostPart)) else { return nil }
        self.host = host
        if portPart.isEmpty {
            port = nil
        } else {
            guard portPart.count <= 5, portPart.allSatisfy(ASCII.isDigit),
                let value = Int(String(decoding: portPart, as: UTF8.self)), value <= 65_535
            else { return nil }
            let defaultPort = scheme.elementsEqual("https".utf8) ? 443 : 80
            port = value == defaultPort ? nil : value
        }
    }
}

/// A normalised URL's text and the parts scope checks compare.
struct CanonicalURL: Hashable {
    /// The whole normalised URL.
    var text: String
    var isHTTPS: Bool
    /// Lower-case host; IPv6 in brackets.
    var host: String
    /// The effective port (the default one when the URL names none).
    var port: Int

    var scheme: String { isHTTPS ? "https" : "http" }
}
