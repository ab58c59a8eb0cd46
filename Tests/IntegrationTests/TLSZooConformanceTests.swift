import Foundation
import PortcullisCore
import Scanning
import TLSZoo
import TestSupport
import Testing

/// The TLS host probe against the loopback zoo of differently configured `openssl s_server` instances: every
/// expected property of every server (protocols, suites, key exchange, certificates, renegotiation, resumption,
/// 0-RTT, stapling, ALPN) must come out right through the real scan pipeline (`--only tls`).
@Suite(.serialized, .timeLimit(.minutes(3)))
struct TLSZooConformanceTests {
    @Test func everyZooPropertyIsDetected() async throws {
        let fleet = try TLSZooFleet.start()
        defer { fleet.stop() }
        let urls = fleet.servers.compactMap { URL(string: "https://localhost:\($0.port)/") }
        // One provider for the whole zoo: its hosts are probed two at a time, as a fleet sweep runs, so the
        // suite's other timing-sensitive tests are not starved by 19 probes at once.
        let provider = ProviderPlan(
            name: "zoo",
            entryURLs: urls,
            budget: .entriesOnly(urls.count),
            readsSitemaps: false
        )
        var plan = ScanPlan(
            providers: [provider],
            limits: FetchLimits(connectTimeout: 3, totalTimeout: 3, maxBodyBytes: 64 * 1024),
            caFile: fleet.certificates.rootPath
        )
        plan.families = [.tls]
        let started = ContinuousClock.now
        let result = try await ScanRunner(plan: plan, catalog: try RuleCatalog.load(directory: TestPaths.rules)).run()
        let elapsed = ContinuousClock.now - started

        var agree = 0
        var disagreements: [String] = []
        print("server                      agree  disagree  handshakes  seconds")
        for (spec, port) in fleet.servers {
            let found = ZooPropertyReader.properties(of: "localhost:\(port)", in: result)
            var serverAgree = 0
            for (property, expected) in spec.expected.sorted(by: { $0.key < $1.key }) {
                if found[property] == expected {
                    serverAgree += 1
                } else {
                    disagreements.append(
                        "\(spec.name) \(property): expected \(expected), got \(found[property] ?? "-")"
                    )
                }
            }
            agree += serverAgree
            let row = result.tls.first { $0.host == "localhost:\(port)" }
            let name = spec.name.padding(toLength: 28, withPad: " ", startingAt: 0)
            print(
                "\(name)\(serverAgree)/\(spec.expected.count)  \(spec.expected.count - serverAgree)  "
                    + "\(row?.handshakes ?? 0)  \(String(format: "%.3f", row?.seconds ?? 0))"
            )
        }
        print(
            "TLS zoo: \(agree) of \(fleet.expectedPropertyCount) properties right, \(fleet.servers.count) hosts in \(elapsed)"
        )
        for line in disagreements { print("  DISAGREE \(line)") }
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
        #expect(result.tls.count == fleet.servers.count)
        #expect(result.targets.allSatisfy { $0.status == .scanned }, "\(result.problems)")
        #expect(!result.problems.contains { $0.kind == "tls-probe" }, "\(result.problems)")
    }
}
