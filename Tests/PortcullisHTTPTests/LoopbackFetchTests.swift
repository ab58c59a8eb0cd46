import DemoProviders
import Foundation
import PortcullisCore
import TestSupport
import Testing

@testable import PortcullisHTTP

/// End-to-end fetches through libcurl against the loopback provider zoo (127.0.0.1 only).
@Suite(.timeLimit(.minutes(1)))
struct LoopbackFetchTests {
    @Test func fetchesAPageOverPlainHTTP() async throws {
        let url = try await SharedZoo.http("ok")
        let exchange = try await withClient { try await $0.fetch(url) }
        #expect(exchange.hops.count == 1)
        #expect(exchange.response.status == 200)
        #expect(exchange.response.httpVersion == "HTTP/1.1")
        #expect(exchange.requestURL == url)
        #expect(exchange.finalURL == url)
        #expect(exchange.charset == "utf-8")
        #expect(exchange.isHTML)
        #expect(String(decoding: exchange.body, as: UTF8.self).contains("The fixture server is up."))
        #expect(!exchange.bodyTruncated)
        #expect(exchange.tls == nil)
        #expect(exchange.redirectNotFollowed == nil)
        #expect(exchange.timings.total > 0)
        #expect(exchange.timings.total >= exchange.timings.firstByte)
        #expect(exchange.timings.firstByte >= exchange.timings.connect)
    }

    @Test func keepsDuplicateHeadersInWireOrder() async throws {
        let url = try await SharedZoo.http("headers/duplicates")
        let exchange = try await withClient { try await $0.fetch(url) }
        let interesting = Set(["set-cookie", "content-security-policy", "x-custom"])
        let kept = exchange.response.headers.filter { interesting.contains($0.name.lowercased()) }
        #expect(
            kept == [
                HeaderField(name: "Set-Cookie", value: "first=1; Path=/"),
                HeaderField(name: "Content-Security-Policy", value: "default-src 'self'"),
                HeaderField(name: "X-Custom", value: "a"),
                HeaderField(name: "Set-Cookie", value: "second=2; Path=/; Secure; HttpOnly"),
                HeaderField(name: "Content-Security-Policy", value: "script-src 'none'"),
                HeaderField(name: "x-custom", value: "b"),
            ]
        )
        #expect(exchange.response.values(of: "x-custom") == ["a", "b"])
    }

    @Test func survivesMalformedHeaders() async throws {
        // libcurl 7.88 refuses a header line without a colon ("Header without colon"); what came before it is
        // kept. Were a later libcurl to accept the reply, the fold must be joined and the bad line dropped.
        let url = try await SharedZoo.http("malformed-headers")
        do {
            let exchange = try await withClient { try await $0.fetch(url) }
            #expect(exchange.response.status == 200)
            #expect(exchange.response.value(of: "X-Folded") == "first part continued on an obs-fold line")
            #expect(exchange.response.value(of: "X-After-Fold") == "ok")
            #expect(!exchange.response.headers.contains { $0.name.contains("no colon") })
        } catch let error as HTTPError {
            #expect(error.code == .protocol)
            #expect(error.reason.contains("colon"))
            #expect(error.hops.map(\.status) == [200])
            #expect(error.hops.first?.value(of: "Content-Type") == "text/html; charset=utf-8")
        }
    }

    @Test func reusesConnections() async throws {
        let url = try await SharedZoo.http("page/1")
        let client = try HTTPClient(configuration: HTTPClientConfiguration(limits: testLimits()))
        defer { client.shutdown() }
        let first = try await client.fetch(url)
        let second = try await client.fetch(url)
        #expect(first.timings.connect > 0)
        #expect(second.timings.connect == 0)  // libcurl reports no connect time on a reused connection
    }

    @Test func readsTheCharsetFromContentType() async throws {
        let url = try await SharedZoo.http("charset/latin1")
        let exchange = try await withClient { try await $0.fetch(url) }
        #expect(exchange.charset == "iso-8859-1")
    }

    @Test func errorStatusesAreExchangesNotErrors() async throws {
        let url = try await SharedZoo.http("status/503")
        let exchange = try await withClient { try await $0.fetch(url) }
        #expect(exchange.response.status == 503)
    }

    @Test func followsARedirectChainRecordingEveryHop() async throws {
        let url = try await SharedZoo.http("redirect/chain/3")
        let exchange = try await withClient { try await $0.fetch(url) }
        #expect(exchange.hops.map(\.status) == [302, 302, 302, 200])
        #expect(
            exchange.hops.map(\.url.path) == [
                "/redirect/chain/3", "/redirect/chain/2", "/redirect/chain/1", "/redirect/chain/0",
            ]
        )
        #expect(exchange.finalURL.path == "/redirect/chain/0")
        #expect(exchange.requestURL == url)
    }

    @Test func aChainOverTheLimitFailsWithItsHops() async throws {
        let url = try await SharedZoo.http("redirect/chain/5")
        let configuration = HTTPClientConfiguration(limits: testLimits(maxRedirects: 2))
        let error = await #expect(throws: HTTPError.self) {
            try await withClient(configuration) { try await $0.fetch(url) }
        }
        #expect(error?.code == .tooManyRedirects)
        #expect(error?.hops.map(\.status) == [302, 302, 302])
        #expect(error?.hops.first?.url == url)
    }

    @Test func aRedirectLoopFailsWithItsHops() async throws {
        let url = try await SharedZoo.http("redirect/loop/a")
        let error = await #expect(throws: HTTPError.self) {
            try await withClient { try await $0.fetch(url) }
        }
        #expect(error?.code == .redirectLoop)
        #expect(error?.hops.map(\.url.path) == ["/redirect/loop/a", "/redirect/loop/b"])
    }

    @Test func anOutOfScopeRedirectIsNotFollowed() async throws {
        let url = try await SharedZoo.http("redirect/external")
        let asked = LockedState<[URL]>([])
        let exchange = try await withClient { client in
            try await client.fetch(url) { target in
                asked.withLock { $0.append(target) }
                return target.host == "127.0.0.1"
            }
        }
        #expect(exchange.hops.count == 1)
        #expect(exchange.response.status == 302)
        #expect(exchange.response.location == "https://portcullis-out-of-scope.invalid/x")
        #expect(exchange.redirectNotFollowed?.contains("portcullis-out-of-scope.invalid") == true)
        #expect(asked.withLock { $0 } == [URL(string: "https://portcullis-out-of-scope.invalid/x")!])
    }

    @Test func resolvesARelativeRedirect() async throws {
        let url = try await SharedZoo.http("redirect/relative")
        let exchange = try await withClient { try await $0.fetch(url) }
        #expect(exchange.hops.map(\.status) == [301, 200])
        #expect(exchange.finalURL.path == "/ok")
        #expect(exchange.finalURL.query == "x=1")
    }

    @Test func capsALargeBody() async throws {
        let url = try await SharedZoo.http("large")
        let configuration = HTTPClientConfiguration(limits: testLimits(maxBodyBytes: 300_000))
        let exchange = try await withClient(configuration) { try await $0.fetch(url) }
        #expect(exchange.bodyTruncated)
        #expect(exchange.body.count == 300_000)
        #expect(exchange.response.status == 200)
    }

    @Test func stopsAGzipBombAtTheCap() async throws {
        let url = try await SharedZoo.http("gzip-bomb")
        let configuration = HTTPClientConfiguration(limits: testLimits(maxBodyBytes: 2 * 1024 * 1024))
        let started = ContinuousClock.now
        let exchange = try await withClient(configuration) { try await $0.fetch(url) }
        #expect(exchange.bodyTruncated)
        #expect(exchange.body.count == 2 * 1024 * 1024)
        #expect(exchange.response.value(of: "Content-Encoding") == "gzip")
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func stopsAnEndlessBodyAtTheCap() async throws {
        let url = try await SharedZoo.http("endless")
        let configuration = HTTPClientConfiguration(limits: testLimits(maxBodyBytes: 256 * 1024))
        let exchange = try await withClient(configuration) { try await $0.fetch(url) }
        #expect(exchange.bodyTruncated)
        #expect(exchange.body.count == 256 * 1024)
    }

    @Test func aSlowDripTimesOutInBoundedTimeKeepingTheHeaders() async throws {
        let url = try await SharedZoo.http("slow-drip")
        let configuration = HTTPClientConfiguration(limits: testLimits(totalTimeout: 2))
        let started = ContinuousClock.now
        let error = await #expect(throws: HTTPError.self) {
            try await withClient(configuration) { try await $0.fetch(url) }
        }
        let elapsed = ContinuousClock.now - started
        #expect(error?.code == .timeout)
        #expect(error?.hops.map(\.status) == [200])
        #expect(elapsed < .seconds(15))
        #expect(elapsed >= .milliseconds(1900))
    }

    @Test func aHungServerTimesOut() async throws {
        let url = try await SharedZoo.http("hang")
        let configuration = HTTPClientConfiguration(limits: testLimits(totalTimeout: 1))
        let started = ContinuousClock.now
        let error = await #expect(throws: HTTPError.self) {
            try await withClient(configuration) { try await $0.fetch(url) }
        }
        #expect(error?.code == .timeout)
        #expect(error?.hops.isEmpty == true)
        #expect(ContinuousClock.now - started < .seconds(15))
    }

    @Test func cancellingAHungRequestReturnsPromptly() async throws {
        let url = try await SharedZoo.http("hang")
        let client = try HTTPClient(configuration: HTTPClientConfiguration(limits: testLimits(totalTimeout: 30)))
        defer { client.shutdown() }
        let task = Task { try await client.fetch(url) }
        try await Task.sleep(for: .milliseconds(300))
        let cancelled = ContinuousClock.now
        task.cancel()
        let result = await task.result
        // `/hang` never answers for 120 s: anything well under that proves the cancellation cut it short.
        // (The bound is generous because CI machines are loaded; 2 s failed once under a parallel build.)
        #expect(ContinuousClock.now - cancelled < .seconds(10))
        #expect(throws: HTTPError.self) { try result.get() }
        if case .failure(let error as HTTPError) = result {
            #expect(error.code == .cancelled)
        }
        // The client still works after a cancellation.
        let ok = try await client.fetch(SharedZoo.http("ok"))
        #expect(ok.response.status == 200)
    }

    @Test func cancellingManyRequestsLeavesNoSlotTaken() async throws {
        let hang = try await SharedZoo.http("hang")
        let configuration = HTTPClientConfiguration(
            limits: testLimits(totalTimeout: 30, maxConcurrentRequests: 4, maxConcurrentRequestsPerHost: 4)
        )
        let client = try HTTPClient(configuration: configuration)
        defer { client.shutdown() }
        // 4 requests reach libcurl, 8 wait in the limiter; all are cancelled.
        let tasks = (0..<12).map { _ in Task { try await client.fetch(hang) } }
        try await waitUntil { client.limiterSnapshot.inFlight == 4 && client.limiterSnapshot.waiting == 8 }
        let cancelled = ContinuousClock.now
        for task in tasks {
            task.cancel()
        }
        for task in tasks {
            let result = await task.result
            guard case .failure(let error as HTTPError) = result else {
                Issue.record("a cancelled request did not fail: \(result)")
                continue
            }
            #expect(error.code == .cancelled)
        }
        #expect(ContinuousClock.now - cancelled < .seconds(15))
        #expect(client.limiterSnapshot.inFlight == 0)
        #expect(client.limiterSnapshot.waiting == 0)
        let ok = try await client.fetch(SharedZoo.http("ok"))
        #expect(ok.response.status == 200)
    }

    @Test func shutdownEndsRequestsInFlight() async throws {
        let url = try await SharedZoo.http("hang")
        let client = try HTTPClient(configuration: HTTPClientConfiguration(limits: testLimits(totalTimeout: 30)))
        let task = Task { try await client.fetch(url) }
        try await Task.sleep(for: .milliseconds(200))
        client.shutdown()
        let result = await task.result
        if case .failure(let error as HTTPError) = result {
            #expect(error.code == .cancelled)
        } else {
            Issue.record("a hung request survived shutdown")
        }
    }

    @Test func aClosedPortIsConnectionRefused() async throws {
        // Bound but not listening for the whole test, so no parallel server can take the port meanwhile.
        let closed = try RefusingPort()
        let url = URL(string: "http://127.0.0.1:\(closed.port)/")!
        let error = await #expect(throws: HTTPError.self) {
            try await withClient { try await $0.fetch(url) }
        }
        #expect(error?.code == .connectionRefused)
        #expect(error?.reason.isEmpty == false)
        #expect(error?.url == url)
    }

    @Test func manyConcurrentFetchesRespectTheLimits() async throws {
        let base = try await SharedZoo.zoo().fixturesHTTP
        let configuration = HTTPClientConfiguration(
            limits: testLimits(maxConcurrentRequests: 6, maxConcurrentRequestsPerHost: 3)
        )
        let client = try HTTPClient(configuration: configuration)
        defer { client.shutdown() }
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<120 {
                group.addTask {
                    try await client.fetch(base.appendingPathComponent("page/\(index)")).response.status
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.count == 120)
        #expect(statuses.allSatisfy { $0 == 200 })
        let peak = client.peakConcurrency
        #expect(peak.total <= 3)
        #expect(peak.total >= 2)
        #expect(peak.perOrigin.values.allSatisfy { $0 <= 3 })
    }
}
