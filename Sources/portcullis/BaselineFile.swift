import Foundation
import PortcullisCore
import Reporting

/// The `--baseline previous.json` option of `scan` and `report`: a saved report read back and compared.
enum BaselineFile {
    /// `current` compared with the report at `path`, or nil without a path; an unreadable or invalid report is
    /// a configuration error (exit 2) naming the option and the file.
    static func comparison(path: String?, current: ScanResult) throws -> BaselineComparison? {
        guard let path else { return nil }
        do {
            let baseline = try JSONReportReader.read(contentsOf: URL(fileURLWithPath: path))
            return BaselineComparison(baseline: baseline, current: current)
        } catch {
            throw ConfigurationError("--baseline: \(error.description)")
        }
    }
}
