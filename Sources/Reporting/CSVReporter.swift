public import Foundation
public import PortcullisCore

/// Renders a scan result as CSV for spreadsheets: one row per finding and location.
///
/// The output follows RFC 4180: UTF-8, CRLF line ends, a header row, and fields quoted when they hold a comma,
/// quote, CR or LF. Scanned data is hostile, so a cell that a spreadsheet would read as a formula (starting with
/// `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`, and control characters other than tab, CR and LF are
/// replaced by U+FFFD. A finding without locations still gets one row, with empty URL and element path.
/// A waived finding names its waiver's owner and expiry in the last two columns.
/// Cells are escaped on their UTF-8 bytes straight into the stream, so 100,000 findings render in a fraction of a
/// second without building the document first.
public enum CSVReporter {
    /// The header row's column names, in order.
    public static let columns: [String] = [
        "provider", "rule_id", "family", "severity", "needs_review", "suppressed", "title", "url",
        "element_path", "evidence", "fingerprint", "waiver_owner", "waiver_expires",
    ]

    /// Evidence longer than this many characters is cut and marked with `…`.
    public static let maxEvidenceCharacters = 1000

    /// Writes `result` to `stream`, findings in report order (most severe first); CSV has no gate, so `options`
    /// change nothing.
    public static func write(_ result: ScanResult, options: ReportOptions, to stream: ReportStream) {
        for (index, column) in columns.enumerated() {
            if index > 0 { stream.write(byte: UInt8(ascii: ",")) }
            writeField(column, to: stream)
        }
        stream.write("\r\n" as StaticString)
        let providers = ReportProviders(result.targets, findings: result.findings)
        let findings = result.findings
        for index in ReportOrder.indices(findings) {
            let finding = findings[index]
            let provider = providers.group(of: finding)
            let suppressed = finding.suppression.map { "suppressed: \($0)" } ?? ""
            let locations = ReportOrder.sortedLocations(finding.locations)
            if locations.isEmpty {
                writeRow(finding, location: Location(url: ""), provider: provider, suppressed: suppressed, to: stream)
            }
            for location in locations {
                writeRow(finding, location: location, provider: provider, suppressed: suppressed, to: stream)
            }
        }
    }

    /// The CSV bytes of `result`, findings in report order (most severe first).
    public static func render(_ result: ScanResult, options: ReportOptions = ReportOptions()) -> Data {
        let stream = ReportStream()
        write(result, options: options, to: stream)
        return stream.bytes
    }

    /// One finding at one location: the cells in ``columns`` order, then CRLF.
    private static func writeRow(
        _ finding: Finding,
        location: Location,
        provider: String,
        suppressed: String,
        to stream: ReportStream
    ) {
        let comma = UInt8(ascii: ",")
        writeField(provider, to: stream)
        stream.write(byte: comma)
        writeField(finding.ruleID.rawValue, to: stream)
        stream.write(byte: comma)
        writeField(finding.family.rawValue, to: stream)
        stream.write(byte: comma)
        writeField(finding.severity.rawValue, to: stream)
        stream.write(finding.needsReview ? ",yes," as StaticString : ",no," as StaticString)
        writeField(suppressed, to: stream)
        stream.write(byte: comma)
        writeField(finding.title, to: stream)
        stream.write(byte: comma)
        writeField(location.url, to: stream)
        stream.write(byte: comma)
        writeField(location.elementPath ?? "", to: stream)
        stream.write(byte: comma)
        writeField(evidence(location.snippet ?? finding.message), to: stream)
        stream.write(byte: comma)
        writeField(finding.fingerprint, to: stream)
        stream.write(byte: comma)
        writeField(finding.waiver?.owner ?? "", to: stream)
        stream.write(byte: comma)
        writeField(finding.waiver?.expires ?? "", to: stream)
        stream.write("\r\n" as StaticString)
    }

    private static func evidence(_ text: String) -> String {
        guard text.utf8.count > maxEvidenceCharacters, text.count > maxEvidenceCharacters else { return text }
        return String(text.prefix(maxEvidenceCharacters)) + "…"
    }

    /// Writes one cell: cleaned, formula-neutralised, and quoted when it needs to be.
    static func writeField(_ raw: String, to stream: ReportStream) {
        var raw = raw
        raw.withUTF8 { bytes in
            guard let first = bytes.first else { return }
            var quoted = false
            var clean = true
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case UInt8(ascii: ","), UInt8(ascii: "\""), 0x0D, 0x0A: quoted = true
                case 0x09: break
                case 0x00..<0x20, 0x7F: clean = false
                case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]): clean = false
                default: break
                }
            }
            if quoted { stream.write(byte: UInt8(ascii: "\"")) }
            if formulaStarts.contains(first) { stream.write(byte: UInt8(ascii: "'")) }
            if clean && !quoted {
                stream.append(contentsOf: bytes)
            } else {
                writeEscaped(bytes, to: stream)
            }
            if quoted { stream.write(byte: UInt8(ascii: "\"")) }
        }
    }

    /// The first bytes that make a spreadsheet read a cell as a formula.
    private static let formulaStarts: Set<UInt8> = [
        UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D,
    ]

    /// Writes `bytes` with quotes doubled and control characters (C0 but tab, CR, LF; DEL; C1) as U+FFFD.
    private static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to stream: ReportStream) {
        var runStart = 0
        var index = 0
        func flush(to end: Int) {
            if end > runStart { stream.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                // The run ends with this quote; the next run starts with it again, doubling it.
                flush(to: index + 1)
                runStart = index
                index += 1
            case 0x00..<0x09, 0x0B, 0x0C, 0x0E..<0x20, 0x7F:
                flush(to: index)
                stream.write("\u{FFFD}" as StaticString)
                index += 1
                runStart = index
            case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                flush(to: index)
                stream.write("\u{FFFD}" as StaticString)
                index += 2
                runStart = index
            default:
                index += 1
            }
        }
        flush(to: bytes.count)
    }
}
