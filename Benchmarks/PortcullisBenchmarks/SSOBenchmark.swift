import DemoProviders
import Foundation
import PortcullisCore
import Scanning

/// The SSO family on the demo: a scan with only the SSO checks of each demo relying party (its login redirects,
/// callback, logout, and its identity provider's metadata, keys and authorization endpoint), wall time per
/// provider over loopback, median of `rounds` (default 5).
///
/// Usage: `portcullis-bench sso [rounds]`. No peer runs here: the OpenID conformance suite needs registered
/// clients and real logins, and Burp's OAUTHScan needs a person walking the login.
enum SSOBenchmark {
    static func run(arguments: [String]) async throws {
        let rounds = arguments.first.flatMap(Int.init) ?? 5
        let catalog = try RuleCatalog.load(directory: CrawlBenchmark.repositoryRoot().appendingPathComponent("Rules"))
        let zoo = try await DemoProviderZoo.start(siteSize: 10)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sso-bench-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let caFile = directory.appendingPathComponent("ca.pem")
        try zoo.writeCACertificate(to: caFile)
        print("sso: a scan with only the SSO family, per demo relying party, median of \(rounds)")
        for provider in zoo.sso.providerPlans {
            var plan = ScanPlan(providers: [provider], caFile: caFile.path)
            plan.families = [.sso]
            let runner = try ScanRunner(plan: plan, catalog: catalog)
            var times: [Double] = []
            var findings = 0
            for _ in 0..<rounds {
                let start = ContinuousClock.now
                let result = await runner.run()
                times.append(BenchmarkSupport.seconds(ContinuousClock.now - start))
                findings = result.findings.count
            }
            let median = times.sorted()[times.count / 2]
            print(
                String(
                    format: "  %@: %.3f s per scan (min %.3f, max %.3f), %d findings",
                    provider.name,
                    median,
                    times.min() ?? 0,
                    times.max() ?? 0,
                    findings
                )
            )
        }
        try await zoo.shutdown()
    }
}
