public import Foundation
import Yams

/// A scan plan as written in YAML (`portcullis scan --plan plan.yaml`): providers with entry URLs, scope,
/// budgets and credentials, plus optional profile, trust anchors and fetch limits.
///
/// Every problem is reported with the file, the line and what is wrong. Header values of the form `env:NAME`
/// are read from the environment, so credentials never sit in the file.
public struct ScanPlanFile: Sendable, Hashable {
    /// The profile named in the file, if any (the `--profile` flag wins).
    public var profile: String?
    /// The trust-anchor file, resolved against the plan file's folder.
    public var caFile: String?
    /// Findings the plan suppresses, each with its reason (`suppressions:`).
    public var suppressions: [Suppression] = []
    /// The Mozilla TLS profile the plan's TLS probes judge by (`tls-profile:`), nil for the default.
    public var tlsProfile: String?
    /// Fetch limits, when the file sets any.
    public var limits: FetchLimits?
    public var providers: [ProviderPlan]

    private static let topKeys: Set<String> = [
        "profile", "ca-file", "tls-profile", "limits", "defaults", "providers", "suppressions",
    ]
    private static let limitKeys: Set<String> = ["timeout", "connect-timeout", "max-body", "max-redirects"]
    private static let budgetKeys: Set<String> = [
        "scope", "include", "exclude", "max-pages", "max-depth", "max-time", "max-bytes", "rate", "concurrency",
        "robots", "sitemaps", "sort-query", "headers",
    ]
    private static let providerKeys = budgetKeys.union(["name", "entry", "sso"])

    /// Reads and parses the plan at `path`.
    public static func load(
        _ path: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    )
        throws(PortcullisError) -> ScanPlanFile
    {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw PortcullisError(
                .invalidConfiguration,
                "cannot read the plan: \(error.localizedDescription)",
                file: path
            )
        }
        return try parse(text, file: path, environment: environment)
    }

    /// Parses plan `text` read from `file`.
    public static func parse(
        _ text: String,
        file: String,
        environment: [String: String] = [:]
    )
        throws(PortcullisError) -> ScanPlanFile
    {
        guard let root = try YAMLDocument.parse(text, file: file, code: .invalidConfiguration) else {
            throw PortcullisError(.invalidConfiguration, "the plan is empty", file: file, line: 1)
        }
        let top = try YAMLMapping(root, file: file, what: "a plan", code: .invalidConfiguration)
        try top.rejectUnknownKeys(topKeys, in: "a plan")
        var plan = ScanPlanFile(profile: try top.string("profile", required: false), providers: [])
        if let tlsProfile = try top.string("tls-profile", required: false) {
            guard TLSScanOptions.profileNames.contains(tlsProfile) else {
                throw top.error(
                    "'tls-profile' must be modern, intermediate or old (got '\(tlsProfile)')",
                    at: top.node("tls-profile")
                )
            }
            plan.tlsProfile = tlsProfile
        }
        if let suppressions = top.node("suppressions") {
            plan.suppressions = try Suppression.parse(suppressions, file: file)
        }
        if let caFile = try top.string("ca-file", required: false) {
            let base = URL(fileURLWithPath: file).deletingLastPathComponent()
            plan.caFile = caFile.hasPrefix("/") ? caFile : base.appendingPathComponent(caFile).path
        }
        if let limits = top.node("limits") {
            plan.limits = try parseLimits(
                YAMLMapping(limits, file: file, what: "'limits'", code: .invalidConfiguration)
            )
        }
        let defaults = try top.node("defaults").map { node throws(PortcullisError) in
            try YAMLMapping(node, file: file, what: "'defaults'", code: .invalidConfiguration)
        }
        try defaults?.rejectUnknownKeys(budgetKeys, in: "'defaults'")
        guard let list = top.node("providers") else { throw top.error("missing required key 'providers'") }
        guard case .sequence(let entries) = list, !entries.isEmpty else {
            throw top.error("'providers' must be a non-empty list", at: list)
        }
        var names: Set<String> = []
        for entry in entries {
            let map = try YAMLMapping(entry, file: file, what: "a provider", code: .invalidConfiguration)
            try map.rejectUnknownKeys(providerKeys, in: "a provider")
            let provider = try parseProvider(map, defaults: defaults, environment: environment)
            guard names.insert(provider.name).inserted else {
                throw map.error("provider '\(provider.name)' is listed twice", at: map.node("name"))
            }
            plan.providers.append(provider)
        }
        return plan
    }

    private static func parseLimits(_ map: YAMLMapping) throws(PortcullisError) -> FetchLimits {
        try map.rejectUnknownKeys(limitKeys, in: "'limits'")
        var limits = FetchLimits()
        if let value = try number(map, "timeout") { limits.totalTimeout = value }
        if let value = try number(map, "connect-timeout") { limits.connectTimeout = value }
        if let value = try number(map, "max-body") { limits.maxBodyBytes = Int(value) }
        if let value = try number(map, "max-redirects") { limits.maxRedirects = Int(value) }
        return limits
    }

    private static func parseProvider(
        _ map: YAMLMapping,
        defaults: YAMLMapping?,
        environment: [String: String]
    )
        throws(PortcullisError) -> ProviderPlan
    {
        let name = try map.requiredString("name")
        let entries = try entryURLs(map)
        var provider = ProviderPlan(name: name, entryURLs: entries)
        for source in [defaults, map].compactMap({ $0 }) {
            try apply(source, to: &provider, environment: environment)
        }
        if let sso = map.node("sso") {
            provider.sso = try SSOPolicy.parse(
                YAMLMapping(sso, file: map.file, what: "'sso'", code: .invalidConfiguration)
            )
        }
        return provider
    }

    private static func entryURLs(_ map: YAMLMapping) throws(PortcullisError) -> [URL] {
        guard let node = map.node("entry") else { throw map.error("missing required key 'entry'") }
        let texts: [String]
        if let single = node.string, case .scalar = node {
            texts = [single]
        } else {
            texts = try map.stringList("entry")
        }
        guard !texts.isEmpty else { throw map.error("'entry' needs at least one URL", at: node) }
        return try texts.map { text throws(PortcullisError) in
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
                ["http", "https"].contains(scheme),
                url.host(percentEncoded: false)?.isEmpty == false
            else {
                throw map.error("'\(text)' is not an http(s) URL with a host", at: node)
            }
            return url
        }
    }

    /// Applies the budget, scope and header keys of `map` (provider or defaults) to `provider`.
    private static func apply(
        _ map: YAMLMapping,
        to provider: inout ProviderPlan,
        environment: [String: String]
    )
        throws(PortcullisError)
    {
        if let kind = try map.string("scope", required: false) {
            try validateScope(kind, map: map)
            provider.scope.kind = kind
        }
        if map.node("include") != nil { provider.scope.include = try regexes(map, "include") }
        if map.node("exclude") != nil { provider.scope.exclude = try regexes(map, "exclude") }
        if let value = try number(map, "max-pages", minimum: 1) { provider.budget.maxPages = Int(value) }
        if let value = try number(map, "max-depth") { provider.budget.maxDepth = Int(value) }
        if let value = try number(map, "max-time", minimum: 1) { provider.budget.maxDuration = value }
        if let value = try number(map, "max-bytes", minimum: 1) { provider.budget.maxBytes = Int(value) }
        if let value = try number(map, "rate") { provider.budget.requestsPerSecond = value }
        if let value = try number(map, "concurrency", minimum: 1) { provider.budget.concurrency = Int(value) }
        if let robots = try map.string("robots", required: false) {
            guard robots == "obey" || robots == "ignore" else {
                throw map.error("'robots' must be 'obey' or 'ignore'", at: map.node("robots"))
            }
            provider.obeysRobots = robots == "obey"
        }
        if let value = try flag(map, "sitemaps") { provider.readsSitemaps = value }
        if let value = try flag(map, "sort-query") { provider.sortsQueryKeys = value }
        if let headers = map.node("headers") {
            provider.headers = try parseHeaders(
                YAMLMapping(headers, file: map.file, what: "'headers'", code: .invalidConfiguration),
                environment: environment
            )
        }
    }

    /// Checks a scope value: `origin`, `host`, `domain`, `prefix:<http(s) URL>` or `regex:<expression>`.
    public static func validateScope(_ kind: String) -> String? {
        if ["origin", "host", "domain"].contains(kind) { return nil }
        if kind.hasPrefix("prefix:") {
            let url = URL(string: String(kind.dropFirst("prefix:".count)))
            return ["http", "https"].contains(url?.scheme?.lowercased() ?? "") ? nil : "prefix: needs an http(s) URL"
        }
        if kind.hasPrefix("regex:") {
            return regexProblem(String(kind.dropFirst("regex:".count)))
        }
        return "unknown scope '\(kind)' (use origin, host, domain, prefix:<url> or regex:<expression>)"
    }

    private static func validateScope(_ kind: String, map: YAMLMapping) throws(PortcullisError) {
        if let problem = validateScope(kind) { throw map.error(problem, at: map.node("scope")) }
    }

    private static func regexProblem(_ pattern: String) -> String? {
        do {
            _ = try NSRegularExpression(pattern: pattern)
            return nil
        } catch {
            return "invalid regular expression '\(pattern)'"
        }
    }

    private static func regexes(_ map: YAMLMapping, _ key: String) throws(PortcullisError) -> [String] {
        let patterns = try map.stringList(key)
        for pattern in patterns {
            if let problem = regexProblem(pattern) { throw map.error("'\(key)': \(problem)", at: map.node(key)) }
        }
        return patterns
    }

    private static func number(
        _ map: YAMLMapping,
        _ key: String,
        minimum: Double = 0
    ) throws(PortcullisError)
        -> Double?
    {
        guard let node = map.node(key) else { return nil }
        guard let value = node.float ?? node.int.map(Double.init), value.isFinite, value >= minimum else {
            throw map.error("'\(key)' must be a number of at least \(Int(minimum))", at: node)
        }
        return value
    }

    private static func flag(_ map: YAMLMapping, _ key: String) throws(PortcullisError) -> Bool? {
        guard let node = map.node(key) else { return nil }
        guard let value = node.bool else { throw map.error("'\(key)' must be true or false", at: node) }
        return value
    }

    /// Header values are literal, or `env:NAME` to read them from the environment (credentials stay out of files).
    private static func parseHeaders(
        _ map: YAMLMapping,
        environment: [String: String]
    ) throws(PortcullisError)
        -> [HeaderField]
    {
        var headers: [HeaderField] = []
        for (name, node) in map.pairs {
            guard let raw = node.string else { throw map.error("header '\(name)' needs a string value", at: node) }
            do {
                headers.append(try ConfiguredHeader.make(name: name, value: raw, environment: environment))
            } catch {
                throw map.error(error.reason, at: node)
            }
        }
        return headers
    }
}
