public import Foundation
public import PortcullisCore

/// A machine-readable report format the CLI can write to a file.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// The Portcullis JSON report (``JSONReporter``).
    case json
    /// SARIF 2.1.0 for code-scanning dashboards (``SARIFReporter``).
    case sarif

    /// The file name a report of this format is written to.
    public var fileName: String {
        switch self {
        case .json: return "portcullis-report.json"
        case .sarif: return "portcullis-report.sarif"
        }
    }

    /// The bytes of `result` in this format.
    public func render(_ result: ScanResult) throws -> Data {
        switch self {
        case .json: return try JSONReporter.render(result)
        case .sarif: return try SARIFReporter.render(result)
        }
    }
}
