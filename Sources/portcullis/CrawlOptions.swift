import ArgumentParser
import Foundation
import PortcullisCore

/// How far and how politely `scan` crawls the provider built from its URL arguments.
///
/// Every option is optional so a plan file's values are not silently overridden: with `--plan` they are refused.
struct CrawlOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "What is in scope: origin (default), host, domain, prefix:<url> or regex:<expression>.",
            valueName: "scope"
        )
    )
    var scope: String?

    @Option(help: ArgumentHelp("Only crawl URLs matching this regular expression (repeatable).", valueName: "regex"))
    var include: [String] = []

    @Option(help: ArgumentHelp("Never crawl URLs matching this regular expression (repeatable).", valueName: "regex"))
    var exclude: [String] = []

    @Option(
        name: .customLong("max-pages"),
        help: ArgumentHelp("Responses fetched at most (default 200).", valueName: "n")
    )
    var maxPages: Int?

    @Option(
        name: .customLong("max-depth"),
        help: ArgumentHelp(
            "Links followed from an entry URL at most (default 10; 0 checks only the URLs given).",
            valueName: "n"
        )
    )
    var maxDepth: Int?

    @Option(
        name: .customLong("max-time"),
        help: ArgumentHelp("Seconds the crawl of a provider may take (default 300).", valueName: "seconds")
    )
    var maxTime: Double?

    @Option(
        name: .customLong("max-bytes"),
        help: ArgumentHelp("Body bytes fetched at most per provider.", valueName: "bytes")
    )
    var maxBytes: Int?

    @Option(help: ArgumentHelp("Requests per second to one host (default 20; 0 for no limit).", valueName: "rps"))
    var rate: Double?

    @Option(help: ArgumentHelp("Requests in flight at once per provider (default 8).", valueName: "n"))
    var concurrency: Int?

    @Flag(
        name: .customLong("ignore-robots"),
        help: "Crawl what robots.txt disallows (for owners scanning their own site)."
    )
    var ignoreRobots = false

    @Flag(name: .customLong("no-sitemaps"), help: "Do not seed the crawl from sitemaps.")
    var noSitemaps = false

    @Flag(name: .customLong("sort-query"), help: "Treat URLs whose query keys differ only in order as one page.")
    var sortQuery = false

    @Option(
        name: .customLong("header"),
        help: ArgumentHelp(
            "Extra request header 'Name: value' for authenticated areas; 'Name: env:VAR' reads the value from $VAR. Never printed.",
            valueName: "header"
        )
    )
    var headers: [String] = []

    /// Whether any crawl option was given (they cannot be combined with `--plan`).
    var isSet: Bool {
        scope != nil || !include.isEmpty || !exclude.isEmpty || maxPages != nil || maxDepth != nil || maxTime != nil
            || maxBytes != nil || rate != nil || concurrency != nil || ignoreRobots || noSitemaps || sortQuery
            || !headers.isEmpty
    }

    func validate() throws {
        if let scope, let problem = ScanPlanFile.validateScope(scope) { throw ValidationError("--scope: \(problem)") }
        for pattern in include + exclude where (try? NSRegularExpression(pattern: pattern)) == nil {
            throw ValidationError("invalid regular expression '\(pattern)'")
        }
        if let maxPages, maxPages < 1 { throw ValidationError("--max-pages must be at least 1") }
        if let maxDepth, maxDepth < 0 { throw ValidationError("--max-depth must not be negative") }
        if let maxTime, maxTime <= 0 { throw ValidationError("--max-time must be positive") }
        if let maxBytes, maxBytes < 1 { throw ValidationError("--max-bytes must be positive") }
        if let rate, rate < 0 { throw ValidationError("--rate must not be negative") }
        if let concurrency, !(1...256).contains(concurrency) { throw ValidationError("--concurrency must be 1 to 256") }
        _ = try requestHeaders()
    }

    /// The provider these options describe, starting at `urls`.
    func provider(named name: String, urls: [URL]) throws -> ProviderPlan {
        var budget = CrawlBudget()
        if let maxPages { budget.maxPages = maxPages }
        if let maxDepth { budget.maxDepth = maxDepth }
        if let maxTime { budget.maxDuration = maxTime }
        if let maxBytes { budget.maxBytes = maxBytes }
        if let rate { budget.requestsPerSecond = rate }
        if let concurrency { budget.concurrency = concurrency }
        return ProviderPlan(
            name: name,
            entryURLs: urls,
            scope: ScopeSpec(kind: scope ?? "origin", include: include, exclude: exclude),
            budget: budget,
            headers: try requestHeaders(),
            obeysRobots: !ignoreRobots,
            sortsQueryKeys: sortQuery,
            readsSitemaps: !noSitemaps
        )
    }

    /// The `--header` values as header fields, `env:` values read from the environment.
    func requestHeaders(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [HeaderField] {
        try headers.map { text in
            guard let colon = text.firstIndex(of: ":") else {
                throw ValidationError("--header needs 'Name: value' (got no colon)")
            }
            let name = text[..<colon].trimmingCharacters(in: .whitespaces)
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            do {
                return try ConfiguredHeader.make(name: name, value: value, environment: environment)
            } catch {
                throw ValidationError("--header: \((error as? PortcullisError)?.reason ?? "\(error)")")
            }
        }
    }
}
