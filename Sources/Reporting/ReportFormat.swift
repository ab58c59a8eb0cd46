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

    /// The bytes of `result` in this format; `options` carries the gate threshold the JUnit and Markdown
    /// reports need.
    public func render(_ result: ScanResult, options: ReportOptions) throws -> Data {
        switch self {
        case .json: return try JSONReporter.render(result)
        case .sarif: return try SARIFReporter.render(result)
        case .md: return MarkdownReporter.render(result, options: options)
        case .csv: return CSVReporter.render(result, options: options)
        case .junit: return JUnitReporter.render(result, options: options)
        case .html: return try HTMLReporter.render(result, options: options)
        }
    }
}
