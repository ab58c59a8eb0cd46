public import Foundation

/// How far a crawl of one provider may go. Every limit that stops a crawl is reported.
public struct CrawlBudget: Sendable, Hashable, Codable {
    /// Responses fetched at most (pages and other content), entry URLs included.
    public var maxPages: Int
    /// Links followed at most this many steps from an entry URL (entries are depth 0).
    public var maxDepth: Int
    /// Seconds the crawl of the provider may take.
    public var maxDuration: Double
    /// Body bytes fetched at most, summed over all responses.
    public var maxBytes: Int
    /// Requests per second to one host; 0 means no rate limit.
    public var requestsPerSecond: Double
    /// Requests in flight at once for the provider.
    public var concurrency: Int

    public init(
        maxPages: Int = 200,
        maxDepth: Int = 10,
        maxDuration: Double = 300,
        maxBytes: Int = 500 * 1024 * 1024,
        requestsPerSecond: Double = 20,
        concurrency: Int = 8
    ) {
        self.maxPages = maxPages
        self.maxDepth = maxDepth
        self.maxDuration = maxDuration
        self.maxBytes = maxBytes
        self.requestsPerSecond = requestsPerSecond
        self.concurrency = concurrency
    }

    /// Fetch exactly the entry URLs, follow no links: the single-URL check.
    public static func entriesOnly(_ count: Int) -> CrawlBudget {
        CrawlBudget(maxPages: max(count, 1), maxDepth: 0, requestsPerSecond: 0)
    }
}

/// Which URLs belong to a provider, as written in a plan or on the command line; the crawler interprets it.
public struct ScopeSpec: Sendable, Hashable, Codable {
    /// `origin`, `host`, `domain`, `prefix:<url>` or `regex:<re>`.
    public var kind: String
    /// Regular expressions a URL must match one of (when any are given).
    public var include: [String]
    /// Regular expressions that put a URL out of scope.
    public var exclude: [String]

    public init(kind: String = "origin", include: [String] = [], exclude: [String] = []) {
        self.kind = kind
        self.include = include
        self.exclude = exclude
    }
}

/// One provider to scan: where to start, what is in scope, how far to go, and how to authenticate.
public struct ProviderPlan: Sendable, Hashable {
    /// The provider's name, for grouping in reports.
    public var name: String
    /// Where the crawl starts; also the targets listed in reports.
    public var entryURLs: [URL]
    public var scope: ScopeSpec
    public var budget: CrawlBudget
    /// Extra request headers (credentials, cookies). Secret: never logged, masked in evidence.
    public var headers: [HeaderField]
    /// Whether robots.txt is obeyed (the default; `--ignore-robots` is for owners scanning their own site).
    public var obeysRobots: Bool
    /// Whether query keys are sorted when URLs are normalised (`?b=1&a=2` and `?a=2&b=1` are one page).
    public var sortsQueryKeys: Bool
    /// Whether sitemaps (from robots.txt and `/sitemap.xml`) seed the crawl.
    public var readsSitemaps: Bool
    /// The plan's `sso:` block; nil when absent (the SSO probe then detects the flow from the entry URLs).
    public var sso: SSOPolicy?

    public init(
        name: String,
        entryURLs: [URL],
        scope: ScopeSpec = ScopeSpec(),
        budget: CrawlBudget = CrawlBudget(),
        headers: [HeaderField] = [],
        obeysRobots: Bool = true,
        sortsQueryKeys: Bool = false,
        readsSitemaps: Bool = true,
        sso: SSOPolicy? = nil
    ) {
        self.name = name
        self.entryURLs = entryURLs
        self.scope = scope
        self.budget = budget
        self.headers = headers
        self.obeysRobots = obeysRobots
        self.sortsQueryKeys = sortsQueryKeys
        self.readsSitemaps = readsSitemaps
        self.sso = sso
    }

    /// Every URL the plan names for this provider (entries, and the `sso:` block's pages, issuer and logout): the
    /// hosts a scan may reach even on private addresses.
    public var declaredURLs: [URL] {
        entryURLs + (sso.map { [$0.issuer, $0.logoutURL].compactMap { $0 } + $0.protectedURLs } ?? [])
    }

    /// Whether the plan follows links at all.
    public var crawls: Bool { budget.maxDepth > 0 && budget.maxPages > entryURLs.count }
}
