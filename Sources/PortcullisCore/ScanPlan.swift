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

/// What to scan and how: the targets, the rule profile, fetch limits and extra trust anchors.
public struct ScanPlan: Sendable, Hashable {
    public var targets: [Target]
    /// The profile that selects rules and overrides severities.
    public var profile: Profile
    public var limits: FetchLimits
    /// A PEM file of extra trust anchors, for providers on a private PKI.
    public var caFile: String?

    public init(
        targets: [Target],
        profile: Profile = .default,
        limits: FetchLimits = FetchLimits(),
        caFile: String? = nil
    ) {
        self.targets = targets
        self.profile = profile
        self.limits = limits
        self.caFile = caFile
    }
}
