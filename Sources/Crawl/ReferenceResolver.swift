import Foundation

/// Turns a URL reference found in markup or a header into an absolute, fetchable http(s) URL, the way a
/// browser reads it: surrounding ASCII whitespace trimmed, tabs and newlines inside removed, backslashes in
/// the path read as slashes, resolved against a base, fragment dropped. Anything that is not http(s) with a
/// host and a valid port (`javascript:`, `mailto:`, `data:`, `tel:`, `about:`, `http:foo`…) gives `nil`.
///
/// A small stand-in until the frontier's `URLNormalizer.resolve` is used; normalisation proper (case, default
/// ports, dot segments, percent-encoding) stays the frontier's job.
struct ReferenceResolver: Sendable {
    /// References longer than this (in UTF-8 bytes) are ignored: no real link is this long.
    static let maxReferenceBytes = 8192

    /// The absolute http(s) URL `reference` points to from `base`, without its fragment; nil when unusable.
    func resolve(_ reference: String, against base: URL) -> URL? {
        guard let cleaned = Self.clean(reference) else { return nil }
        guard let resolved = URL(string: cleaned, relativeTo: base)?.absoluteURL else { return nil }
        return Self.fetchable(resolved)
    }

    /// `url` without its fragment when it is http(s) with a host and a port in range; else nil.
    static func fetchable(_ url: URL) -> URL? {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return nil }
        guard let host = url.host, !host.isEmpty else { return nil }
        if let port = url.port, !(0...65_535).contains(port) { return nil }
        let text = url.absoluteString
        guard let hash = text.utf8.firstIndex(of: UInt8(ascii: "#")) else { return url }
        return URL(string: String(text[..<hash]))
    }

    /// The reference as a browser's URL parser sees it, or nil when empty, too long or fragment-only.
    static func clean(_ reference: String) -> String? {
        guard reference.utf8.count <= maxReferenceBytes else { return nil }
        // Fast path: printable ASCII without backslashes needs no cleaning (most links).
        if let first = reference.utf8.first, first != UInt8(ascii: "#"),
            reference.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") })
        {
            return reference
        }
        var scalars = Substring(reference).unicodeScalars
        while let first = scalars.first, isTrimmed(first) { scalars.removeFirst() }
        while let last = scalars.last, isTrimmed(last) { scalars.removeLast() }
        guard !scalars.isEmpty, scalars.first != "#" else { return nil }
        var result = String.UnicodeScalarView()
        var inPath = true
        for scalar in scalars {
            switch scalar {
            case "\t", "\n", "\r":
                continue
            case "?", "#":
                inPath = false
                result.append(scalar)
            case "\\" where inPath:
                result.append("/")
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// C0 controls and space: what the URL parser strips from both ends.
    private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value <= 0x20
    }
}
