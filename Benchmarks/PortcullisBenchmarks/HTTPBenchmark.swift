import Foundation
import PortcullisCore
import PortcullisHTTP

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Measures the HTTP client against the fixture server on 127.0.0.1, next to the `curl` and `wget` tools.
///
/// Usage: `portcullis-bench http [--pages N] [--concurrency C] [--rounds R]` (defaults 3000, 16 and 3); each
/// row is the round with the least CPU time.
///
/// What is counted: the fixture server (the provider zoo) runs in a **child process** of this benchmark
/// (`portcullis-bench http --serve-zoo`), so `getrusage(RUSAGE_SELF)` in this process is the client's CPU
/// alone: the libcurl thread, the Swift tasks awaiting the fetches, header parsing and building each
/// `Exchange`. For `curl` and `wget` the figure is `getrusage(RUSAGE_CHILDREN)` around the one child
/// process that fetches every URL (the zoo child is still running then, so it is not in that delta).
/// All traffic stays on loopback.
enum HTTPBenchmark {
    static func run(arguments: [String]) async throws {
        if arguments.contains(ZooChild.serveFlag) {
            try await ZooChild.serve(arguments: arguments)
            return
        }
        let pages = BenchmarkSupport.intOption("--pages", in: arguments) ?? 3000
        let concurrency = BenchmarkSupport.intOption("--concurrency", in: arguments) ?? 16
        let rounds = max(1, BenchmarkSupport.intOption("--rounds", in: arguments) ?? 3)
        let server = try ZooChild.start()
        defer { server.stop() }
        let urls = (0..<pages).map { server.baseURL.appendingPathComponent("page/\($0)") }
        print("http: \(pages) pages of /page/N from \(server.baseURL.absoluteString) (server in a child process)")
        print("best of \(rounds) rounds by CPU time; CPU is this process for HTTPClient, the child process for tools")

        var rows: [Row] = []
        rows.append(try await best(of: rounds) { try await measureClient(urls: urls, concurrency: concurrency) })
        rows.append(try await best(of: rounds) { try await measureClient(urls: urls, concurrency: 1) })
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("portcullis-http-bench-\(getpid())", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        if let curl = BenchmarkSupport.which("curl") {
            let config = directory.appendingPathComponent("curl.config")
            let lines = urls.map { "url = \"\($0.absoluteString)\"\noutput = \"/dev/null\"" }
            try lines.joined(separator: "\n").write(to: config, atomically: true, encoding: .utf8)
            let arguments = ["-s", "--parallel", "--parallel-max", "\(concurrency)", "-K", config.path]
            rows.append(
                try await best(of: rounds) {
                    try measureTool("curl -Z (\(concurrency))", curl, arguments, pages: pages)
                }
            )
        } else {
            print("curl not installed: skipped")
        }
        if let wget = BenchmarkSupport.which("wget") {
            let list = directory.appendingPathComponent("urls.txt")
            try urls.map(\.absoluteString).joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)
            let arguments = ["-q", "-i", list.path, "-O", "/dev/null"]
            rows.append(try await best(of: rounds) { try measureTool("wget -i (1)", wget, arguments, pages: pages) })
        } else {
            print("wget not installed: skipped")
        }
        printTable(rows)
    }

    // MARK: - Measurements

    /// One line of the result table.
    struct Row {
        var name: String
        var pages: Int
        var failures: Int
        var wallSeconds: Double
        var cpuSeconds: Double

        var pagesPerSecond: Double { Double(pages) / max(wallSeconds, 1e-9) }
        var cpuPerThousand: Double { cpuSeconds / Double(max(pages, 1)) * 1000 }
    }

    /// Runs `measure` `rounds` times and keeps the round that used the least CPU.
    private static func best(of rounds: Int, _ measure: () async throws -> Row) async throws -> Row {
        var best = try await measure()
        for _ in 1..<rounds {
            let row = try await measure()
            if row.cpuSeconds < best.cpuSeconds {
                best = row
            }
        }
        return best
    }

    private static func measureClient(urls: [URL], concurrency: Int) async throws -> Row {
        let limits = FetchLimits(
            connectTimeout: 5,
            totalTimeout: 30,
            maxConcurrentRequests: concurrency,
            maxConcurrentRequestsPerHost: concurrency
        )
        let client = try HTTPClient(configuration: HTTPClientConfiguration(limits: limits))
        defer { client.shutdown() }
        _ = try await fetchAll(client, Array(urls.prefix(min(200, urls.count))), concurrency: concurrency)  // warm-up
        let cpuBefore = BenchmarkSupport.cpuSeconds(children: false)
        let started = ContinuousClock.now
        let failures = try await fetchAll(client, urls, concurrency: concurrency)
        let wall = BenchmarkSupport.seconds(ContinuousClock.now - started)
        let cpu = BenchmarkSupport.cpuSeconds(children: false) - cpuBefore
        return Row(
            name: "HTTPClient (\(concurrency))",
            pages: urls.count,
            failures: failures,
            wallSeconds: wall,
            cpuSeconds: cpu
        )
    }

    /// Fetches every URL keeping `concurrency` requests in flight; returns how many failed.
    private static func fetchAll(_ client: HTTPClient, _ urls: [URL], concurrency: Int) async throws -> Int {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            var next = 0
            var failures = 0
            func addNext() {
                guard next < urls.count else { return }
                let url = urls[next]
                next += 1
                group.addTask {
                    guard let exchange = try? await client.fetch(url) else { return false }
                    return exchange.response.status == 200 && !exchange.body.isEmpty
                }
            }
            for _ in 0..<max(1, concurrency) {
                addNext()
            }
            while let ok = try await group.next() {
                failures += ok ? 0 : 1
                addNext()
            }
            return failures
        }
    }

    private static func measureTool(_ name: String, _ path: String, _ arguments: [String], pages: Int) throws -> Row {
        let cpuBefore = BenchmarkSupport.cpuSeconds(children: true)
        let started = ContinuousClock.now
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let finished = BenchmarkSupport.wait(for: process, timeout: 600)
        let wall = BenchmarkSupport.seconds(ContinuousClock.now - started)
        let cpu = BenchmarkSupport.cpuSeconds(children: true) - cpuBefore
        let failures = finished && process.terminationStatus == 0 ? 0 : pages
        return Row(name: name, pages: pages, failures: failures, wallSeconds: wall, cpuSeconds: cpu)
    }

    private static func printTable(_ rows: [Row]) {
        func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
        }
        print(
            pad("client", 22) + pad("pages/s", 10) + pad("wall s", 9) + pad("CPU s", 8) + pad("CPU s/1000", 12)
                + "failed"
        )
        for row in rows {
            print(
                pad(row.name, 22) + pad(String(format: "%.0f", row.pagesPerSecond), 10)
                    + pad(String(format: "%.2f", row.wallSeconds), 9) + pad(String(format: "%.2f", row.cpuSeconds), 8)
                    + pad(String(format: "%.3f", row.cpuPerThousand), 12) + "\(row.failures)"
            )
        }
        guard let ours = rows.first else { return }
        for peer in rows.dropFirst(2) where peer.cpuPerThousand > 0 {
            let ratio = ours.cpuPerThousand / peer.cpuPerThousand
            print("CPU per page, \(ours.name) / \(peer.name): \(String(format: "%.2f", ratio))")
        }
    }
}
