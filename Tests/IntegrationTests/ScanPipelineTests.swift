import DemoProviders
import Foundation
import PortcullisCore
import Scanning
import TestSupport
import Testing

/// The whole pipeline (fetch, parse, checks, engine) against the demo providers and fixture servers on loopback.
@Suite(.timeLimit(.minutes(2)))
struct ScanPipelineTests {
    static func scan(
        _ urls: [URL],
        zoo: DemoProviderZoo,
        limits: FetchLimits = FetchLimits(connectTimeout: 5, totalTimeout: 10, maxBodyBytes: 1024 * 1024)
    ) async throws -> ScanResult {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let caFile = directory.appendingPathComponent("ca.pem")
        try zoo.writeCACertificate(to: caFile)
        let plan = ScanPlan(
            targets: urls.map { Target(provider: "test", url: $0) },
            limits: limits,
            caFile: caFile.path
        )
        let runner = try ScanRunner(plan: plan, catalog: try RuleCatalog.load(directory: TestPaths.rules))
        return await runner.run()
    }

    static func withZoo<T>(_ body: (DemoProviderZoo) async throws -> T) async throws -> T {
        let zoo = try await DemoProviderZoo.start()
        do {
            let value = try await body(zoo)
            try await zoo.shutdown()
            return value
        } catch {
            try? await zoo.shutdown()
            throw error
        }
    }

    @Test func goodProviderHasNoHeaderOrMarkupFindings() async throws {
        let result = try await Self.withZoo { zoo in
            try await Self.scan([zoo.good.httpsURL, zoo.good.httpsURL.appendingPathComponent("login")], zoo: zoo)
        }
        #expect(result.targets.allSatisfy { $0.status == .scanned })
        #expect(result.findings.isEmpty, "\(result.findings.map(\.ruleID))")
        let tls = try #require(result.tls.first)
        #expect(tls.profileVerdict == "compliant")
        #expect(tls.certificateTrusted == true)
        let target = try #require(result.targets.first)
        #expect(target.tlsVersion?.hasPrefix("TLSv1.") == true)
        #expect((target.peerCertificateCount ?? 0) >= 1)
    }

    @Test func badProviderFailsEveryFirstCheck() async throws {
        let result = try await Self.withZoo { zoo in
            try await Self.scan([zoo.bad.httpsURL, zoo.bad.httpURL], zoo: zoo)
        }
        let rules = Set(result.findings.map(\.ruleID.rawValue))
        for expected in [
            "headers.csp-missing", "headers.hsts-missing", "headers.nosniff-missing", "headers.anti-framing-missing",
            "a11y.image-alt", "a11y.html-has-lang", "a11y.document-title", "tls.protocol.tls10", "tls.protocol.tls11",
            "tls.profile.protocol",
        ] {
            #expect(rules.contains(expected), "missing \(expected)")
        }
        // The header family reports HSTS per page in a full scan; the TLS family's own HSTS rule stays quiet.
        #expect(!rules.contains("tls.hsts.missing"))
        let tls = try #require(result.tls.first)
        #expect(tls.protocols == ["TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3"])
        #expect(tls.grade == "B")
        let hsts = try #require(result.findings.first { $0.ruleID == "headers.hsts-missing" })
        #expect(hsts.origin.hasPrefix("https://"))
        #expect(result.problems.isEmpty)
    }

    @Test func httpRedirectToHTTPSIsFollowedAndRecorded() async throws {
        let result = try await Self.withZoo { zoo in try await Self.scan([zoo.good.httpURL], zoo: zoo) }
        let target = try #require(result.targets.first)
        #expect(target.status == .scanned)
        #expect(target.redirects.count == 1)
        #expect(target.finalURL?.hasPrefix("https://127.0.0.1") == true)
        #expect(target.httpStatus == 200)
    }

    @Test func fingerprintsAreIdenticalAcrossScans() async throws {
        let (first, second) = try await Self.withZoo { zoo in
            (
                try await Self.scan([zoo.bad.httpsURL, zoo.bad.httpsURL.appendingPathComponent("login")], zoo: zoo),
                try await Self.scan([zoo.bad.httpsURL.appendingPathComponent("login"), zoo.bad.httpsURL], zoo: zoo)
            )
        }
        #expect(!first.findings.isEmpty)
        #expect(first.findings.map(\.fingerprint) == second.findings.map(\.fingerprint))
        #expect(first.findings == second.findings)
    }

    @Test func failuresAreProblemsAndOtherTargetsStillScan() async throws {
        let result = try await Self.withZoo { zoo in
            try await Self.scan(
                [
                    URL(string: "http://127.0.0.1:1/")!,
                    zoo.fixturesHTTP.appendingPathComponent("redirect/loop/a"),
                    zoo.bad.httpURL,
                ],
                zoo: zoo
            )
        }
        #expect(result.targets.map(\.status) == [.failed, .failed, .scanned])
        #expect(result.problems.map(\.kind).sorted() == ["connection-refused", "redirect-loop"])
        #expect(!result.nothingScanned)
        let loop = result.targets[1]
        #expect(loop.redirects.count >= 2, "hops before the failure are kept")
    }

    @Test func cappedAndOutOfScopeResponsesAreReportedNotFatal() async throws {
        let result = try await Self.withZoo { zoo in
            try await Self.scan(
                [
                    zoo.fixturesHTTP.appendingPathComponent("gzip-bomb"),
                    zoo.fixturesHTTP.appendingPathComponent("redirect/external"),
                ],
                zoo: zoo,
                limits: FetchLimits(connectTimeout: 5, totalTimeout: 20, maxBodyBytes: 256 * 1024)
            )
        }
        #expect(result.targets.allSatisfy { $0.status == .scanned })
        #expect(result.targets[0].bodyBytes == 256 * 1024)
        #expect(Set(result.problems.map(\.kind)) == ["body-truncated", "redirect-not-followed"])
    }

    @Test func untrustedCertificateIsATLSProblem() async throws {
        let result = try await Self.withZoo { zoo in
            let plan = ScanPlan(
                targets: [Target(provider: "test", url: zoo.good.httpsURL)],
                limits: FetchLimits(totalTimeout: 10)
            )
            return try await ScanRunner(plan: plan, catalog: try RuleCatalog.load(directory: TestPaths.rules)).run()
        }
        #expect(result.problems.map(\.kind) == ["tls-certificate"])
        #expect(result.nothingScanned)
    }

    @Test func slowDripIsBoundedByTheTimeout() async throws {
        let clock = ContinuousClock()
        var elapsed = Duration.zero
        let result = try await Self.withZoo { zoo in
            // Timed from here: starting the zoo is not the fetch's time.
            let start = clock.now
            defer { elapsed = clock.now - start }
            return try await Self.scan(
                [zoo.fixturesHTTP.appendingPathComponent("slow-drip")],
                zoo: zoo,
                limits: FetchLimits(connectTimeout: 2, totalTimeout: 2)
            )
        }
        #expect(
            elapsed < .seconds(60),
            "a 2 s timeout bounds the slow drip (loaded CI machines are slow); took \(elapsed)"
        )
        #expect(result.problems.map(\.kind) == ["timeout"])
        #expect(result.nothingScanned)
    }

    @Test func localFilesGetMarkupChecksOnly() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("index.html")
        try Data("<html><head></head><body><img src=a.png></body></html>".utf8).write(to: file)
        let result = try await Self.withZoo { zoo in try await Self.scan([file], zoo: zoo) }
        // Markup checks only (every accessibility rule may speak; no header, TLS or crawl rules), and these three
        // certainly do.
        let found = Set(result.findings.map(\.ruleID.rawValue))
        #expect(found.allSatisfy { $0.hasPrefix("a11y.") })
        #expect(found.isSuperset(of: ["a11y.image-alt", "a11y.html-has-lang", "a11y.document-title"]))
    }
}
