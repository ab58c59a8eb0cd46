public import Foundation
public import PortcullisCore

/// Which URLs belong to a provider: the crawler queues only these, and records redirects out of them without
/// following.
///
/// Kinds:
/// - `origin` (default): same scheme, host and port as an entry URL; http and https of one host are different
///   origins.
/// - `host`: same host as an entry URL, any scheme or port.
/// - `domain`: the entry host's registrable domain or any subdomain of it. The registrable domain is the last two
///   labels (`a.b.example.com` → `example.com`), or the last three when the top-level label has two letters and
///   the second-level label at most three (`shop.bbc.co.uk` → `bbc.co.uk`). This simple rule is not the Public
///   Suffix List: `x.github.io` gets all of `github.io`, and `www.abc.de` gets only `www.abc.de` and below. IP
///   hosts match exactly.
/// - `prefix:<url>`: the normalised URL starts with the normalised prefix.
/// - `regex:<re>`: the regular expression matches somewhere in the normalised URL.
///
/// Independently of the kind, a URL whose host is a loopback, private or link-local IP literal is in scope only
/// when an entry URL has that very host, so a hostile page cannot point the crawler at internal services (host
/// names that resolve to such addresses must be checked when connecting; see ``IPAddress/isInternal``).
public struct CrawlScope: Sendable, Hashable {
    /// How URLs are compared with the entry URLs.
    public enum Kind: Sendable, Hashable {
        case origin
        case host
        case domain
        case prefix(URL)
        case regex(String)
    }

    /// The kind, as given.
    public let kind: Kind
    /// Patterns a URL must match one of, when any are given.
    public let include: [ScopePattern]
    /// Patterns that put a matching URL out of scope.
    public let exclude: [ScopePattern]
    private let normalizer = URLNormalizer()
    private let origins: Set<EntryOrigin>
    private let hosts: Set<String>
    private let domains: Set<String>
    private let prefix: String?
    private let kindPattern: ScopePattern?

    /// A scope around `entries` (entries that are not http(s) URLs with a host contribute nothing). `include` and
    /// `exclude` are regular expressions on the full normalised URL; an invalid one, a `prefix` that is not an
    /// http(s) URL, or an invalid `regex` kind is a `PortcullisError(.invalidConfiguration)`.
    public init(kind: Kind, entries: [URL], include: [String] = [], exclude: [String] = []) throws(PortcullisError) {
        self.kind = kind
        var include2: [ScopePattern] = []
        for pattern in include { include2.append(try ScopePattern(pattern, role: "include pattern")) }
        var exclude2: [ScopePattern] = []
        for pattern in exclude { exclude2.append(try ScopePattern(pattern, role: "exclude pattern")) }
        self.include = include2
        self.exclude = exclude2
        let canonicalEntries = entries.compactMap { URLNormalizer().canonical($0) }
        origins = Set(canonicalEntries.map { EntryOrigin(isHTTPS: $0.isHTTPS, host: $0.host, port: $0.port) })
        hosts = Set(canonicalEntries.map(\.host))
        domains = Set(canonicalEntries.map { CrawlScope.registrableDomain(of: $0.host) })
        switch kind {
        case .prefix(let url):
            guard let canonicalPrefix = URLNormalizer().canonical(url) else {
                throw PortcullisError(.invalidConfiguration, "scope prefix '\(url)' is not an http(s) URL with a host")
            }
            prefix = canonicalPrefix.text
            kindPattern = nil
        case .regex(let pattern):
            prefix = nil
            kindPattern = try ScopePattern(pattern, role: "scope regex")
        case .origin, .host, .domain:
            prefix = nil
            kindPattern = nil
        }
    }

    /// Parses the `--scope` flag value: `origin`, `host`, `domain`, `prefix:<url>`, `regex:<re>`.
    public static func parseKind(_ text: String) throws(PortcullisError) -> Kind {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed.lowercased() {
        case "origin": return .origin
        case "host": return .host
        case "domain": return .domain
        default: break
        }
        if trimmed.lowercased().hasPrefix("prefix:") {
            let value = String(trimmed.dropFirst("prefix:".count))
            guard let url = URL(string: value), let normalized = URLNormalizer().normalize(url) else {
                throw PortcullisError(.invalidConfiguration, "--scope prefix: '\(value)' is not an http(s) URL")
            }
            return .prefix(normalized)
        }
        if trimmed.lowercased().hasPrefix("regex:") {
            let value = String(trimmed.dropFirst("regex:".count))
            guard !value.isEmpty else {
                throw PortcullisError(.invalidConfiguration, "--scope regex: needs a regular expression")
            }
            _ = try ScopePattern(value, role: "--scope regex")
            return .regex(value)
        }
        throw PortcullisError(
            .invalidConfiguration,
            "--scope '\(text)' is not one of origin, host, domain, prefix:<url>, regex:<re>"
        )
    }

    /// Whether `url` is in scope: an http(s) URL that matches the kind for some entry, matches an include pattern
    /// if any were given, and matches no exclude pattern (all compared on its normalised form).
    public func contains(_ url: URL) -> Bool {
        guard let canonical = normalizer.canonical(url) else { return false }
        guard matchesKind(canonical) else { return false }
        if let address = IPAddress(canonical.host), address.isInternal, !hosts.contains(canonical.host) {
            return false
        }
        if !include.isEmpty && !include.contains(where: { $0.matches(canonical.text) }) { return false }
        return !exclude.contains { $0.matches(canonical.text) }
    }

    private func matchesKind(_ url: CanonicalURL) -> Bool {
        switch kind {
        case .origin: return origins.contains(EntryOrigin(isHTTPS: url.isHTTPS, host: url.host, port: url.port))
        case .host: return hosts.contains(url.host)
        case .domain:
            if IPAddress(url.host) != nil { return hosts.contains(url.host) }
            return domains.contains { url.host == $0 || url.host.hasSuffix("." + $0) }
        case .prefix: return prefix.map { url.text.hasPrefix($0) } ?? false
        case .regex: return kindPattern?.matches(url.text) ?? false
        }
    }

    /// The registrable part of `host` by the simple rule above; IP literals are returned as they are.
    static func registrableDomain(of host: String) -> String {
        if IPAddress(host) != nil { return host }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count > 2 else { return host }
        let topLevel = labels[labels.count - 1]
        let secondLevel = labels[labels.count - 2]
        let keep = topLevel.count == 2 && secondLevel.count <= 3 ? 3 : 2
        return labels.suffix(keep).joined(separator: ".")
    }
}

/// Scheme, host and effective port of an entry URL.
private struct EntryOrigin: Hashable, Sendable {
    var isHTTPS: Bool
    var host: String
    var port: Int
}
