import CSP
public import CheckSupport
import Crawl
import Foundation
public import Logging
public import PortcullisCore
import PortcullisHTTP
import TLSChecks

/// Runs a scan plan end to end: crawl each provider, check every page, turn observations into findings, and
/// collect what could not be scanned as problems.
///
/// Providers are crawled concurrently; one failing never stops the others, and everything collected before a
/// failure is kept.
public struct ScanRunner: Sendable {
    public let plan: ScanPlan
    public let engine: RuleEngine
    private let checks: [any PageCheck]
    private let logger: Logger
    /// The TLS host probe's configuration, nil when TLS is not probed.
    private let tlsSetup: TLSSetup?
    /// The plan's suppressions, validated.
    private let suppressions: SuppressionMatcher

    /// Creates a scanner; fails when the catalog and the built-in checks disagree, the profile is invalid, or a
    /// provider's scope does not parse.
    public init(
        plan: ScanPlan,
        catalog: RuleCatalog,
        checks: [any PageCheck]? = nil,
        logger: Logger = Logger(label: "portcullis.scan")
    ) throws(PortcullisError) {
        let checks = checks ?? CheckRegistry.pageChecks(catalog: catalog)
        self.plan = plan
        self.engine = try RuleEngine(
            catalog: catalog,
            profile: plan.profile,
            checkRules: CheckRegistry.implementedRules(pageChecks: checks)
        )
        // Checks whose rules all belong to families the plan does not run are not run at all.
        self.checks = checks.filter { check in check.rules.contains { catalog[$0].map { plan.runs($0.family) } ?? true }
        }
        self.suppressions = try SuppressionMatcher(plan.suppressions)
        self.tlsSetup = plan.runs(.tls) && plan.tls.enabled ? try TLSSetup(catalog: catalog, plan: plan) : nil
        self.logger = logger
        for provider in plan.providers {
            _ = try CrawlScope(
                kind: try CrawlScope.parseKind(provider.scope.kind),
                entries: provider.entryURLs,
                include: provider.scope.include,
                exclude: provider.scope.exclude
            )
        }
    }

    /// Scans every provider of the plan and returns the result; never throws: failures become problems.
    public func run(progress: (@Sendable (ScanProgress) -> Void)? = nil) async -> ScanResult {
        let startedAt = Date()
        let client: HTTPClient
        // The SSRF guard: only declared targets may be on private or loopback addresses.
        let policy = AddressPolicy.declaredTargets(plan.providers.flatMap(\.declaredURLs))
        do {
            client = try HTTPClient(
                configuration: HTTPClientConfiguration(limits: plan.limits, caFile: plan.caFile, addressPolicy: policy)
            )
        } catch {
            logger.error("cannot start the HTTP client: \(error)")
            let targets = plan.targets.map {
                TargetResult(provider: $0.provider, url: $0.url.absoluteString, status: .failed)
            }
            let problems = plan.targets.map {
                ScanProblem(url: $0.url.absoluteString, kind: "internal", message: "HTTP client: \(error)")
            }
            return result(
                startedAt: startedAt,
                targets: targets,
                findings: [],
                problems: problems,
                crawls: [],
                waiverNotes: suppressions.notes(findings: [], asOf: startedAt)
            )
        }
        defer { client.shutdown() }

        let outcomes = await withTaskGroup(of: (Int, ProviderOutcome?).self) { group in
            for (index, provider) in plan.providers.enumerated() {
                let visitor = PageVisitor(
                    client: client,
                    checks: checks,
                    limits: plan.limits,
                    headers: provider.headers,
                    extractsLinks: provider.crawls,
                    grading: ObservatoryGrading(),
                    suppressions: suppressions.applicable(provider: provider.name, asOf: startedAt)
                )
                let crawler = try? ProviderCrawler(
                    provider: provider,
                    visitor: visitor,
                    engine: engine,
                    logger: logger,
                    progress: progress,
                    families: plan.families,
                    tlsProbe: tlsSetup?.probe(policy: policy)
                )
                group.addTask { (index, await crawler?.run()) }
            }
            var collected = [ProviderOutcome?](repeating: nil, count: plan.providers.count)
            for await (index, outcome) in group { collected[index] = outcome }
            return collected
        }

        var findings = FindingAccumulator(engine: engine)
        var problems: [ScanProblem] = []
        var targets: [TargetResult] = []
        var grades: [String: OriginGrade] = [:]
        var tls: [TLSHostSummary] = []
        for outcome in outcomes.compactMap({ $0 }) {
            tls += outcome.tls
            for grade in outcome.grades where grades[grade.origin].map({ grade.url < $0.url }) ?? true {
                grades[grade.origin] = grade
            }
            findings.merge(outcome.findings)
            problems += outcome.problems
            targets += outcome.targets
        }
        for id in findings.undeclaredRuleIDs.sorted() {
            logger.error("a check emitted unknown rule id \(id)")
            problems.append(ScanProblem(url: "", kind: "internal", message: "a check emitted unknown rule id \(id)"))
        }
        let reported = findings.findings().filter { plan.runs($0.family) }
        return result(
            startedAt: startedAt,
            targets: targets,
            findings: reported,
            problems: problems,
            crawls: plan.checksPages ? outcomes.compactMap { $0?.summary } : [],
            grades: plan.runs(.headers) ? grades.values.sorted { $0.origin < $1.origin } : [],
            tls: tls.sorted { $0.host < $1.host },
            waiverNotes: suppressions.notes(findings: reported, asOf: startedAt)
        )
    }

    private func result(
        startedAt: Date,
        targets: [TargetResult],
        findings: [Finding],
        problems: [ScanProblem],
        crawls: [CrawlSummary],
        grades: [OriginGrade] = [],
        tls: [TLSHostSummary] = [],
        waiverNotes: [WaiverNote] = []
    ) -> ScanResult {
        ScanResult(
            startedAt: startedAt,
            finishedAt: Date(),
            profile: plan.profile.name,
            targets: targets,
            findings: findings,
            problems: problems,
            crawls: crawls,
            grades: grades,
            tls: tls,
            rules: engine.activeRules.filter { plan.runs($0.family) },
            waiverNotes: waiverNotes
        )
    }
}
