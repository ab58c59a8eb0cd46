import PortcullisCore

/// Matches a host name against a certificate's subjectAlternativeName entries by RFC 6125 §6.4 as tightened by
/// RFC 9525 and the CA/Browser Forum: SAN only (the subject CN is never consulted), a wildcard only as the entire
/// left-most label matching exactly one label, never for IP literals; ASCII case-insensitive; IDNA A-labels
/// compared as they are; one trailing dot ignored. IP hosts match iPAddress entries only, by octets.
public enum HostnameMatcher {
    /// Whether `hostname` is covered by the dNSName entries `names` or the iPAddress entries `ipAddresses`.
    public static func matches(_ hostname: String, names: [String], ipAddresses: [String]) -> Bool {
        if let octets = IPAddressText.parse(hostname) {
            return ipAddresses.contains { IPAddressText.parse($0) == octets }
        }
        guard let host = normalised(hostname) else { return false }
        return names.contains { name in
            guard let pattern = normalised(name) else { return false }
            return matches(host: host, pattern: pattern)
        }
    }

    private static func matches(host: [Substring], pattern: [Substring]) -> Bool {
        guard host.count == pattern.count else { return false }
        if pattern[0] == "*" {
            // "*.com" and the like: a wildcard needs at least two labels below it.
            guard pattern.count >= 3 else { return false }
            return host.dropFirst().elementsEqual(pattern.dropFirst())
        }
        guard !pattern.contains(where: { $0.contains("*") }) else { return false }
        return host == pattern
    }

    /// Lower-cased labels without one trailing dot; nil for empty labels or non-ASCII text.
    private static func normalised(_ name: String) -> [Substring]? {
        var text = name.lowercased()
        if text.hasSuffix(".") { text.removeLast() }
        guard !text.isEmpty, text.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.allSatisfy({ !$0.isEmpty }) else { return nil }
        return labels
    }
}
