import CheckSupport
import Crawl
import DemoProviders
import Foundation
import HeaderChecks
import PortcullisCore
import PortcullisHTTP
import Scanning
import TestSupport
import Testing

/// Crawls of the demo providers and the hostile fixture server, through the real pipeline on loopback.
@Suite(.timeLimit(.minutes(3)))
struct CrawlPipelineTests {
    static let limits = FetchLimits(connectTimeout: 5, totalTimeout: 5, maxBodyBytes: 1024 * 1024)

    static func crawl(_ providers: [ProviderPlan], zoo: DemoProviderZoo) async throws -> ScanResult {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let caFile = directory.appendingPathComponent("ca.pem")
        try zoo.writeCACertificate(to: caFile)
        let plan = ScanPlan(providers: providers, limits: limits, caFile: caFile.path)
        return try await ScanRunner(plan: plan, catalog: try RuleCatalog.load(directory: TestPaths.rules)).run()
    }

    static func provider(
        _ name: String,
        _ entries: [URL],
        budget: CrawlBudget = CrawlBudget(maxPages: 400, maxDuration: 60, requestsPerSecond: 0),
        sitemaps: Bool = true,
        scope: String = "origin"
    ) -> ProviderPlan {
        ProviderPlan(
            name: name,
            entryURLs: entries,
            scope: ScopeSpec(kind: scope),
            budget: budget,
            readsSitemaps: sitemaps
        )
    }

    @Test func goodProviderIsCrawledCleanThroughLinksAndSitemaps() async throws {
        let (withSitemaps, withoutSitemaps) = try await ScanPipelineTests.withZoo { zoo in
            (
                try await Self.crawl([Self.provider("good", [zoo.good.httpURL, zoo.good.httpsURL])], zoo: zoo),
                try await Self.crawl(
                    [Self.provider("good", [zoo.good.httpsURL], sitemaps: false)],
                    zoo: zoo
                )
            )
        }
        let crawl = try #require(withSitemaps.crawls.first)
        #expect(crawl.pages >= 30, "\(crawl)")
        #expect(crawl.errors == 0)
        #expect(crawl.stops.isEmpty, "the site is finite: the crawl ends by itself")
        #expect(crawl.skipped["robots", default: 0] >= 1)
        #expect(crawl.skippedExamples["robots"]?.allSatisfy { $0.contains("/private/") } == true)
        #expect(withSitemaps.findings.map(\.ruleID) == ["crawl.robots-disallowed"], "only the info about robots.txt")
        #expect(withSitemaps.grades.map(\.grade) == ["A+"], "\(withSitemaps.grades)")
        let withoutCrawl = try #require(withoutSitemaps.crawls.first)
        #expect(crawl.pages > withoutCrawl.pages, "pages listed only in the sitemaps are reached through them")
    }

    @Test func badProviderTrapsOutOfScopeLinksAndSSRFBaitAreSkipped() async throws {
        let result = try await ScanPipelineTests.withZoo { zoo in
            try await Self.crawl([Self.provider("bad", [zoo.bad.httpsURL, zoo.bad.httpURL])], zoo: zoo)
        }
        let crawl = try #require(result.crawls.first)
        #expect(crawl.stops.isEmpty, "traps are cut off before the page budget: \(crawl.stops)")
        #expect(crawl.pages >= 20)
        #expect(crawl.skipped["out-of-scope", default: 0] >= 2)
        #expect(crawl.skipped["redirect-out-of-scope", default: 0] >= 1)
        let examples = crawl.skippedExamples.values.flatMap { $0 }.joined(separator: " ")
        #expect(examples.contains("169.254.169.254"), "the metadata redirect is evidence, never fetched")
        let trapKinds = ["calendar", "repeated-path-segments", "growing-query", "duplicate-content", "too-long-url"]
        #expect(trapKinds.contains { crawl.skipped[$0, default: 0] > 0 }, "\(crawl.skipped)")
        let rules = Set(result.findings.map(\.ruleID.rawValue))
        #expect(
            rules.isSuperset(of: [
                "headers.csp-missing", "a11y.image-alt", "crawl.robots-disallowed",
                "headers.cors-origin-reflected-with-credentials", "headers.cors-null-origin-trusted",
                "headers.sri-missing", "headers.mixed-content-passive", "headers.https-redirect-missing",
            ]),
            "\(rules.sorted())"
        )
        #expect(result.grades.map(\.grade) == ["F"], "only the HTTPS entry origin is graded: \(result.grades)")
        let hsts = try #require(result.findings.first { $0.ruleID == "headers.hsts-missing" })
        #expect(hsts.occurrences >= 10, "one finding aggregates every page of the origin")
    }

    @Test func hostileFixturesAreBoundedReportedAndKept() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try await ScanPipelineTests.withZoo { zoo in
            try await Self.crawl(
                [
                    Self.provider(
                        "fixtures",
                        [zoo.fixturesHTTP.appendingPathComponent("crawl/start")],
                        budget: CrawlBudget(maxPages: 80, maxDepth: 50, maxDuration: 60, requestsPerSecond: 0),
                        sitemaps: false
                    )
                ],
                zoo: zoo
            )
        }
        #expect(clock.now - start < .seconds(90))
        let crawl = try #require(result.crawls.first)
        let kinds = Set(result.problems.map(\.kind))
        #expect(kinds.contains("redirect-loop"), "\(kinds)")
        #expect(kinds.contains("body-truncated"), "\(kinds)")
        #expect(crawl.errors >= 2, "the loop and the reset count as errors")
        #expect(crawl.skipped["robots", default: 0] >= 1)
        #expect(crawl.pages >= 10, "everything reachable was still crawled")
        #expect(!result.findings.isEmpty, "findings from the pages that worked are kept")
    }

    @Test func budgetsStopTheCrawlAndSayWhy() async throws {
        let (pages, depth) = try await ScanPipelineTests.withZoo { zoo in
            let site = zoo.fixturesHTTP.appendingPathComponent("site/0")
            return (
                try await Self.crawl(
                    [
                        Self.provider(
                            "site",
                            [site],
                            budget: CrawlBudget(maxPages: 25, requestsPerSecond: 0),
                            sitemaps: false
                        )
                    ],
                    zoo: zoo
                ),
                try await Self.crawl(
                    [
                        Self.provider(
                            "site",
                            [site],
                            budget: CrawlBudget(maxPages: 1000, maxDepth: 1, requestsPerSecond: 0),
                            sitemaps: false
                        )
                    ],
                    zoo: zoo
                )
            )
        }
        let capped = try #require(pages.crawls.first)
        #expect(capped.stops.map(\.limit) == ["max-pages"])
        #expect(capped.pages + capped.otherResponses + capped.errors == 25)
        #expect(capped.notReached > 0)
        let shallow = try #require(depth.crawls.first)
        #expect(shallow.stops.isEmpty)
        #expect(shallow.skipped["max-depth", default: 0] > 0)
        #expect(shallow.pages < 20)
    }

    @Test func aWholeSiteOfSimilarPagesIsReached() async throws {
        let zoo = try await DemoProviderZoo.start(siteSize: 200)
        let result: ScanResult
        do {
            result = try await Self.crawl(
                [
                    Self.provider(
                        "site",
                        [zoo.fixturesHTTP.appendingPathComponent("site/0")],
                        budget: CrawlBudget(maxPages: 1000, maxDepth: 100, maxDuration: 60, requestsPerSecond: 0),
                        sitemaps: false,
                        scope: "prefix:\(zoo.fixturesHTTP.absoluteString)/site/"
                    )
                ],
                zoo: zoo
            )
        } catch {
            try? await zoo.shutdown()
            throw error
        }
        try await zoo.shutdown()
        let crawl = try #require(result.crawls.first)
        #expect(crawl.pages == 200, "pages that differ only in numbers are not traps: \(crawl.skipped)")
        #expect(crawl.stops.isEmpty)
    }

    @Test func tooManyRequestsIsRetriedWithBackOff() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try await ScanPipelineTests.withZoo { zoo in
            try await Self.crawl(
                [Self.provider("busy", [zoo.fixturesHTTP.appendingPathComponent("status/429")], sitemaps: false)],
                zoo: zoo
            )
        }
        let elapsed = clock.now - start
        // Three attempts with exponential back-off (1 s, then 2 s) between them: never faster than 3 s.
        #expect(elapsed >= .seconds(3), "back-off was not applied: \(elapsed)")
        #expect(elapsed < .seconds(60))
        #expect(result.targets.first?.httpStatus == 429, "the last answer is kept")
    }

    @Test func pagesCarryTheirSubresourcesToTheChecks() async throws {
        /// A check that reports every subresource it is given, so the test sees what the checks see.
        struct SubresourceProbe: PageCheck {
            var rules: [RuleID] { [HeaderRules.cspMissing] }
            func check(_ page: Page) -> [Observation] {
                page.subresources.map {
                    .failed(
                        HeaderRules.cspMissing,
                        at: page.url,
                        "subresource \($0.kind.rawValue)",
                        key: $0.url.absoluteString
                    )
                }
            }
        }
        let result = try await ScanPipelineTests.withZoo { zoo in
            let plan = ScanPlan(targets: [
                Target(provider: "site", url: zoo.fixturesHTTP.appendingPathComponent("site/0"))
            ])
            let catalog = try RuleCatalog.load(directory: TestPaths.rules)
            return try await ScanRunner(
                plan: plan,
                catalog: catalog,
                checks: CheckRegistry.pageChecks(catalog: catalog) + [SubresourceProbe()]
            )
            .run()
        }
        let kinds = Set(result.findings.map(\.message))
        #expect(kinds.isSuperset(of: ["subresource stylesheet", "subresource image"]), "\(kinds)")
    }

    @Test func timeBudgetStopsARateLimitedCrawl() async throws {
        let clock = ContinuousClock()
        var elapsed = Duration.zero
        let result = try await ScanPipelineTests.withZoo { zoo in
            // Timed from here: starting the zoo (a CA generated on a loaded machine) is not the crawl's time.
            let start = clock.now
            defer { elapsed = clock.now - start }
            return try await Self.crawl(
                [
                    Self.provider(
                        "site",
                        [zoo.fixturesHTTP.appendingPathComponent("site/0")],
                        budget: CrawlBudget(maxPages: 1000, maxDuration: 2, requestsPerSecond: 5),
                        sitemaps: false
                    )
                ],
                zoo: zoo
            )
        }
        #expect(elapsed < .seconds(60), "a 2 s budget ends the crawl (loaded CI machines are slow); took \(elapsed)")
        let crawl = try #require(result.crawls.first)
        #expect(crawl.stops.map(\.limit) == ["max-time"])
        #expect(crawl.pages <= 20, "5 requests per second for 2 s, plus the burst")
    }

    @Test func hugeAndMalformedRobotsAndSitemapsAreBounded() async throws {
        try await ScanPipelineTests.withZoo { zoo in
            let limits = FetchLimits(connectTimeout: 5, totalTimeout: 10, maxBodyBytes: 16 * 1024 * 1024)
            let client = try HTTPClient(configuration: HTTPClientConfiguration(limits: limits))
            defer { client.shutdown() }
            func body(_ path: String) async throws -> Data {
                try await client.fetch(zoo.fixturesHTTP.appendingPathComponent(path)).body
            }
            let huge = RobotsPolicy.parse(try await body("crawl/robots/huge"))
            #expect(huge.truncated)
            let garbage = RobotsPolicy.parse(try await body("crawl/robots/garbage"))
            #expect(garbage.allows(zoo.fixturesHTTP.appendingPathComponent("x"), userAgent: "Portcullis"))
            let many = SitemapParser.parse(try await body("crawl/sitemap/huge"), maxURLs: 50_000)
            #expect(many.pages.count <= 50_000)
            #expect(!many.problems.isEmpty, "the cap is reported")
            let malformed = SitemapParser.parse(try await body("crawl/sitemap/malformed"))
            #expect(malformed.pages.count < 1000)
            let bomb = SitemapParser.parse(try await body("crawl/sitemap/bomb"), maxInflatedBytes: 8 * 1024 * 1024)
            #expect(bomb.pages.isEmpty)
            #expect(!bomb.problems.isEmpty, "the inflation cap is reported")
        }
    }
}
