import CheckSupport
import Crawl
import Foundation
import PortcullisCore
import PortcullisHTML
import PortcullisHTTP

/// What visiting one URL produced: everything the crawl needs, nothing it would have to keep per page.
struct PageVisit: Sendable {
    /// What the target looked like, for entry URLs listed in reports.
    var result: TargetResult
    /// Failed observations of the page checks (passed ones are not kept).
    var observations: [Observation]
    var problems: [ScanProblem]
    /// Links to consider crawling; empty for failed fetches and non-HTML bodies without link headers.
    var links: [URL]
    /// Links left out because the page had more than the per-page cap.
    var omittedLinks = 0
    /// The final URL after redirects, when it differs from the requested one.
    var finalURL: URL?
    /// The body, for near-duplicate detection; dropped by the crawl right after.
    var body: Data
    /// Whether the final response was HTML (parsed and checked as a page).
    var isHTML: Bool
    /// The final status code, if a response arrived.
    var status: Int?
    /// The `Retry-After` header of a 429 or 503 response.
    var retryAfter: String?
    /// Where a redirect was refused because it left the scope.
    var refusedRedirect: String?
    /// The Observatory-compatible grade of the page's origin, for entry pages.
    var grade: OriginGrade?
    /// HSTS or the HTTPS redirect of an entry page's first response, for the TLS host probe's cross-check.
    var transport: TransportSecurity? = nil

    var failed: Bool { result.status == .failed }
}

/// Fetches one URL (or reads one local file), runs the page checks and extracts links.
///
/// Runs in a child task; the parsed document never leaves it.
struct PageVisitor: Sendable {
    let client: HTTPClient
    let checks: [any PageCheck]
    let limits: FetchLimits
    let headers: [HeaderField]
    /// Whether links are followed (subresources are always recorded for the checks).
    let extractsLinks: Bool
    /// Grades entry pages as the Observatory would.
    let grading: ObservatoryGrading
    /// The plan's suppressions, applied to every page's observations.
    var suppressions: SuppressionMatcher

    func visit(
        _ url: URL,
        provider: String,
        grades: Bool = false,
        allowRedirect: @escaping @Sendable (URL) -> Bool
    ) async -> PageVisit {
        let target = Target(provider: provider, url: url)
        let exchange: Exchange
        do {
            if url.isFileURL {
                exchange = try LocalFile.read(url, maxBytes: limits.maxBodyBytes)
            } else {
                exchange = try await client.fetch(url, headers: headers, allowRedirect: allowRedirect)
            }
        } catch let error as HTTPError {
            let problem = ScanProblem(url: url.absoluteString, kind: error.code.rawValue, message: error.reason)
            return .failure(target, problem: problem, hops: error.hops)
        } catch let error as PortcullisError {
            return .failure(
                target,
                problem: ScanProblem(url: url.absoluteString, kind: "file", message: error.description)
            )
        } catch {
            return .failure(
                target,
                problem: ScanProblem(url: url.absoluteString, kind: "internal", message: "\(error)")
            )
        }
        var problems: [ScanProblem] = []
        if exchange.bodyTruncated {
            problems.append(
                ScanProblem(
                    url: exchange.finalURL.absoluteString,
                    kind: "body-truncated",
                    message:
                        "the body exceeded the cap of \(limits.maxBodyBytes) bytes; only the first part was checked"
                )
            )
        }
        if let reason = exchange.redirectNotFollowed {
            problems.append(
                ScanProblem(url: exchange.finalURL.absoluteString, kind: "redirect-not-followed", message: reason)
            )
        }
        let document = exchange.isHTML ? HTMLDocument(data: exchange.body, httpCharset: exchange.charset) : nil
        let discovered = LinkExtractor.extract(
            from: document,
            headers: exchange.response.headers,
            url: exchange.finalURL
        )
        let page = Page(exchange: exchange, document: document, subresources: discovered.subresources)
        let observations = suppressions.apply(
            checks.flatMap { $0.check(page) }.filter { $0.outcome == .failed || $0.outcome == .needsReview },
            document: document
        )
        var links: [URL] = []
        if extractsLinks {
            links = discovered.pages
            if let location = exchange.response.location, exchange.redirectNotFollowed != nil,
                let target = URL(string: location, relativeTo: exchange.finalURL)?.absoluteURL
            {
                links.append(target)
            }
        }
        let status = exchange.response.status
        return PageVisit(
            result: TargetResult(target: target, exchange: exchange),
            observations: observations,
            problems: problems,
            links: links,
            omittedLinks: extractsLinks ? discovered.omitted : 0,
            finalURL: exchange.finalURL == url ? nil : exchange.finalURL,
            body: exchange.body,
            isHTML: document != nil,
            status: status,
            retryAfter: status == 429 || status == 503 ? exchange.response.value(of: "Retry-After") : nil,
            refusedRedirect: exchange.redirectNotFollowed.flatMap { _ in exchange.response.location },
            grade: grades ? grading.grade(page) : nil,
            transport: grades ? TransportSecurity(exchange) : nil
        )
    }
}

extension PageVisit {
    static func failure(_ target: Target, problem: ScanProblem, hops: [ResponseHop] = []) -> PageVisit {
        var result = TargetResult(provider: target.provider, url: target.url.absoluteString, status: .failed)
        result.redirects = hops.map { "\($0.status) \($0.url.absoluteString)" }
        return PageVisit(
            result: result,
            observations: [],
            problems: [problem],
            links: [],
            finalURL: nil,
            body: Data(),
            isHTML: false,
            status: hops.last?.status,
            retryAfter: nil,
            refusedRedirect: nil
        )
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
