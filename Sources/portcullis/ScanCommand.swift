import ArgumentParser
import Foundation
import PortcullisCore

/// `portcullis scan`: fetch URLs, run the checks, write reports, gate on severity.
struct ScanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan provider URLs (https://, http:// or file://) and report findings.",
        discussion: """
            Each URL is fetched once (redirects on the same host are followed and recorded; redirects elsewhere \
            are reported, never followed), its headers and HTML are checked, and findings are written.

            Examples:
              portcullis scan https://provider.example/ --fail-on high
              portcullis scan https://a.example/ https://b.example/ --output reports --format json,sarif
              portcullis scan file:///srv/templates/index.html --format sarif > template.sarif
              portcullis scan https://intranet.example/ --ca-file corp-root.pem --profile onboarding

            Without --output the summary goes to stdout; with --format but no --output the one report goes to \
            stdout and the summary to stderr.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: ScanOptions

    @Option(help: ArgumentHelp("Provider name shown in reports (default: each URL's host).", valueName: "name"))
    var provider: String?

    @Argument(help: ArgumentHelp("URLs to scan.", valueName: "url"))
    var urls: [String] = []

    mutating func validate() throws {
        guard !urls.isEmpty else { throw ValidationError("give at least one URL to scan") }
        _ = try targets()
    }

    func run() async throws {
        global.bootstrapLogging()
        let session = ScanSession(global: global, options: options)
        throw try await session.run(targets: try targets(), caFile: options.caFile)
    }

    /// The targets the URL arguments name; an invalid URL is a usage error.
    func targets() throws -> [Target] {
        try urls.map { argument in
            let url = try TargetURL.parse(argument)
            let name = provider ?? (url.isFileURL ? "local-files" : url.host(percentEncoded: false) ?? argument)
            return Target(provider: name, url: url)
        }
    }
}

/// Turns a command-line argument into a scannable URL, or explains why it is not one.
enum TargetURL {
    static func parse(_ argument: String) throws -> URL {
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
