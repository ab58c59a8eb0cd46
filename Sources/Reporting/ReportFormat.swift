public import Foundation
public import PortcullisCore

/// A machine-readable report format the CLI can write to a file.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// The Portcullis JSON report (``JSONReporter``).
    case json
    /// SARIF 2.1.0 for code-scanning dashboards (``SARIFReporter``).
    case sarif
    /// Markdown for a pull-request comment (``MarkdownReporter``).
    case md
    /// CSV for spreadsheets, one row per finding and location (``CSVReporter``).
    case csv
    /// JUnit XML for CI test dashboards (``JUnitReporter``).
    case junit
    /// The self-contained HTML audit report (``HTMLReporter``).
    case html

    /// The file name a report of this format is written to.
    public var fileName: String {
        switch self {
        case .json: return "portcullis-report.json"
        case .sarif: return "portcullis-report.sarif"
        case .md: return "portcullis-report.md"
        case .csv: return "portcullis-report.csv"
        case .junit: return "portcullis-report.junit.xml"
        case .html: return "portcullis-report.html"
        }
    }

    /// The bytes of `result` in this format, with default ``ReportOptions`` (no gate).
    public func render(_ result: ScanResult) throws -> Data {
        try render(result, options: ReportOptions())
    }

    /// The bytes of `result` in this format, in memory; `options` carries the gate threshold and the baseline.
    public func render(_ result: ScanResult, options: ReportOptions) throws -> Data {
        let stream = ReportStream()
        try write(result, options: options, to: stream)
        return stream.bytes
    }

    /// Writes `result` in this format to `stream`; `options` carries the gate threshold the JUnit and Markdown
    /// reports need and the baseline comparison SARIF, JSON and HTML show.
    public func write(_ result: ScanResult, options: ReportOptions, to stream: ReportStream) throws {
        switch self {
        case .json: try JSONReporter.write(result, options: options, to: stream)
        case .sarif: try SARIFReporter.write(result, options: options, to: stream)
        case .md: MarkdownReporter.write(result, options: options, to: stream)
        case .csv: CSVReporter.write(result, options: options, to: stream)
        case .junit: JUnitReporter.write(result, options: options, to: stream)
        case .html: try HTMLReporter.write(result, options: options, to: stream)
        }
    }
}
