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
              portcullis report scan.json --pdf --output audit  (portcullis-report.pdf, printed by Chromium)

            --pdf prints the HTML report with headless Chromium (chromium, chromium-browser or google-chrome in \
            PATH; `make deps` installs it). Without --format it writes only the PDF; without --output it writes \
            into the current folder.

            Exit codes:
              0  reports written
              2  usage error: unknown format, unreadable or invalid report (from another major version, \
            truncated or hand-edited), the output folder cannot be written, or --pdf without Chromium or \
            Chromium failing to print
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
        help: ArgumentHelp(
            "Folder to write the reports into (with --pdf: default the current folder).",
            valueName: "dir"
        )
    )
    var output: String?

    @Flag(
        name: .customLong("pdf"),
        help: "Also print the HTML report to portcullis-report.pdf with headless Chromium."
    )
    var pdf = false

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

    func validate() throws {
        if output == nil && !pdf {
            throw ValidationError(
                "Missing expected argument '--output <dir>' (only --pdf defaults to the current folder)"
            )
        }
    }

    func run() throws {
        let gate = try FailThreshold.parse(failOn)
        let formats = pdf && formats == nil ? [] : try ReportFormatList.parse(formats)
        let output = output ?? "."
        // Found before anything is written, so a missing browser leaves no half-done audit folder.
        let browser = try pdf ? HeadlessChromium.locate() : nil
        let result: ScanResult
        do {
            result = try JSONReportReader.read(contentsOf: URL(fileURLWithPath: report))
        } catch {
            throw ConfigurationError(error.description)
        }
        let comparison = try BaselineFile.comparison(path: baseline, current: result)
        let options = ReportOptions(failOn: gate, baseline: comparison)
        let folder = URL(fileURLWithPath: output)
        let written: [URL]
        do {
            written = try ReportWriter.write(result, formats: formats, to: folder, options: options)
        } catch {
            throw ConfigurationError("cannot write reports to \(output): \(error)")
        }
        for url in written { print("wrote \(url.path)") }
        if let browser {
            let pdf = try printPDF(result, options: options, with: browser, into: folder, reusing: written)
            print("wrote \(pdf.path)")
        }
    }

    /// Prints the HTML report to `portcullis-report.pdf` in `folder`: the HTML just written when there is one,
    /// else one rendered into a temporary folder for the browser and removed afterwards.
    private func printPDF(
        _ result: ScanResult,
        options: ReportOptions,
        with browser: HeadlessChromium,
        into folder: URL,
        reusing written: [URL]
    ) throws -> URL {
        let pdf = folder.appendingPathComponent("portcullis-report.pdf")
        if let html = written.first(where: { $0.lastPathComponent == ReportFormat.html.fileName }) {
            do { try browser.printToPDF(html: html, pdf: pdf) } catch { throw ConfigurationError(error.description) }
            return pdf
        }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("portcullis-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let html = try ReportWriter.write(result, formats: [.html], to: scratch, options: options)[0]
            try browser.printToPDF(html: html, pdf: pdf)
        } catch let error as HeadlessChromiumError {
            throw ConfigurationError(error.description)
        } catch {
            throw ConfigurationError("cannot write \(pdf.path): \(error)")
        }
        return pdf
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
