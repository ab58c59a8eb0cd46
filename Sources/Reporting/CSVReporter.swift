public import Foundation
public import PortcullisCore

/// Renders a scan result as CSV for spreadsheets: one row per finding and location.
///
/// The output follows RFC 4180: UTF-8, CRLF line ends, a header row, and fields quoted when they hold a comma,
/// quote, CR or LF. Scanned data is hostile, so a cell that a spreadsheet would read as a formula (starting with
/// `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`, and control characters other than tab, CR and LF are
/// replaced by U+FFFD. A finding without locations still gets one row, with empty URL and element path.
public enum CSVReporter {
    /// The header row's column names, in order.
    public static let columns: [String] = [
        "provider", "rule_id", "family", "severity", "needs_review", "suppressed", "title", "url",
        "element_path", "evidence", "fingerprint",
    ]

    /// Evidence longer than this many characters is cut and marked with `…`.
    public static let maxEvidenceCharacters = 1000

    /// Writes `result` to `stream`, gated by `options.failOn`.
    public static func write(_ result: ScanResult, options: ReportOptions, to stream: ReportStream) {
        stream.write(render(result, options: options))
    }

    /// The CSV bytes of `result`, findings in report order (most severe first).
    public static func render(_ result: ScanResult, options: ReportOptions = ReportOptions()) -> Data {
        let providers = ReportProviders(result.targets)
        var data = Data()
        append(columns, to: &data)
        for finding in ReportOrder.findings(result.findings) {
            let locations = finding.locations.isEmpty ? [Location(url: "")] : finding.locations
            for location in locations {
                append(row(finding, location: location, provider: providers.group(of: finding)), to: &data)
            }
        }
        return data
    }

    /// The cells of one finding at one location.
    private static func row(_ finding: Finding, location: Location, provider: String) -> [String] {
        let suppressed = finding.suppression.map { "suppressed: \($0)" } ?? ""
        return [
            provider, finding.ruleID.rawValue, finding.family.rawValue, finding.severity.rawValue,
            finding.needsReview ? "yes" : "no", suppressed, finding.title, location.url,
            location.elementPath ?? "", evidence(location.snippet ?? finding.message), finding.fingerprint,
        ]
    }

    private static func evidence(_ text: String) -> String {
        guard text.utf8.count > maxEvidenceCharacters, text.count > maxEvidenceCharacters else { return text }
        return String(text.prefix(maxEvidenceCharacters)) + "…"
    }

    private static func append(_ cells: [String], to data: inout Data) {
        data.append(contentsOf: cells.map(field).joined(separator: ",").utf8)
        data.append(contentsOf: [0x0D, 0x0A])
    }

    /// One cell: cleaned, formula-neutralised, and quoted when it needs to be.
    static func field(_ raw: String) -> String {
        // Printable ASCII (most cells) has no control character to clean.
        let printable = raw.utf8.allSatisfy { (0x20...0x7E).contains($0) }
        var text = printable ? raw : String(String.UnicodeScalarView(raw.unicodeScalars.map(clean)))
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text = "'" + text
        }
        let needsQuotes = text.utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n")
        }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func clean(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return scalar
        case 0x00...0x1F, 0x7F...0x9F: return "\u{FFFD}"
        default: return scalar
        }
    }
}
