import ArgumentParser
import Foundation

/// The `portcullis` command: scan content providers for security headers, TLS, SSO and accessibility problems.
@main
struct Portcullis: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portcullis",
        abstract: "Security and compliance scanner for the content providers behind a single sign-on.",
        discussion: """
            Portcullis fetches each provider's pages, checks security headers and markup, and writes findings \
            with evidence, remediation and compliance references as JSON, SARIF and a terminal summary.

            Exit codes:
              0  no finding at or above --fail-on
              1  findings at or above --fail-on
              2  usage or configuration error (bad flag, URL, rule or profile file)
              3  nothing could be scanned (every target failed)
            With --baseline and --fail-on-new, only new findings at or above --fail-on give 1.
            """,
        version: "0.1.0",
        subcommands: [
            ScanCommand.self, RulesCommand.self, ExplainCommand.self, DemoCommand.self, ACTReportCommand.self,
            ReportCommand.self, DiffCommand.self,
        ],
        defaultSubcommand: nil
    )

    /// Runs the command, mapping every usage or configuration error to exit code 2 (ArgumentParser uses 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data("\(fullMessage(for: error))\n".utf8))
            Foundation.exit(ExitCodes.usage.rawValue)
        }
    }
}

/// The exit codes `portcullis` documents for pipelines.
enum ExitCodes {
    /// Nothing at or above the threshold.
    static let clean = ExitCode(0)
    /// Findings at or above the `--fail-on` threshold.
    static let findings = ExitCode(1)
    /// Usage or configuration error.
    static let usage = ExitCode(2)
    /// Nothing could be scanned.
    static let nothingScanned = ExitCode(3)
}
