public import CheckSupport
import Foundation
public import Logging
public import PortcullisCore
import PortcullisHTML
import PortcullisHTTP

/// Runs a scan plan end to end: fetch each target, parse HTML, run the page checks, turn observations into
/// findings, and collect what could not be scanned as problems.
///
/// One target failing never stops the others; everything collected before a failure is kept.
public struct ScanRunner: Sendable {
    public let plan: ScanPlan
    public let engine: RuleEngine
    private let checks: [any PageCheck]
    private let logger: Logger

    /// Creates a scanner; fails when the catalog and the built-in checks disagree or the profile is invalid.
    public init(
        plan: ScanPlan,
        catalog: RuleCatalog,
        checks: [any PageCheck] = CheckRegistry.pageChecks,
        logger: Logger = Logger(label: "portcullis.scan")
    ) throws(PortcullisError) {
        self.plan = plan
        self.engine = try RuleEngine(
            catalog: catalog,
            profile: plan.profile,
            checkRules: Set(checks.flatMap(\.rules))
        )
        self.checks = checks
        self.logger = logger
    }

    /// Scans every target of the plan and returns the result; never throws: failures become problems.
    public func run(progress: (@Sendable (ScanProgress) -> Void)? = nil) async -> ScanResult {
        let startedAt = Date()
        let client: HTTPClient
        do {
            client = try HTTPClient(configuration: HTTPClientConfiguration(limits: plan.limits, caFile: plan.caFile))
        } catch {
            logger.error("cannot start the HTTP client: \(error)")
            let problems = plan.targets.map {
                ScanProblem(url: $0.url.absoluteString, kind: "internal", message: "HTTP client: \(error)")
            }
            return result(
                startedAt: startedAt,
                outcomes: plan.targets.map { TargetScan.failed($0, problems: []) },
                extra: problems
            )
        }
        defer { client.shutdown() }

        let outcomes = await withTaskGroup(of: (Int, TargetScan).self) { group in
            for (index, target) in plan.targets.enumerated() {
                group.addTask { (index, await scan(target, client: client)) }
            }
            var collected = [TargetScan?](repeating: nil, count: plan.targets.count)
            var done = 0
            var failed = 0
            for await (index, outcome) in group {
                collected[index] = outcome
                done += 1
                if outcome.result.status == .failed { failed += 1 }
                progress?(
                    ScanProgress(done: done, total: plan.targets.count, failed: failed, lastURL: outcome.result.url)
                )
            }
            return collected.compactMap { $0 }
        }
        return result(startedAt: startedAt, outcomes: outcomes, extra: [])
    }

    private func result(startedAt: Date, outcomes: [TargetScan], extra: [ScanProblem]) -> ScanResult {
        let observations = outcomes.flatMap(\.observations)
        var problems = extra + outcomes.flatMap(\.problems)
        for id in engine.undeclaredRuleIDs(in: observations).sorted() {
            logger.error("a check emitted unknown rule id \(id)")
            problems.append(ScanProblem(url: "", kind: "internal", message: "a check emitted unknown rule id \(id)"))
        }
        return ScanResult(
            startedAt: startedAt,
            finishedAt: Date(),
            profile: plan.profile.name,
            targets: outcomes.map(\.result),
            findings: engine.findings(from: observations),
            problems: problems,
            rules: engine.activeRules
        )
    }

    /// Fetches and checks one target.
    private func scan(_ target: Target, client: HTTPClient) async -> TargetScan {
        logger.debug("fetching \(target.url.absoluteString)")
        let exchange: Exchange
        var problems: [ScanProblem] = []
        do {
            if target.url.isFileURL {
                exchange = try LocalFile.read(target.url, maxBytes: plan.limits.maxBodyBytes)
            } else {
                let scope = RedirectScope(target.url)
                exchange = try await client.fetch(target.url, allowRedirect: scope.allows)
            }
        } catch let error as HTTPError {
            logger.warning("\(target.url.absoluteString): \(error.code): \(error.reason)")
            let problem = ScanProblem(url: target.url.absoluteString, kind: error.code.rawValue, message: error.reason)
            return .failed(target, problems: [problem], hops: error.hops)
        } catch let error as PortcullisError {
            let problem = ScanProblem(url: target.url.absoluteString, kind: "file", message: error.description)
            return .failed(target, problems: [problem])
        } catch {
            let problem = ScanProblem(url: target.url.absoluteString, kind: "internal", message: "\(error)")
            return .failed(target, problems: [problem])
        }
        if exchange.bodyTruncated {
            problems.append(
                ScanProblem(
                    url: exchange.finalURL.absoluteString,
                    kind: "body-truncated",
                    message:
                        "the body exceeded the cap of \(plan.limits.maxBodyBytes) bytes; "
                        + "only the first part was checked"
                )
            )
        }
        if let reason = exchange.redirectNotFollowed {
            problems.append(
                ScanProblem(url: exchange.finalURL.absoluteString, kind: "redirect-not-followed", message: reason)
            )
        }
        let document = exchange.isHTML ? HTMLDocument(data: exchange.body, httpCharset: exchange.charset) : nil
        let page = Page(exchange: exchange, document: document)
        let observations = checks.flatMap { $0.check(page) }
        return TargetScan(
            result: TargetResult(target: target, exchange: exchange),
            observations: observations,
            problems: problems
        )
    }
}

/// What scanning one target produced.
struct TargetScan: Sendable {
    var result: TargetResult
    var observations: [Observation]
    var problems: [ScanProblem]

    static func failed(_ target: Target, problems: [ScanProblem], hops: [ResponseHop] = []) -> TargetScan {
        var result = TargetResult(provider: target.provider, url: target.url.absoluteString, status: .failed)
        result.redirects = hops.map { "\($0.status) \($0.url.absoluteString)" }
        return TargetScan(result: result, observations: [], problems: problems)
    }
}

extension TargetResult {
    init(target: Target, exchange: Exchange) {
        self.init(
            provider: target.provider,
            url: target.url.absoluteString,
            status: .scanned,
            finalURL: exchange.finalURL.absoluteString,
            httpStatus: exchange.response.status,
            httpVersion: exchange.response.httpVersion,
            redirects: exchange.hops.dropLast().map { "\($0.status) \($0.url.absoluteString)" },
            tlsVersion: exchange.tls?.version,
            tlsCipher: exchange.tls?.cipher,
            peerCertificateCount: exchange.tls?.peerCertificatesPEM.count,
            timings: exchange.finalURL.isFileURL ? nil : exchange.timings,
            bodyBytes: exchange.body.count
        )
    }
}
