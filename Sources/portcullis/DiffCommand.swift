import ArgumentParser
import Foundation
import PortcullisCore
import Reporting

/// `portcullis diff`: what changed between two saved JSON reports, matched by finding fingerprint.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two saved JSON reports: new, fixed, unchanged and updated findings.",
        discussion: """
            Findings are matched by fingerprint. Updated means the same fingerprint with another severity, \
            occurrence count or locations. Prints the counts and every new finding.

            Examples:
              portcullis diff last-week.json today.json
              portcullis diff baseline.json current.json --format json --fail-on-new --fail-on medium

            Exit codes:
              0  compared (and, with --fail-on-new, no new finding at or above --fail-on)
              1  --fail-on-new and a new finding at or above --fail-on (suppressed or needs-review ones never count)
              2  usage error, or a report that cannot be read
            """
    )

    /// How the comparison is printed.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: ArgumentHelp("The baseline (older) JSON report.", valueName: "old.json"))
    var old: String

    @Argument(help: ArgumentHelp("The current (newer) JSON report.", valueName: "new.json"))
    var new: String

    @Option(help: ArgumentHelp("Output: text or json.", valueName: "format"))
    var format: OutputFormat = .text

    @Flag(name: .customLong("fail-on-new"), help: "Exit with 1 when a new finding is at or above --fail-on.")
    var failOnNew = false

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp(
            "The severity --fail-on-new gates at: info, low, medium, high or critical.",
            valueName: "severity"
        )
    )
    var failOn = "high"

    func run() throws {
        let threshold = try FailThreshold.severity(failOn)
        let baseline: ScanResult
        let current: ScanResult
        do {
            baseline = try JSONReportReader.read(contentsOf: URL(fileURLWithPath: old))
            current = try JSONReportReader.read(contentsOf: URL(fileURLWithPath: new))
        } catch {
            throw ConfigurationError(error.description)
        }
        let comparison = BaselineComparison(baseline: baseline, current: current)
        switch format {
        case .text: FileHandle.standardOutput.write(Data(BaselineDiffReport.text(comparison).utf8))
        case .json: FileHandle.standardOutput.write(try BaselineDiffReport.json(comparison))
        }
        if failOnNew, !comparison.newFindings(atOrAbove: threshold).isEmpty { throw ExitCodes.findings }
    }
}
