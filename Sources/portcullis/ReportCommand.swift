import ArgumentParser
import Foundation
import PortcullisCore
import Reporting

/// `portcullis report`: re-render a saved JSON report in other formats, without scanning again.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Re-render a saved JSON report (portcullis-report.json) in other formats without rescanning.",
        discussion: """
            Audit copies can be produced long after the scan: the saved report is read back and written in \
            each requested format into --output.

            Examples:
              portcullis report reports/portcullis-report.json --format sarif --output audit
              portcullis report scan.json --output audit        (every format)
              portcullis report this-week.json --baseline last-week.json --format html,sarif --output audit

            Exit codes:
              0  reports written
              2  usage error: unknown format, unreadable or invalid report (from another major version, \
            truncated or hand-edited), or the output folder cannot be written
            """
    )

    @Argument(help: ArgumentHelp("A saved Portcullis JSON report.", valueName: "scan.json"))
    var report: String

    @Option(
        name: [.customShort("f"), .customLong("format")],
        help: ArgumentHelp(
            "Comma-separated formats (\(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))); "
                + "default: all.",
            valueName: "formats"
        )
    )
    var formats: String?

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("Folder to write the reports into.", valueName: "dir")
    )
    var output: String

    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp(
            "The severity the JUnit and Markdown gates report as failing (info, low, medium, high, critical, none).",
            valueName: "severity"
        )
    )
    var failOn = "high"

    @Option(
        name: .customLong("baseline"),
        help: ArgumentHelp(
            "An earlier saved JSON report: SARIF, JSON and HTML then say what is new, updated and fixed.",
            valueName: "previous.json"
        )
    )
    var baseline: String?

    func run() throws {
        let gate = try FailThreshold.parse(failOn)
        let formats = try ReportFormatList.parse(formats)
        let result: ScanResult
        do {
            result = try JSONReportReader.read(contentsOf: URL(fileURLWithPath: report))
        } catch {
            throw ConfigurationError(error.description)
        }
        var comparison: BaselineComparison?
        if let baseline {
            do {
                let previous = try JSONReportReader.read(contentsOf: URL(fileURLWithPath: baseline))
                comparison = BaselineComparison(baseline: previous, current: result)
            } catch {
                throw ConfigurationError("--baseline: \(error.description)")
            }
        }
        let written: [URL]
        do {
            written = try ReportWriter.write(
                result,
                formats: formats,
                to: URL(fileURLWithPath: output),
                options: ReportOptions(failOn: gate, baseline: comparison)
            )
        } catch {
            throw ConfigurationError("cannot write reports to \(output): \(error)")
        }
        for url in written { print("wrote \(url.path)") }
    }
}

/// Parses a `--format` list against ``ReportFormat``; an unknown name is a usage error naming the known ones.
enum ReportFormatList {
    /// The formats named in `list` (comma-separated), or every format when `list` is nil.
    static func parse(_ list: String?) throws -> [ReportFormat] {
        guard let list else { return ReportFormat.allCases }
        return try list.split(separator: ",").map { name in
            let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = ReportFormat(rawValue: trimmed) else {
                let known = ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("unknown report format '\(trimmed)' (known: \(known))")
            }
            return format
        }
    }
}
