/// Caps that bound every fetch, so no target can hold a scan hostage.
public struct FetchLimits: Sendable, Hashable, Codable {
    /// Seconds allowed to establish a connection.
    public var connectTimeout: Double
    /// Seconds allowed for a whole request, body included.
    public var totalTimeout: Double
    /// Body bytes kept after content decoding; the transfer stops at this cap.
    public var maxBodyBytes: Int
    /// Redirects followed before giving up.
    public var maxRedirects: Int
    /// Requests in flight at once, over all hosts.
    public var maxConcurrentRequests: Int
    /// Requests in flight at once to one host.
    public var maxConcurrentRequestsPerHost: Int

    public init(
        connectTimeout: Double = 10,
        totalTimeout: Double = 30,
        maxBodyBytes: Int = 5 * 1024 * 1024,
        maxRedirects: Int = 10,
        maxConcurrentRequests: Int = 32,
        maxConcurrentRequestsPerHost: Int = 6
    ) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxBodyBytes = maxBodyBytes
        self.maxRedirects = maxRedirects
        self.maxConcurrentRequests = maxConcurrentRequests
        self.maxConcurrentRequestsPerHost = maxConcurrentRequestsPerHost
    }
}

/// What to scan and how: the providers, the rule profile, fetch limits and extra trust anchors.
public struct ScanPlan: Sendable, Hashable {
    public var providers: [ProviderPlan]
    /// The profile that selects rules and overrides severities.
    public var profile: Profile
    public var limits: FetchLimits
    /// A PEM file of extra trust anchors, for providers on a private PKI.
    public var caFile: String?
    /// The check families to run; nil runs every family. Page checks and crawling are skipped when no page
    /// family (headers, csp, accessibility, crawl) is selected.
    public var families: Set<Family>?
    /// How the TLS host probe runs.
    public var tls = TLSScanOptions()
    /// Findings suppressed by rule and element or page, each with its reason.
    public var suppressions: [Suppression] = []

    public init(
        providers: [ProviderPlan],
        profile: Profile = .default,
        limits: FetchLimits = FetchLimits(),
        caFile: String? = nil
    ) {
        self.providers = providers
        self.profile = profile
        self.limits = limits
        self.caFile = caFile
    }

    /// A plan that checks exactly `targets`, following no links: one provider per target.
    public init(
        targets: [Target],
        profile: Profile = .default,
        limits: FetchLimits = FetchLimits(),
        caFile: String? = nil
    ) {
        let providers = targets.map {
            ProviderPlan(name: $0.provider, entryURLs: [$0.url], budget: .entriesOnly(1), readsSitemaps: false)
        }
        self.init(providers: providers, profile: profile, limits: limits, caFile: caFile)
    }

    /// Whether rules of `family` run in this scan.
    public func runs(_ family: Family) -> Bool { families?.contains(family) ?? true }

    /// Whether pages are fetched and checked (some page family is selected).
    public var checksPages: Bool { [.headers, .csp, .accessibility, .crawl].contains { runs($0) } }

    /// Every entry URL of every provider, as targets.
    public var targets: [Target] {
        providers.flatMap { provider in provider.entryURLs.map { Target(provider: provider.name, url: $0) } }
    }
}
