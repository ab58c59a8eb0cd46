import CertificateAnalysis
import Foundation
import PortcullisCore
import TLSProbe
import TLSScan
import TLSZoo

/// The TLS host probe on the loopback zoo: the complete probe of one host (raw enumeration, libssl probes,
/// certificate analysis) per zoo server, then a 50-host sweep; sslyze side by side when it is installed
/// (`Benchmarks/tls/install-sslyze.sh`), with the ratio.
enum TLSBenchmark {
    static func run(arguments: [String]) async throws {
        let hostCount = BenchmarkSupport.intOption("--hosts", in: arguments) ?? 50
        let registry = try CipherSuiteRegistry.load(file: rulesFolder.appendingPathComponent("tls-cipher-suites.tsv"))
        let fleet = try TLSZooFleet.start()
        defer { fleet.stop() }
        let trust = try TrustStore.load(pemFiles: [TrustStore.systemBundlePath, fleet.certificates.rootPath])
        let scanner = TLSHostScanner(registry: registry, trust: trust)

        print("TLS probe, one host at a time (debug or release as built):")
        var perHost: [Double] = []
        var handshakes: [Int] = []
        for (spec, port) in fleet.servers {
            let scan = await scanner.scan(ProbeTarget(serverName: "localhost", address: "127.0.0.1", port: port))
            perHost.append(scan.seconds)
            handshakes.append(scan.handshakes)
            print(
                "  \(spec.name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(format(scan.seconds)) s  "
                    + "\(scan.handshakes) handshakes"
            )
        }
        let median = perHost.sorted()[perHost.count / 2]
        print(
            "  median \(format(median)) s per host, handshakes per host median \(handshakes.sorted()[handshakes.count / 2])"
        )

        let sweep = try sweepServers(count: hostCount, fleet: fleet)
        defer {
            for server in sweep { server.stop() }
        }
        let clock = ContinuousClock()
        let started = clock.now
        let scans = await withTaskGroup(of: TLSHostScan.self) { group in
            for server in sweep {
                group.addTask {
                    await scanner.scan(ProbeTarget(serverName: "localhost", address: "127.0.0.1", port: server.port))
                }
            }
            var all: [TLSHostScan] = []
            for await scan in group { all.append(scan) }
            return all
        }
        let sweepSeconds = BenchmarkSupport.seconds(clock.now - started)
        let complete = scans.filter { $0.enumeration.protocols.contains(where: \.supported) }.count
        print("TLS sweep: \(hostCount) hosts in \(format(sweepSeconds)) s (\(complete) complete)")

        guard let sslyze = sslyzePath() else {
            print("sslyze: not installed (Benchmarks/tls/install-sslyze.sh installs it); no ratio")
            return
        }
        let single = try timed(sslyze, ["localhost:\(fleet.servers[1].port)"])
        let many = try timed(sslyze, sweep.map { "localhost:\($0.port)" })
        print("sslyze: one host \(format(single)) s, \(hostCount) hosts \(format(many)) s")
        print(
            "ratio (sslyze / Portcullis): one host \(format(single / median))x, sweep \(format(many / sweepSeconds))x"
        )
    }

    private static let rulesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Rules")

    /// `count` copies of the zoo's intermediate-good server, for the sweep.
    private static func sweepServers(count: Int, fleet: TLSZooFleet) throws -> [OpenSSLServer] {
        guard let spec = TLSZooServer.named("intermediate-good") else { return [] }
        let certificate = try fleet.certificates.certificate(spec.leaf)
        return try (0..<count).map { _ in
            try OpenSSLServer(certificate: certificate, arguments: spec.arguments(certificates: fleet.certificates))
        }
    }

    private static func sslyzePath() -> String? {
        let venv = rulesFolder.deletingLastPathComponent().appendingPathComponent(".build/sslyze-venv/bin/sslyze").path
        for candidate in [venv, "/usr/local/bin/sslyze", "/usr/bin/sslyze"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return nil
    }

    private static func timed(_ executable: String, _ targets: [String]) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--quiet"] + targets
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let started = Date()
        try process.run()
        process.waitUntilExit()
        return Date().timeIntervalSince(started)
    }

    private static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
