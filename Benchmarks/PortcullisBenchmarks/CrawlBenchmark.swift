import Foundation
import PortcullisCore
import Scanning

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Measures a whole crawl with every page check on, next to `wget -r` (and `wapiti` when installed), and the
/// memory a 20,000-page crawl needs.
///
/// Usage: `portcullis-bench crawl [--site-size N] [--rounds R] [--skip-large]` (defaults 2,000 pages and 3 rounds;
/// the Portcullis and tool rows keep their round with the least wall time, as the host may be busy).
///
/// The benchmark site (`/site/0` ... `/site/<N-1>`, ~3 KB pages linking ~8 others) is served by the provider zoo
/// in a child process (``ZooChild``), so `getrusage(RUSAGE_SELF)` here counts only the crawl: the scan runner,
/// libcurl, parsing, every check and the rule engine. `wget` is measured with `RUSAGE_CHILDREN` around its own
/// run. The large crawl runs in a fresh child (`portcullis-bench crawl --child-crawl --site-size 20000`, with its
/// own zoo child) so its `ru_maxrss` is that crawl's alone. All traffic stays on loopback; every child process
/// has a timeout and is stopped when the benchmark ends.
enum CrawlBenchmark {
    /// The flag that makes this process the large-crawl child.
    static let childFlag = "--child-crawl"
    /// The site size of the memory-at-scale crawl.
    static let largeSiteSize = 20_000
    /// The peak RSS goal for the large crawl, in megabytes.
    static let memoryGoalMegabytes = 100.0
    /// How long any crawl (ours or a tool's) may take before it is stopped.
    static let crawlTimeout = 600.0
    /// The prefix of the child's result line on its stdout.
    private static let resultPrefix = "CRAWL-RESULT "

    static func run(arguments: [String]) async throws {
        if arguments.contains(childFlag) {
            try await runChild(arguments: arguments)
            return
        }
        let siteSize = max(1, BenchmarkSupport.intOption("--site-size", in: arguments) ?? 2_000)
        let rounds = max(1, BenchmarkSupport.intOption("--rounds", in: arguments) ?? 3)
        let catalog = try RuleCatalog.load(directory: repositoryRoot().appendingPathComponent("Rules"))
        let server = try ZooChild.start(siteSize: siteSize)
        defer { server.stop() }
        let entry = server.baseURL.appendingPathComponent("site/0")
        print("crawl: \(siteSize)-page site from \(entry.absoluteString) (server in a child process)")
        print("every page check on; concurrency 16; CPU is this process for Portcullis, the child for tools")
        print("best of \(rounds) rounds by wall time (the large crawl runs once)")

        var rows: [Row] = []
        let rssBefore = BenchmarkSupport.peakRSSKilobytes()
        let ours = try await best(of: rounds) {
            try await crawl(base: server.baseURL, siteSize: siteSize, catalog: catalog)
        }
        rows.append(ours)
        if rssBefore >= ours.peakRSSKilobytes ?? 0 {
            print("note: this process's peak RSS was set before the crawl (\(rssBefore / 1024) MB), not by it")
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("portcullis-crawl-bench-\(getpid())", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        if let wget = BenchmarkSupport.which("wget") {
            let mirror = directory.appendingPathComponent("wget")
            rows.append(try await best(of: rounds) { try measureWget(wget, entry: entry, directory: mirror) })
        } else {
            print("wget: not installed (skipped)")
        }
        if let wapiti = BenchmarkSupport.which("wapiti") {
            rows.append(try await best(of: rounds) { try measureWapiti(wapiti, entry: entry, directory: directory) })
        } else {
            print("wapiti: not installed (skipped)")
        }
        var large: Row?
        if !arguments.contains("--skip-large") {
            large = try runLargeChild(siteSize: largeSiteSize, directory: directory)
            large.map { rows.append($0) }
        }
        printTable(rows)
        printRatios(ours: ours, peers: Array(rows.dropFirst()), large: large, siteSize: siteSize)
    }

    // MARK: - Rows

    /// One line of the result table.
    struct Row: Sendable {
        var name: String
        /// Responses fetched (HTML pages and other content).
        var fetched: Int
        /// HTML pages fetched, when known.
        var htmlPages: Int?
        var wallSeconds: Double
        var cpuSeconds: Double
        var peakRSSKilobytes: Int?
        /// What to say about completeness or failures.
        var note: String

        var pagesPerSecond: Double { Double(fetched) / max(wallSeconds, 1e-9) }
        var cpuMillisecondsPerPage: Double { cpuSeconds * 1000 / Double(max(fetched, 1)) }
    }

    /// Runs `measure` `rounds` times and keeps the round with the least wall time.
    private static func best(of rounds: Int, _ measure: () async throws -> Row) async throws -> Row {
        var best = try await measure()
        for _ in 1..<max(1, rounds) {
            let row = try await measure()
            if row.wallSeconds < best.wallSeconds {
                best = row
            }
        }
        return best
    }

    // MARK: - Portcullis

    /// Crawls the benchmark site at `base` with every page check on and measures this process.
    private static func crawl(base: URL, siteSize: Int, catalog: RuleCatalog) async throws -> Row {
        let entry = base.appendingPathComponent("site/0")
        let provider = ProviderPlan(
            name: "bench",
            entryURLs: [entry],
            scope: ScopeSpec(kind: "prefix:\(base.absoluteString)/site/"),
            budget: CrawlBudget(
                maxPages: 100_000,
                maxDepth: 1_000,
                maxDuration: crawlTimeout,
                maxBytes: Int.max / 2,
                requestsPerSecond: 0,
                concurrency: 16
            ),
            readsSitemaps: false
        )
        let limits = FetchLimits(
            connectTimeout: 5,
            totalTimeout: 30,
            maxConcurrentRequests: 16,
            maxConcurrentRequestsPerHost: 16
        )
        let runner = try ScanRunner(plan: ScanPlan(providers: [provider], limits: limits), catalog: catalog)
        let cpuBefore = BenchmarkSupport.cpuSeconds(children: false)
        let started = ContinuousClock.now
        let result = await runner.run()
        let wall = BenchmarkSupport.seconds(ContinuousClock.now - started)
        let cpu = BenchmarkSupport.cpuSeconds(children: false) - cpuBefore
        guard let summary = result.crawls.first else {
            return Row(
                name: "Portcullis crawl",
                fetched: 0,
                wallSeconds: wall,
                cpuSeconds: cpu,
                note: "no crawl summary; problems: \(result.problems.prefix(3).map(\.message))"
            )
        }
        var notes: [String] = []
        notes.append(summary.pages == siteSize ? "all \(siteSize) pages" : "INCOMPLETE: \(summary.pages)/\(siteSize)")
        if summary.errors > 0 { notes.append("\(summary.errors) errors") }
        if !summary.stops.isEmpty { notes.append("stopped: \(summary.stops.map(\.limit).joined(separator: ","))") }
        if !summary.skipped.isEmpty {
            notes.append("skipped \(summary.skipped.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })")
        }
        let ruleIDs = Set(result.findings.map(\.ruleID.rawValue)).sorted()
        notes.append("\(result.findings.count) findings \(ruleIDs.prefix(5))")
        return Row(
            name: "Portcullis crawl",
            fetched: summary.pages + summary.otherResponses,
            htmlPages: summary.pages,
            wallSeconds: wall,
            cpuSeconds: cpu,
            peakRSSKilobytes: BenchmarkSupport.peakRSSKilobytes(),
            note: notes.joined(separator: "; ")
        )
    }

    /// The child side of the large crawl: its own zoo child, one crawl, one result line on stdout.
    ///
    /// The child exits when the parent closes its stdin (or dies), which also stops its zoo child.
    private static func runChild(arguments: [String]) async throws {
        Task.detached {
            _ = FileHandle.standardInput.readDataToEndOfFile()
            exit(3)
        }
        let siteSize = max(1, BenchmarkSupport.intOption("--site-size", in: arguments) ?? largeSiteSize)
        let catalog = try RuleCatalog.load(directory: repositoryRoot().appendingPathComponent("Rules"))
        let server = try ZooChild.start(siteSize: siteSize)
        defer { server.stop() }
        let baseline = BenchmarkSupport.peakRSSKilobytes()
        let row = try await crawl(base: server.baseURL, siteSize: siteSize, catalog: catalog)
        let fields = [
            "fetched=\(row.fetched)", "html=\(row.htmlPages ?? 0)", "wall=\(row.wallSeconds)",
            "cpu=\(row.cpuSeconds)", "rss=\(row.peakRSSKilobytes ?? 0)", "baseline=\(baseline)",
        ]
        let line = resultPrefix + fields.joined(separator: " ") + " note=" + row.note + "\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    }

    /// Runs the large crawl in a fresh child process and reads its result line.
    private static func runLargeChild(siteSize: Int, directory: URL) throws -> Row? {
        let output = directory.appendingPathComponent("child-crawl.out")
        guard FileManager.default.createFile(atPath: output.path, contents: nil) else {
            throw SetupError(description: "cannot create \(output.path)")
        }
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        let input = Pipe()
        let process = Process()
        process.executableURL = ZooChild.selfExecutable()
        process.arguments = ["crawl", childFlag, "--site-size", "\(siteSize)"]
        process.standardInput = input
        process.standardOutput = handle
        print("crawl: \(siteSize)-page site in a child process (peak RSS is that crawl's alone)...")
        try process.run()
        let finished = BenchmarkSupport.wait(for: process, timeout: crawlTimeout + 60)
        try? input.fileHandleForWriting.close()
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        guard finished,
            let line = text.split(separator: "\n").last(where: { $0.hasPrefix(resultPrefix) })
        else {
            print("large crawl: the child gave no result (finished: \(finished), exit \(process.terminationStatus))")
            return nil
        }
        var values: [String: String] = [:]
        let body = line.dropFirst(resultPrefix.count)
        let head = body.components(separatedBy: " note=")
        for field in head[0].split(separator: " ") {
            let parts = field.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        let baseline = Int(values["baseline"] ?? "") ?? 0
        let note = (head.count > 1 ? head[1] : "") + "; RSS before the crawl \(baseline / 1024) MB"
        return Row(
            name: "Portcullis crawl \(siteSize / 1000)k",
            fetched: Int(values["fetched"] ?? "") ?? 0,
            htmlPages: Int(values["html"] ?? ""),
            wallSeconds: Double(values["wall"] ?? "") ?? 0,
            cpuSeconds: Double(values["cpu"] ?? "") ?? 0,
            peakRSSKilobytes: Int(values["rss"] ?? ""),
            note: note
        )
    }

    // MARK: - Tools

    /// `wget -r` mirroring the site into `directory` (deleted afterwards); counts the files it saved.
    private static func measureWget(_ path: String, entry: URL, directory: URL) throws -> Row {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = [
            "-r", "-l", "inf", "-np", "-nv", "--no-host-directories", "--timeout=10", "--tries=1",
            "-P", directory.path, entry.absoluteString,
        ]
        let (wall, cpu, finished, status) = try measureTool(path, arguments)
        let files = savedFiles(in: directory)
        let pages = files.filter { $0.hasPrefix("site/") && !$0.hasPrefix("site/static/") }.count
        let fetched = files.filter { $0.hasPrefix("site/") }.count
        var note = "\(pages) HTML + \(fetched - pages) assets saved (robots.txt not counted)"
        if !finished { note += "; TIMED OUT" } else if status != 0 { note += "; exit \(status)" }
        return Row(name: "wget -r", fetched: fetched, htmlPages: pages, wallSeconds: wall, cpuSeconds: cpu, note: note)
    }

    /// A minimal `wapiti` crawl (no attack modules) of the site, its page count read from the JSON report.
    private static func measureWapiti(_ path: String, entry: URL, directory: URL) throws -> Row {
        let report = directory.appendingPathComponent("wapiti.json")
        let arguments = [
            "-u", entry.absoluteString, "--scope", "folder", "-m", "", "--flush-session", "-f", "json",
            "-o", report.path,
        ]
        let (wall, cpu, finished, status) = try measureTool(path, arguments)
        var crawled: Int?
        if let data = try? Data(contentsOf: report),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let infos = object["infos"] as? [String: Any]
        {
            crawled = infos["crawled_pages_nbr"] as? Int
        }
        var note = crawled == nil ? "page count unknown (no crawled_pages_nbr in the report)" : "from the report"
        if !finished { note += "; TIMED OUT" } else if status != 0 { note += "; exit \(status)" }
        return Row(
            name: "wapiti (no modules)",
            fetched: crawled ?? 0,
            htmlPages: crawled,
            wallSeconds: wall,
            cpuSeconds: cpu,
            note: note
        )
    }

    /// Runs a tool with its output discarded, bounded by ``crawlTimeout``; CPU is the `RUSAGE_CHILDREN` delta.
    private static func measureTool(
        _ path: String,
        _ arguments: [String]
    ) throws -> (wall: Double, cpu: Double, finished: Bool, status: Int32) {
        let cpuBefore = BenchmarkSupport.cpuSeconds(children: true)
        let started = ContinuousClock.now
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let finished = BenchmarkSupport.wait(for: process, timeout: crawlTimeout)
        let wall = BenchmarkSupport.seconds(ContinuousClock.now - started)
        let cpu = BenchmarkSupport.cpuSeconds(children: true) - cpuBefore
        return (wall, cpu, finished, process.terminationStatus)
    }

    /// The regular files below `directory`, as paths relative to it.
    private static func savedFiles(in directory: URL) -> [String] {
        let root = directory.resolvingSymlinksInPath().path + "/"
        guard
            let enumerator = FileManager.default.enumerator(
                at: directory,
                includingPropertiesForKeys: [.isRegularFileKey]
            )
        else { return [] }
        var files: [String] = []
        for case let url as URL in enumerator
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = url.resolvingSymlinksInPath().path
            files.append(path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path)
        }
        return files
    }

    // MARK: - Output

    private static func printTable(_ rows: [Row]) {
        func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
        }
        print(
            pad("crawler", 22) + pad("fetched", 9) + pad("pages/s", 9) + pad("wall s", 8) + pad("CPU s", 8)
                + pad("CPU ms/page", 13) + pad("peak RSS", 10) + "notes"
        )
        for row in rows {
            let rss = row.peakRSSKilobytes.map { String(format: "%.1f MB", Double($0) / 1024) } ?? "-"
            print(
                pad(row.name, 22) + pad("\(row.fetched)", 9) + pad(String(format: "%.0f", row.pagesPerSecond), 9)
                    + pad(String(format: "%.2f", row.wallSeconds), 8) + pad(String(format: "%.2f", row.cpuSeconds), 8)
                    + pad(String(format: "%.3f", row.cpuMillisecondsPerPage), 13) + pad(rss, 10) + row.note
            )
        }
    }

    private static func printRatios(ours: Row, peers: [Row], large: Row?, siteSize: Int) {
        let complete = ours.htmlPages == siteSize
        print("Portcullis reached \(ours.htmlPages ?? 0) of \(siteSize) pages: \(complete ? "complete" : "INCOMPLETE")")
        for peer in peers where !peer.name.hasPrefix("Portcullis") && peer.fetched > 0 {
            print(
                String(
                    format: "pages/s, Portcullis / %@: %.2f (goal >= 1); CPU per page, Portcullis / %@: %.2f",
                    peer.name,
                    ours.pagesPerSecond / peer.pagesPerSecond,
                    peer.name,
                    ours.cpuMillisecondsPerPage / max(peer.cpuMillisecondsPerPage, 1e-9)
                )
            )
        }
        if let large, let rss = large.peakRSSKilobytes {
            let megabytes = Double(rss) / 1024
            let verdict = megabytes < memoryGoalMegabytes ? "met" : "MISSED"
            print(
                String(
                    format: "%d-page crawl: %.0f pages/s, peak RSS %.1f MB (goal < %.0f MB: %@); reached %d pages",
                    largeSiteSize,
                    large.pagesPerSecond,
                    megabytes,
                    memoryGoalMegabytes,
                    verdict,
                    large.htmlPages ?? 0
                )
            )
        }
    }

    // MARK: - Helpers

    /// The checkout's root: the nearest folder above this source file that holds `Package.swift`.
    static func repositoryRoot() throws -> URL {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<10 {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        throw SetupError(description: "no Package.swift above \(#filePath)")
    }

    /// Why the benchmark could not set itself up.
    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }
}
