import ArgumentParser
import Foundation
import PortcullisCore
import Reporting
import Scanning

/// `portcullis explain`: evaluate security headers offline, for people designing them.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Evaluate a Content-Security-Policy or a set of security headers offline.",
        subcommands: [CSP.self]
    )

    /// `portcullis explain csp`
    struct CSP: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "csp",
            abstract: "Evaluate a policy (and any other headers) as if an HTTPS page had sent them.",
            discussion: """
                Runs the same CSP and header checks a scan runs, on a synthetic HTTPS response, and prints what \
                they find: csp-evaluator's checks (with its finding names), strict-CSP advice, and header problems.

                Examples:
                  portcullis explain csp "script-src 'self' https://www.google.com; object-src 'none'"
                  portcullis explain csp --header "Content-Security-Policy: default-src 'self'" \\
                      --header "Strict-Transport-Security: max-age=300"
                  portcullis explain csp --html page.html --format json
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The policy, sent as a Content-Security-Policy header.", valueName: "policy"))
        var policy: String?

        @Option(
            name: .customLong("header"),
            help: ArgumentHelp("A response header 'Name: value' (repeatable).", valueName: "header")
        )
        var headers: [String] = []

        @Option(
            help: ArgumentHelp("An HTML file whose <meta> policies and markup are evaluated too.", valueName: "file")
        )
        var html: String?

        @Flag(
            name: .customLong("report-only"),
            help: "Send the policy argument as Content-Security-Policy-Report-Only."
        )
        var reportOnly = false

        @Option(help: ArgumentHelp("Output: text (default) or json.", valueName: "format"))
        var format = "text"

        func validate() throws {
            guard policy != nil || !headers.isEmpty || html != nil else {
                throw ValidationError("give a policy, --header or --html")
            }
            guard format == "text" || format == "json" else { throw ValidationError("--format must be text or json") }
            if let html, !FileManager.default.isReadableFile(atPath: html) {
                throw ValidationError("--html '\(html)' is not a readable file")
            }
        }

        func run() async throws {
            global.bootstrapLogging()
            var fields: [HeaderField] = []
            if let policy {
                let name = reportOnly ? "Content-Security-Policy-Report-Only" : "Content-Security-Policy"
                fields.append(HeaderField(name: name, value: policy))
            }
            for text in headers {
                guard let colon = text.firstIndex(of: ":") else {
                    throw ValidationError("--header needs 'Name: value'")
                }
                fields.append(
                    HeaderField(
                        name: text[..<colon].trimmingCharacters(in: .whitespaces),
                        value: text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    )
                )
            }
            let markup = try html.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
            let findings: [Finding]
            do {
                findings = try OfflineEvaluation.findings(
                    url: URL(string: "https://provider.example/")!,
                    headers: fields,
                    html: markup,
                    catalog: try global.catalog()
                )
            } catch {
                throw ConfigurationError(error)
            }
            let catalog = try global.catalog()
            if format == "json" {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                FileHandle.standardOutput.write(try encoder.encode(findings))
                print()
                return
            }
            if findings.isEmpty {
                print("No findings: the header and CSP checks have nothing to report.")
                return
            }
            for finding in findings {
                let external = catalog[finding.ruleID]?.cspEvaluatorType.map { " (csp-evaluator \($0))" } ?? ""
                print(
                    "\(finding.severity.rawValue.uppercased().padding(toLength: 8, withPad: " ", startingAt: 0)) \(finding.ruleID)\(external)"
                )
                print("         \(TerminalText.clean(finding.title))")
                print("         \(TerminalText.clean(finding.message))")
                for location in finding.locations.prefix(3) {
                    if let snippet = location.snippet { print("         → \(TerminalText.clean(snippet))") }
                }
            }
            print("\(findings.count) findings")
        }
    }
}
