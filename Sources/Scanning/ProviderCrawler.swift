import Crawl
import Foundation
import Logging
import PortcullisCore
import PortcullisHTTP
import SSOChecks
import TLSChecks

/// What crawling one provider produced.
struct ProviderOutcome: Sendable {
    /// One result per entry URL, in plan order.
    var targets: [TargetResult]
    var findings: FindingAccumulator
    var problems: [ScanProblem]
    var summary: CrawlSummary
    /// Observatory grades of the entry pages' origins.
    var grades: [OriginGrade]
    /// The TLS host probe's summary of each HTTPS origin of the entry URLs.
    var tls: [TLSHostSummary] = []
}

/// Crawls one provider: a breadth-first walk from its entry URLs, within its scope and budget, politely
/// (robots.txt, rate limit, back-off) and safely (trap guards, redirect scope), checking every page on the way.
///
/// One driver loop owns all crawl state; fetching, parsing and checking run in child tasks, at most
/// `budget.concurrency` at once. Memory grows only with the frontier's compact URL set and the findings.
struct ProviderCrawler {
    /// The user-agent product token robots.txt groups are matched against.
    static let robotsAgent = "Portcullis"
    /// Attempts per URL when the server answers 429 or 503.
    static let maxAttempts = 3
    /// Problems kept per provider; the count of errors covers the rest.
    static let maxProblems = 200
    /// Sitemap documents read per origin (an index and the sitemaps it lists).
    static let maxSitemaps = 10

    let provider: ProviderPlan
    /// The scope the plan declares; entry redirects to another origin of the same host widen it (`State.scope`).
    let declaredScope: CrawlScope
    let visitor: PageVisitor
    let engine: RuleEngine
    let logger: Logger
    let progress: (@Sendable (ScanProgress) -> Void)?
    /// The check families the plan runs (nil = all).
    let families: Set<Family>?
    /// The TLS host probe, nil when TLS is not probed (no rules folder, or not selected).
    let tlsProbe: TLSHostProbe?

    private enum Event: Sendable {
        case visited(FrontierEntry, attempt: Int, PageVisit)
        case deadline
    }

    /// Everything the driver loop mutates, kept together so the loop reads as the algorithm.
    struct State {
        var scope: CrawlScope
        var frontier = Frontier()
        var trapGuard = TrapGuard()
        var buckets: [String: TokenBucket] = [:]
        var robots: [String: RobotsPolicy] = [:]
        var retries: [(entry: FrontierEntry, attempt: Int)] = []
        var entryResults: [URL: TargetResult] = [:]
        var grades: [String: OriginGrade] = [:]
        /// Entry pages' HSTS and HTTPS redirects, for the TLS cross-check.
        var transport: [TransportSecurity] = []
        var summary: CrawlSummary
        var problems: [ScanProblem] = []
        /// Observations the crawler itself makes (robots.txt), folded into findings at the end.
        var crawlObservations: [Observation] = []
        /// Entry pages whose answer was a redirect to a login (OAuth/OIDC or SAML), for the SSO probe.
        var ssoEntries: [URL] = []
        var dispatched = 0
        var inFlight = 0
        var stopped = false
    }

    init(
        provider: ProviderPlan,
        visitor: PageVisitor,
        engine: RuleEngine,
        logger: Logger,
        progress: (@Sendable (ScanProgress) -> Void)?,
        families: Set<Family>? = nil,
        tlsProbe: TLSHostProbe? = nil
    ) throws(PortcullisError) {
        self.families = families
        self.tlsProbe = tlsProbe
        self.provider = provider
        self.declaredScope = try CrawlScope(
            kind: try CrawlScope.parseKind(provider.scope.kind),
            entries: provider.entryURLs,
            include: provider.scope.include,
            exclude: provider.scope.exclude
        )
        self.visitor = visitor
        self.engine = engine
        self.logger = logger
        self.progress = progress
    }

    func run() async -> ProviderOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        let normalizer = URLNormalizer(sortsQueryKeys: provider.sortsQueryKeys)
        var state = State(scope: declaredScope, summary: CrawlSummary(provider: provider.name))
        var findings = FindingAccumulator(engine: engine)
        for url in provider.entryURLs {
            state.frontier.add(url.isFileURL ? url : (normalizer.normalize(url) ?? url), depth: 0, priority: .entry)
        }
        let budget = provider.budget
        let deadline = start + .seconds(budget.maxDuration)

        // Host probes, once per origin of the entry URLs: TLS runs beside the crawl; CORS and robots.txt first.
        let httpsOrigins = Array(Set(provider.entryURLs.compactMap(Origin.init).filter { $0.scheme == "https" }))
        // In a TLS-only sweep the probe goes first: the entry fetch must not hold a single-threaded server's only
        // connection while the probe waits for it.
        let sequentialTLS = tlsOnly ? await probeTLS(httpsOrigins.sorted()) : []
        async let concurrentTLS = tlsOnly ? [] : probeTLS(httpsOrigins.sorted())
        var probed: Set<Origin> = []
        for url in provider.entryURLs {
            guard let origin = Origin(url), origin.scheme != "file", probed.insert(origin).inserted else { continue }
            if runs(.headers) {
                state.crawlObservations += await CORSProbe(client: visitor.client, headers: provider.headers)
                    .probe(url)
            }
            if provider.crawls { await loadRobots(of: origin, state: &state, normalizer: normalizer) }
        }

        await withTaskGroup(of: Event.self) { group in
            group.addTask {
                try? await Task.sleep(until: deadline, clock: .continuous)
                return .deadline
            }
            while true {
                while !state.stopped, state.inFlight < max(1, budget.concurrency) {
                    guard let (entry, attempt) = nextEntry(&state) else { break }
                    if let stop = budgetStop(state, elapsed: clock.now - start) {
                        state.frontier.add(entry.url, depth: entry.depth, priority: entry.priority)
                        halt(&state, stop)
                        break
                    }
                    if entry.priority != .entry, !entry.url.isFileURL,
                        !(await robotsAllow(entry.url, state: &state, normalizer: normalizer))
                    {
                        state.summary.skip("robots", entry.url.absoluteString)
                        continue
                    }
                    await pace(entry.url, state: &state, clock: clock)
                    state.dispatched += 1
                    state.inFlight += 1
                    let visitor = self.visitor
                    let name = provider.name
                    let allowRedirect = redirectRule(for: entry, scope: state.scope)
                    group.addTask {
                        let visit = await visitor.visit(
                            entry.url,
                            provider: name,
                            grades: entry.priority == .entry,
                            allowRedirect: allowRedirect
                        )
                        return .visited(entry, attempt: attempt, visit)
                    }
                }
                if state.inFlight == 0 { break }
                guard let event = await group.next() else { break }
                switch event {
                case .deadline:
                    halt(
                        &state,
                        CrawlStop(limit: "max-time", detail: "the crawl reached its \(Int(budget.maxDuration)) s limit")
                    )
                    group.cancelAll()
                case .visited(let entry, let attempt, let visit):
                    state.inFlight -= 1
                    record(
                        visit,
                        of: entry,
                        attempt: attempt,
                        state: &state,
                        findings: &findings,
                        normalizer: normalizer
                    )
                    report(state, elapsed: clock.now - start, done: false)
                }
            }
            group.cancelAll()
        }

        findings.add(contentsOf: visitor.suppressions.apply(state.crawlObservations, document: nil))
        findings.add(contentsOf: visitor.suppressions.apply(await probeSSO(detected: state.ssoEntries), document: nil))
        let tls = judgeTLS(sequentialTLS + (await concurrentTLS), state: &state, findings: &findings)
        state.summary.notReached = state.frontier.queuedCount + state.retries.count
        state.summary.durationSeconds = (clock.now - start).seconds
        report(state, elapsed: clock.now - start, done: true)
        var targets = provider.entryURLs.map { url in
            state.entryResults[url]
                ?? TargetResult(provider: provider.name, url: url.absoluteString, status: .failed)
        }
        if tlsOnly { settleTLSOnlyTargets(&targets, probed: Set(tls.map(\.host)), state: &state) }
        return ProviderOutcome(
            targets: targets,
            findings: findings,
            problems: state.problems,
            summary: state.summary,
            grades: state.grades.values.sorted { $0.origin < $1.origin },
            tls: tls
        )
    }

    /// Whether only the TLS family runs (`--only tls`): entry pages are fetched just for HSTS and redirects.
    private var tlsOnly: Bool { ![Family.headers, .csp, .accessibility, .crawl].contains(where: runs) }

    /// In a TLS-only sweep an HTTPS target counts as scanned when its TLS probe succeeded, even if the page fetch
    /// failed certificate verification: the TLS findings say exactly what is wrong, so the fetch error is dropped.
    private func settleTLSOnlyTargets(_ targets: inout [TargetResult], probed: Set<String>, state: inout State) {
        var settled: Set<String> = []
        for index in targets.indices where targets[index].status == .failed {
            guard let url = URL(string: targets[index].url), let origin = Origin(url), origin.scheme == "https",
                probed.contains("\(origin.host):\(origin.port ?? 443)")
            else { continue }
            targets[index].status = .scanned
            settled.insert(targets[index].url)
        }
        state.problems.removeAll { settled.contains($0.url) && $0.kind.hasPrefix("tls") }
    }

    /// The SSO probe (login redirects, callback, logout, identity provider), after the crawl, when the plan runs
    /// the SSO family and either has an `sso:` block or an entry page redirected to a login (`detected`): a
    /// public site without single sign-on gets no SSO findings and costs no extra request.
    private func probeSSO(detected: [URL]) async -> [Observation] {
        guard runs(.sso), provider.sso != nil || !detected.isEmpty else { return [] }
        var provider = self.provider
        if provider.sso == nil { provider.sso = SSOPolicy(protectedURLs: detected) }
        return await SSOHostProbe(client: visitor.client, provider: provider).run()
    }

    /// Whether the plan runs `family`'s rules.
    private func runs(_ family: Family) -> Bool { families?.contains(family) ?? true }

    /// Probes each HTTPS origin's TLS, at most two origins at once (each probe keeps its own per-host limit).
    private func probeTLS(_ origins: [Origin]) async -> [TLSHostProbe.Outcome] {
        guard let tlsProbe, runs(.tls), !origins.isEmpty else { return [] }
        return await withTaskGroup(of: TLSHostProbe.Outcome.self) { group in
            var outcomes: [TLSHostProbe.Outcome] = []
            var pending = origins[...]
            for _ in 0..<2 {
                guard let origin = pending.popFirst() else { break }
                group.addTask { await tlsProbe.probe(origin) }
            }
            for await outcome in group {
                outcomes.append(outcome)
                if let origin = pending.popFirst() { group.addTask { await tlsProbe.probe(origin) } }
            }
            return outcomes.sorted { $0.origin < $1.origin }
        }
    }

    /// Judges the TLS probes with the entry pages' HSTS and HTTPS redirects; returns the summary rows.
    ///
    /// HSTS presence and the HTTP→HTTPS redirect are page rules of the header family; the TLS family reports
    /// them itself only when the header family does not run (`--only tls`), so a full scan does not say it twice.
    private func judgeTLS(
        _ outcomes: [TLSHostProbe.Outcome],
        state: inout State,
        findings: inout FindingAccumulator
    ) -> [TLSHostSummary] {
        guard let tlsProbe, runs(.tls) else { return [] }
        var transport: [Origin: TransportSecurity] = [:]
        for visit in state.transport { transport[visit.origin] = transport[visit.origin] ?? visit }
        let crossCheck = !runs(.headers)
        var rows: [TLSHostSummary] = []
        for outcome in outcomes {
            if let problem = outcome.problem { state.problems.append(problem) }
            guard let scan = outcome.scan, outcome.problem == nil else { continue }
            let url = TLSHostProbe.url(of: outcome.origin)
            let facts = TLSFactsMapping.facts(scan, url: url, hsts: transport[outcome.origin]?.hsts)
            let observations = tlsProbe.judge.observations(facts)
            findings.add(
                contentsOf: visitor.suppressions.apply(
                    observations.filter { crossCheck || $0.ruleID != "tls.hsts.missing" },
                    document: nil
                )
            )
            rows.append(
                TLSFactsMapping.summary(
                    scan,
                    facts: facts,
                    observations: observations,
                    profile: tlsProbe.judge.profile.name,
                    registry: tlsProbe.judge.registry
                )
            )
        }
        if crossCheck {
            for entry in transport.values where entry.redirectsToHTTPS == false {
                var facts = TLSFacts(url: TLSHostProbe.url(of: entry.origin))
                facts.httpRedirectsToHTTPS = false
                findings.add(contentsOf: tlsProbe.judge.observations(facts))
            }
        }
        return rows
    }

    // MARK: The steps of the loop

    /// Redirects stay in scope; an entry URL may also move to another scheme or port of its own host (the usual
    /// `http://` to `https://` upgrade), which then joins the scope.
    private func redirectRule(for entry: FrontierEntry, scope: CrawlScope) -> @Sendable (URL) -> Bool {
        guard entry.priority == .entry else { return { scope.contains($0) } }
        let host = entry.url.host(percentEncoded: false)?.lowercased()
        return { url in
            scope.contains(url)
                || (url.host(percentEncoded: false)?.lowercased() == host
                    && ["http", "https"].contains(url.scheme ?? ""))
        }
    }

    private func nextEntry(_ state: inout State) -> (FrontierEntry, Int)? {
        if !state.retries.isEmpty {
            let retry = state.retries.removeFirst()
            return (retry.entry, retry.attempt)
        }
        return state.frontier.next().map { ($0, 1) }
    }

    /// The budget limit that forbids dispatching another request, if any.
    private func budgetStop(_ state: State, elapsed: Duration) -> CrawlStop? {
        let budget = provider.budget
        if state.dispatched >= budget.maxPages {
            return CrawlStop(limit: "max-pages", detail: "the crawl fetched its limit of \(budget.maxPages) responses")
        }
        if state.summary.bytes >= budget.maxBytes {
            return CrawlStop(limit: "max-bytes", detail: "the crawl received its limit of \(budget.maxBytes) bytes")
        }
        if elapsed.seconds >= budget.maxDuration {
            return CrawlStop(limit: "max-time", detail: "the crawl reached its \(Int(budget.maxDuration)) s limit")
        }
        return nil
    }

    private func halt(_ state: inout State, _ stop: CrawlStop) {
        guard !state.stopped else { return }
        state.stopped = true
        state.summary.stops.append(stop)
        logger.info("\(provider.name): \(stop.detail)")
    }

    /// Waits for the host's token bucket (rate limit and back-off).
    private func pace(_ url: URL, state: inout State, clock: ContinuousClock) async {
        let host = url.host(percentEncoded: false) ?? ""
        let rate = provider.budget.requestsPerSecond
        // A rate of 0 means no limit; the bucket still applies 429/503 back-off.
        var bucket = state.buckets[host] ?? TokenBucket(ratePerSecond: rate, burst: max(1, Int(rate.rounded(.up))))
        let wait = bucket.reserve(at: clock.now)
        state.buckets[host] = bucket
        if wait > .zero { try? await Task.sleep(for: wait) }
    }

    /// Folds one visit into the crawl: findings, counters, problems, retries, and the links it found.
    private func record(
        _ visit: PageVisit,
        of entry: FrontierEntry,
        attempt: Int,
        state: inout State,
        findings: inout FindingAccumulator,
        normalizer: URLNormalizer
    ) {
        if entry.priority == .entry || entry.depth == 0 {
            state.entryResults[entry.url] = visit.result
            if let refused = visit.refusedRedirect, SSOHostProbe.isLoginRedirect(refused) {
                state.ssoEntries.append(entry.url)
            }
            if let transport = visit.transport { state.transport.append(transport) }
        }
        if let grade = visit.grade, state.grades[grade.origin].map({ grade.url < $0.url }) ?? true {
            state.grades[grade.origin] = grade
        }
        let host = entry.url.host(percentEncoded: false) ?? ""
        if let status = visit.status, status == 429 || status == 503, attempt < Self.maxAttempts {
            state.buckets[host]?.backOff(retryAfter: visit.retryAfter, at: ContinuousClock().now)
            state.retries.append((entry, attempt + 1))
            return
        }
        state.buckets[host]?.recordSuccess()
        findings.add(contentsOf: visit.observations)
        if state.problems.count < Self.maxProblems {
            state.problems += visit.problems.prefix(Self.maxProblems - state.problems.count)
        }
        if visit.failed {
            state.summary.errors += 1
            return
        }
        state.summary.bytes += visit.body.count
        if visit.isHTML { state.summary.pages += 1 } else { state.summary.otherResponses += 1 }
        if let finalURL = visit.finalURL, let normalized = normalizer.normalize(finalURL) {
            state.frontier.markSeen(normalized)
            if entry.priority == .entry, !state.scope.contains(normalized),
                let widened = try? CrawlScope(
                    kind: CrawlScope.parseKind(provider.scope.kind),
                    entries: provider.entryURLs + [normalized],
                    include: provider.scope.include,
                    exclude: provider.scope.exclude
                )
            {
                state.scope = widened
            }
        }
        if visit.omittedLinks > 0 {
            state.summary.skip("links-over-page-cap", entry.url.absoluteString, count: visit.omittedLinks)
        }
        if let refused = visit.refusedRedirect {
            state.summary.skip("redirect-out-of-scope", refused)
        }
        if visit.isHTML, let duplicate = state.trapGuard.recordContent(visit.body, url: entry.url) {
            state.summary.skip(duplicate.kind, entry.url.absoluteString)
            return
        }
        // The trap guard tracks growth by the URL it was asked about, so the referrer is the queued URL itself.
        enqueue(
            visit.links,
            from: entry.url,
            depth: entry.depth + 1,
            state: &state,
            normalizer: normalizer
        )
    }

    /// Queues the links worth crawling; counts every one that is not, by reason.
    private func enqueue(_ links: [URL], from referrer: URL, depth: Int, state: inout State, normalizer: URLNormalizer)
    {
        for link in links {
            guard let url = normalizer.normalize(link) else {
                state.summary.skip("unsupported-url", link.absoluteString)
                continue
            }
            if state.frontier.hasSeen(url) { continue }
            guard state.scope.contains(url) else {
                state.summary.skip("out-of-scope", url.absoluteString)
                continue
            }
            guard depth <= provider.budget.maxDepth else {
                state.summary.skip("max-depth", url.absoluteString)
                continue
            }
            if let trap = state.trapGuard.verdict(for: url, referrer: referrer) {
                state.summary.skip(trap.kind, url.absoluteString)
                continue
            }
            state.frontier.add(url, depth: depth, priority: .link, referrer: referrer)
        }
    }

    private func report(_ state: State, elapsed: Duration, done: Bool) {
        guard let progress else { return }
        let seconds = max(elapsed.seconds, 0.001)
        progress(
            ScanProgress(
                provider: provider.name,
                pages: state.summary.pages + state.summary.otherResponses,
                queued: state.frontier.queuedCount,
                errors: state.summary.errors,
                pagesPerSecond: Double(state.summary.pages + state.summary.otherResponses) / seconds,
                finished: done
            )
        )
    }
}
