import ArgumentParser
import Foundation
import PortcullisCore

/// `portcullis scan`: fetch URLs, run the checks, write reports, gate on severity.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan provider URLs (https://, http:// or file://) and report findings.",
        discussion: """
            The URLs are the entry points of one provider: Portcullis crawls every in-scope page from them \
            (breadth-first, obeying robots.txt, within --max-pages/--max-depth/--max-time/--max-bytes and \
            --rate), checks each response's headers and HTML, and writes findings. Redirects out of scope are \
            recorded, never followed. --max-depth 0 checks only the URLs given. Several providers at once: --plan.

            Examples:
              portcullis scan https://provider.example/ --fail-on high
              portcullis scan https://a.example/ https://b.example/ --output reports --format json,sarif
              portcullis scan file:///srv/templates/index.html --format sarif > template.sarif
              portcullis scan https://intranet.example/ --ca-file corp-root.pem --profile onboarding
              portcullis scan https://lms.example/ --scope domain --exclude '/logout' --header 'Cookie: env:LMS_COOKIE'
              portcullis scan --plan providers.yaml --output reports
              portcullis scan --only tls idp.example:443 https://lms.example:8443/ --tls-profile modern
              portcullis scan --only tls --targets fleet.txt --ca-file corp-root.pem --format json -o tls-sweep

            A target without a scheme (host or host:port) means https://host:port/. --targets reads one target \
            per line (blank lines and # comments ignored).

            Without --output the summary goes to stdout; with --format but no --output the one report goes to \
            stdout and the summary to stderr.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ScanOptions
    @OptionGroup(title: "Crawl options (for the provider the URL arguments describe)") var crawl: CrawlOptions

    @Option(
        help: ArgumentHelp(
            "A YAML scan plan listing providers (name, entry URLs, scope, budgets, headers); replaces URL arguments.",
            valueName: "file"
        )
    )
    var plan: String?

    @Option(help: ArgumentHelp("Provider name shown in reports (default: the first URL's host).", valueName: "name"))
    var provider: String?

    @Option(
        help: ArgumentHelp("A file of targets, one URL or host:port per line (# starts a comment).", valueName: "file")
    )
    var targets: String?

    @Argument(help: ArgumentHelp("Entry URLs of the provider to scan (host:port means https).", valueName: "url"))
    var urls: [String] = []

    mutating func validate() throws {
        if let targets {
            guard plan == nil else { throw ValidationError("give either --plan or --targets, not both") }
            urls += try TargetList.read(targets)
        }
        if plan != nil {
            guard urls.isEmpty else { throw ValidationError("give either --plan or URLs, not both") }
            guard !crawl.isSet, provider == nil else {
                throw ValidationError("crawl options and --provider belong in the plan file when --plan is used")
            }
            return
        }
        guard !urls.isEmpty else { throw ValidationError("give at least one URL to scan, or --plan FILE") }
        _ = try entryURLs()
    }

    func run() async throws {
        global.bootstrapLogging()
        let session = ScanSession(global: global, options: options)
        if let plan {
            let file: ScanPlanFile
            do {
                file = try ScanPlanFile.load(plan)
            } catch {
                throw ConfigurationError(error)
            }
            throw try await session.run(
                providers: file.providers,
                caFile: options.caFile ?? file.caFile,
                planProfile: file.profile,
                planLimits: file.limits,
                planTLSProfile: file.tlsProfile,
                planSuppressions: file.suppressions
            )
        }
        let urls = try entryURLs()
        let first = urls[0]
        let name =
            provider ?? (first.isFileURL ? "local-files" : first.host(percentEncoded: false) ?? first.absoluteString)
        throw try await session.run(providers: [try crawl.provider(named: name, urls: urls)], caFile: options.caFile)
    }

    /// The URL arguments as URLs; an invalid one is a usage error.
    func entryURLs() throws -> [URL] { try urls.map(TargetURL.parse) }
}

/// Turns a command-line argument into a scannable URL, or explains why it is not one.
enum TargetURL {
    static func parse(_ argument: String) throws -> URL {
        if !argument.contains("://"),
            argument.range(
                of: #"^[A-Za-z0-9.\-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$"#,
                options: .regularExpression
            ) != nil
        {
            return try parse("https://\(argument)/")
        }
        guard let url = URL(string: argument), let scheme = url.scheme?.lowercased() else {
            throw ValidationError("'\(argument)' is not a URL; use https://host/path, http://host/path or file:///path")
        }
        switch scheme {
        case "http", "https":
            guard let host = url.host(percentEncoded: false), !host.isEmpty else {
                throw ValidationError("'\(argument)' has no host")
            }
            return url
        case "file":
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw ValidationError("'\(argument)': no such file")
            }
            return url
        default:
            throw ValidationError("'\(argument)': unsupported scheme '\(scheme)' (use https, http or file)")
        }
    }
}

/// Reads `--targets` files: one URL or host:port per line, blank lines and `#` comments ignored.
enum TargetList {
    static func read(_ path: String) throws -> [String] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ValidationError("--targets '\(path)': \(error.localizedDescription)")
        }
        var targets: [String] = []
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line =
                rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard !line.isEmpty else { continue }
            do {
                _ = try TargetURL.parse(line)
            } catch {
                throw ValidationError("\(path):\(number + 1): \(error)")
            }
            targets.append(line)
        }
        guard !targets.isEmpty else { throw ValidationError("\(path): no targets") }
        return targets
    }
}
