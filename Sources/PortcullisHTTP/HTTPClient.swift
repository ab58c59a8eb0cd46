public import Foundation
public import PortcullisCore

/// Fetches pages for the scanner over libcurl, with every cap a hostile target could abuse in place.
///
/// One client holds one libcurl multi handle driven by its own thread (see `CurlMulti`), so connections
/// are reused across requests and no blocking call ever runs on the Swift concurrency pool. Requests in
/// flight are limited overall and per origin by an async FIFO limiter that cancellation leaves in a
/// consistent state. Redirects are followed by the client itself, not by libcurl, so every hop is
/// recorded and checked against the caller's scope before it is followed.
///
/// Create one client per scan and share it; call ``shutdown()`` when done (deinit does it too).
public final class HTTPClient: Sendable {
    /// The configuration the client was created with.
    public let configuration: HTTPClientConfiguration
    private let multi: CurlMulti
    private let limiter: ConcurrencyLimiter

    /// Starts a client: creates the libcurl multi handle and its thread.
    ///
    /// - Throws: ``HTTPError`` with code `internal` when libcurl cannot be initialised.
    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration()) throws(HTTPError) {
        self.configuration = configuration
        let limits = configuration.limits
        self.limiter = ConcurrencyLimiter(
            maxTotal: limits.maxConcurrentRequests,
            maxPerKey: limits.maxConcurrentRequestsPerHost
        )
        self.multi = try CurlMulti(
            maxTotalConnections: limiter.maxTotal,
            maxHostConnections: limiter.maxPerKey
        )
    }

    deinit {
        multi.shutdown()
    }

    /// Stops the client: requests in flight end with a `cancelled` error, later ones fail at once.
    /// Idempotent, and also done by deinit.
    public func shutdown() {
        multi.shutdown()
    }

    /// Fetches `url` with GET, following redirects itself (NOT `CURLOPT_FOLLOWLOCATION`) so every hop is
    /// recorded and checked against `allowRedirect` before it is followed.
    ///
    /// - Parameters:
    ///   - url: An absolute `http` or `https` URL. `file://` is refused: the scanner reads files itself.
    ///   - headers: Extra request headers, sent on every hop.
    ///   - allowRedirect: Asked before each redirect is followed; when it answers `false` the exchange
    ///     ends at that redirect response, with ``Exchange/redirectNotFollowed`` saying why.
    /// - Returns: Every hop, the final body (decoded, capped at ``FetchLimits/maxBodyBytes``; a longer
    ///   body sets ``Exchange/bodyTruncated`` rather than failing), timings and the TLS session.
    /// - Throws: ``HTTPError`` carrying the hops received before the failure.
    public func fetch(
        _ url: URL,
        headers: [HeaderField] = [],
        allowRedirect: @escaping @Sendable (URL) -> Bool = { _ in true }
    ) async throws(HTTPError) -> Exchange {
        try Self.validate(url)
        let headerLines = try Self.headerLines(headers, url: url)
        let limits = configuration.limits
        // The total timeout covers every hop; its clock starts when the first hop gets a limiter slot, so
        // time spent queued behind other requests does not count against a request.
        var deadline: ContinuousClock.Instant?
        var redirects = RedirectState(initialURL: url, limit: limits.maxRedirects)
        var hops: [ResponseHop] = []
        var current = url
        while true {
            let hopURL = current
            let result = try await transfer(url: hopURL, hops: hops, deadline: &deadline) { remaining in
                TransferRequest(
                    url: hopURL.absoluteString,
                    headerLines: headerLines,
                    userAgent: configuration.userAgent,
                    connectTimeoutMilliseconds: min(Self.milliseconds(limits.connectTimeout), remaining),
                    totalTimeoutMilliseconds: remaining,
                    maxBodyBytes: limits.maxBodyBytes,
                    http2: configuration.http2,
                    caFile: configuration.caFile,
                    addressPolicy: configuration.addressPolicy.forRequest(to: current)
                )
            }
            var parser = ResponseHeadParser()
            for line in result.headerLines {
                parser.consume(bytes: line)
            }
            let head = parser.finalHead
            if let head {
                hops.append(
                    ResponseHop(url: current, status: head.status, httpVersion: head.httpVersion, headers: head.headers)
                )
            }
            if case .failed(let code, let reason) = result.outcome {
                throw HTTPError(code: code, reason: reason, url: current, hops: hops)
            }
            guard let head else {
                throw HTTPError(code: .protocol, reason: "no response status line", url: current, hops: hops)
            }
            var notFollowed: String?
            if RedirectState.isFollowable(status: head.status) {
                let location = hops[hops.count - 1].location
                switch RedirectState.target(of: location, relativeTo: current) {
                case .unusable(let reason):
                    notFollowed = reason
                case .url(let next) where !allowRedirect(next):
                    notFollowed = "redirect to \(next.absoluteString) is out of scope"
                case .url(let next):
                    do {
                        try redirects.follow(to: next)
                    } catch {
                        throw Self.redirectError(error, url: current, hops: hops)
                    }
                    current = next
                    continue
                }
            }
            return Exchange(
                requestURL: url,
                hops: hops,
                body: result.body,
                bodyTruncated: result.bodyTruncated,
                charset: hops[hops.count - 1].value(of: "Content-Type").flatMap { ContentType(parsing: $0).charset },
                timings: result.timings,
                tls: result.tls,
                redirectNotFollowed: notFollowed
            )
        }
    }

    /// Runs one hop inside a limiter slot for its origin.
    ///
    /// - Parameters:
    ///   - deadline: The end of the fetch's total timeout; set from the first hop's start when `nil`.
    ///   - makeRequest: Builds the transfer from the milliseconds left before the deadline.
    private func transfer(
        url: URL,
        hops: [ResponseHop],
        deadline: inout ContinuousClock.Instant?,
        makeRequest: (Int) -> TransferRequest
    ) async throws(HTTPError) -> TransferResult {
        let key = Self.originKey(url)
        do {
            try await limiter.acquire(key: key)
        } catch {
            throw HTTPError(code: .cancelled, reason: "the request was cancelled", url: url, hops: hops)
        }
        defer { limiter.release(key: key) }
        if Task.isCancelled {
            throw HTTPError(code: .cancelled, reason: "the request was cancelled", url: url, hops: hops)
        }
        let clock = ContinuousClock()
        let end = deadline ?? clock.now + .milliseconds(Self.milliseconds(configuration.limits.totalTimeout))
        deadline = end
        let remaining = Self.milliseconds(until: end, clock: clock)
        guard remaining > 0 else {
            throw HTTPError(code: .timeout, reason: "the total timeout ran out between redirects", url: url, hops: hops)
        }
        return await multi.perform(makeRequest(remaining))
    }

    /// The limiter's current counts and peaks (for tests).
    var limiterSnapshot: ConcurrencyLimiter.Snapshot { limiter.snapshot }

    /// Peak requests in flight since the client started, overall and per origin (`scheme://host:port`).
    ///
    /// Diagnostics: lets tests and benchmarks see that the concurrency limits held.
    public var peakConcurrency: (total: Int, perOrigin: [String: Int]) {
        let snapshot = limiter.snapshot
        return (snapshot.peakInFlight, snapshot.peakInFlightByKey)
    }

    // MARK: - Helpers

    /// Refuses what libcurl must never see: no scheme, a scheme other than http(s), no host.
    static func validate(_ url: URL) throws(HTTPError) {
        guard let scheme = url.scheme?.lowercased() else {
            throw HTTPError(code: .invalidURL, reason: "the URL has no scheme", url: url)
        }
        guard scheme == "http" || scheme == "https" else {
            throw HTTPError(
                code: .unsupportedScheme,
                reason: "only http and https are fetched, not \(scheme)",
                url: url
            )
        }
        guard let host = url.host, !host.isEmpty else {
            throw HTTPError(code: .invalidURL, reason: "the URL has no host", url: url)
        }
    }

    /// Turns header fields into `Name: value` lines, refusing names or values that would split the request.
    static func headerLines(_ headers: [HeaderField], url: URL) throws(HTTPError) -> [String] {
        var lines: [String] = []
        for header in headers {
            let name = header.name
            let nameIsToken =
                !name.isEmpty
                && name.unicodeScalars.allSatisfy {
                    $0.isASCII && $0.value > 0x20 && $0.value < 0x7F && $0 != ":"
                }
            guard nameIsToken else {
                throw HTTPError(code: .invalidHeader, reason: "invalid header name \(name.debugDescription)", url: url)
            }
            guard !header.value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
                throw HTTPError(code: .invalidHeader, reason: "header \(name) has a line break in its value", url: url)
            }
            // "Name;" is libcurl's way to send a header with an empty value; "Name:" would remove it.
            lines.append(header.value.isEmpty ? "\(name);" : "\(name): \(header.value)")
        }
        return lines
    }

    /// The limiter key of a URL: `scheme://host:port`, lower-cased, default ports filled in.
    static func originKey(_ url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? "http"
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(url.host?.lowercased() ?? ""):\(port)"
    }

    private static func redirectError(_ failure: RedirectState.Failure, url: URL, hops: [ResponseHop]) -> HTTPError {
        switch failure {
        case .tooManyRedirects(let limit):
            return HTTPError(
                code: .tooManyRedirects,
                reason: "more than \(limit) redirect\(limit == 1 ? "" : "s")",
                url: url,
                hops: hops
            )
        case .loop(let target):
            return HTTPError(
                code: .redirectLoop,
                reason: "redirect back to \(target.absoluteString), already visited",
                url: url,
                hops: hops
            )
        }
    }

    /// Seconds to whole milliseconds, at least 1, with absurd values capped at a day.
    private static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 1 }
        return Int(min(seconds, 86_400) * 1000).clamped(atLeast: 1)
    }

    private static func milliseconds(until deadline: ContinuousClock.Instant, clock: ContinuousClock) -> Int {
        let left = clock.now.duration(to: deadline).components
        return Int(left.seconds) * 1000 + Int(left.attoseconds / 1_000_000_000_000_000)
    }
}

extension Int {
    fileprivate func clamped(atLeast lower: Int) -> Int { Swift.max(lower, self) }
}
