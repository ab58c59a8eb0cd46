import Crawl
import Foundation
import Logging
import PortcullisCore
import PortcullisHTTP

extension ProviderCrawler {
    /// Whether robots.txt lets the crawl fetch `url`; reads the origin's robots.txt (and sitemaps) on first use.
    func robotsAllow(_ url: URL, state: inout State, normalizer: URLNormalizer) async -> Bool {
        guard let origin = Origin(url) else { return true }
        let policy: RobotsPolicy
        if let known = state.robots[origin.description] {
            policy = known
        } else {
            policy = await loadRobots(of: origin, state: &state, normalizer: normalizer)
        }
        return !provider.obeysRobots || policy.allows(url, userAgent: Self.robotsAgent)
    }

    /// Fetches and parses `origin`'s robots.txt, reports what it disallows, and seeds the frontier from sitemaps.
    ///
    /// A missing, failing or non-2xx robots.txt allows everything (RFC 9309 §2.3.1.3 treats 4xx that way; 5xx
    /// should disallow, but a scanner that stopped at every broken robots.txt would check nothing: recorded).
    @discardableResult
    func loadRobots(of origin: Origin, state: inout State, normalizer: URLNormalizer) async -> RobotsPolicy {
        if let known = state.robots[origin.description] { return known }
        state.robots[origin.description] = .allowAll
        guard let robotsURL = URL(string: "\(origin)/robots.txt") else { return .allowAll }
        var policy = RobotsPolicy.allowAll
        var foundAt = robotsURL
        do {
            let scope = state.scope
            let exchange = try await visitor.client.fetch(robotsURL, headers: visitor.headers) { scope.contains($0) }
            foundAt = exchange.finalURL
            if (200...299).contains(exchange.response.status) {
                policy = RobotsPolicy.parse(exchange.body)
                if policy.truncated || policy.invalidLineCount > 0 {
                    state.problems.append(
                        ScanProblem(
                            url: robotsURL.absoluteString,
                            kind: "robots-txt",
                            message: "robots.txt "
                                + (policy.truncated ? "exceeds the 500 KiB parse limit and was cut; " : "")
                                + "\(policy.invalidLineCount) lines not understood"
                        )
                    )
                }
            } else if exchange.response.status >= 500 {
                state.problems.append(
                    ScanProblem(
                        url: robotsURL.absoluteString,
                        kind: "robots-txt",
                        message: "robots.txt answered \(exchange.response.status); crawled as if it allowed everything"
                    )
                )
            }
        } catch {
            logger.debug("\(robotsURL.absoluteString): \(error)")
        }
        state.robots[origin.description] = policy
        let rules = policy.disallowRules(for: Self.robotsAgent).filter { !$0.isEmpty }
        if !rules.isEmpty {
            state.crawlObservations.append(
                .failed(
                    CrawlRules.robotsDisallowed,
                    at: foundAt,
                    "robots.txt disallows \(rules.count) path pattern(s) for Portcullis"
                        + (provider.obeysRobots ? "; they were not crawled" : "; ignored (--ignore-robots)"),
                    snippet: rules.prefix(20).map { "Disallow: \($0)" }.joined(separator: "\n")
                )
            )
        }
        if provider.readsSitemaps, provider.crawls {
            await seedFromSitemaps(policy.sitemaps, origin: origin, state: &state, normalizer: normalizer)
        }
        return policy
    }

    /// Reads the sitemaps robots.txt names (or `/sitemap.xml`), following sitemap indexes, and queues their pages.
    private func seedFromSitemaps(
        _ listed: [URL],
        origin: Origin,
        state: inout State,
        normalizer: URLNormalizer
    )
        async
    {
        let scope = state.scope
        var pending = listed.filter { scope.contains($0) }
        if pending.isEmpty, let fallback = URL(string: "\(origin)/sitemap.xml") { pending = [fallback] }
        var read = 0
        while !pending.isEmpty, read < Self.maxSitemaps {
            let sitemapURL = pending.removeFirst()
            read += 1
            guard
                let exchange = try? await visitor.client.fetch(
                    sitemapURL,
                    headers: visitor.headers,
                    allowRedirect: {
                        scope.contains($0)
                    }
                ),
                (200...299).contains(exchange.response.status)
            else { continue }
            let sitemap = SitemapParser.parse(exchange.body)
            for problem in sitemap.problems {
                state.problems.append(ScanProblem(url: sitemapURL.absoluteString, kind: "sitemap", message: problem))
            }
            pending += sitemap.sitemaps.filter { scope.contains($0) }
            for page in sitemap.pages {
                guard let url = normalizer.normalize(page), !state.frontier.hasSeen(url) else { continue }
                guard scope.contains(url) else {
                    state.summary.skip("out-of-scope", url.absoluteString)
                    continue
                }
                state.frontier.add(url, depth: 1, priority: .sitemap, referrer: sitemapURL)
            }
        }
    }
}
