import Foundation
import PortcullisCore
import ProcessSpawn
import Reporting

/// Every report format for a scan of `count` findings (default 100,000) spread over the real rule catalog, 20
/// origins and 1–3 locations each: seconds per format and in all, and the process's peak memory.
///
/// Usage: `portcullis-bench reports [count]`. Target: all formats in under 2 s for 100,000 findings.
enum ReportBenchmark {
    static func run(arguments: [String]) throws {
        let count = arguments.first.flatMap(Int.init) ?? 100_000
        let catalog = try RuleCatalog.load(directory: CrawlBenchmark.repositoryRoot().appendingPathComponent("Rules"))
        let result = syntheticResult(
            count: count,
            rules: catalog.rules.values.sorted { $0.id.rawValue < $1.id.rawValue }
        )
        print("reports: \(count) findings, \(result.findings.reduce(0) { $0 + $1.locations.count }) locations")
        let baseRSS = Double(BenchmarkSupport.peakRSSKilobytes()) / 1024
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-bench-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = ReportOptions(failOn: .high)
        for format in ReportFormat.allCases {
            let start = ContinuousClock.now
            let files = try ReportWriter.write(result, formats: [format], to: folder, options: options)
            let seconds = BenchmarkSupport.seconds(ContinuousClock.now - start)
            let size = (try? FileManager.default.attributesOfItem(atPath: files[0].path)[.size] as? Int) ?? 0
            print(String(format: "  %-6@ %7.3f s  %9.2f MB", format.rawValue, seconds, Double(size) / 1e6))
        }
        let start = ContinuousClock.now
        let files = try ReportWriter.write(result, formats: ReportFormat.allCases, to: folder, options: options)
        let total = BenchmarkSupport.seconds(ContinuousClock.now - start)
        print(
            String(
                format: "  all formats side by side (ReportWriter): %.3f s; peak memory %.0f MB (%.0f MB of it the "
                    + "scan result itself)",
                total,
                Double(BenchmarkSupport.peakRSSKilobytes()) / 1024,
                baseRSS
            )
        )
        if let html = files.first(where: { $0.pathExtension == "html" }) { browserLoad(html) }
    }

    /// How long headless Chromium takes to load and lay out the HTML report, when Chromium is installed.
    static func browserLoad(_ html: URL) {
        guard
            let chromium = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(BenchmarkSupport.which)
                .first
        else {
            print("  browser: Chromium not installed, HTML load time not measured")
            return
        }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("bench-chromium-\(UUID())")
        defer { try? FileManager.default.removeItem(at: profile) }
        let start = ContinuousClock.now
        let status: Int32
        do {
            let process = try SpawnedProcess(
                chromium,
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--user-data-dir=\(profile.path)", "--screenshot=\(profile.path)/shot.png",
                    "--window-size=1280,2000",
                    html.absoluteString,
                ],
                outputPath: nil,
                errorPath: nil
            )
            status = process.wait(timeout: 120) ?? process.kill()
        } catch {
            print("  browser: \(error)")
            return
        }
        let seconds = BenchmarkSupport.seconds(ContinuousClock.now - start)
        print(
            String(
                format: "  browser: headless Chromium loads and paints the HTML report in %.2f s (exit %d)",
                seconds,
                status
            )
        )
    }

    /// A scan result with `count` findings, deterministic, shaped like a large fleet scan.
    static func syntheticResult(count: Int, rules: [Rule]) -> ScanResult {
        let origins = (0..<20).map { "https://provider-\($0).example" }
        let targets = origins.map { TargetResult(provider: $0, url: $0 + "/", status: .scanned) }
        var findings: [Finding] = []
        findings.reserveCapacity(count)
        for index in 0..<count {
            let rule = rules[index % rules.count]
            let origin = origins[index % origins.count]
            let locations = (0...(index % 3)).map { page in
                Location(
                    url: "\(origin)/section/\(index / 40)/page-\(page)",
                    elementPath: rule.family == .accessibility
                        ? "html > body > main > div:nth-of-type(\(page + 1))" : nil,
                    snippet: rule.family == .accessibility ? "<img src=\"/i/\(index).png\">" : nil
                )
            }
            findings.append(
                Finding(
                    ruleID: rule.id,
                    title: rule.title,
                    severity: rule.severity,
                    family: rule.family,
                    origin: origin,
                    message: "Observed on page \(index): \(rule.title) <script>alert(\(index))</script>",
                    locations: locations,
                    fingerprint: String(format: "%016llx", UInt64(index) &* 0x9E37_79B9_7F4A_7C15),
                    suppression: index % 97 == 0 ? "accepted risk (ticket SEC-\(index))" : nil,
                    needsReview: index % 53 == 0
                )
            )
        }
        let start = Date(timeIntervalSince1970: 1_764_000_000)
        return ScanResult(
            startedAt: start,
            finishedAt: start.addingTimeInterval(600),
            profile: "default",
            targets: targets,
            findings: findings,
            problems: [],
            rules: rules
        )
    }
}
