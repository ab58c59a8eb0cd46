public import Foundation
public import PortcullisCore

/// Renders a scan result as the Portcullis JSON report: a documented, versioned format for other tools to read.
///
/// The format is described by `Reports/portcullis-report.schema.json` and versioned with semver
/// (see `Reports/README.md`). Output is deterministic: keys sorted, arrays in a stable order,
/// so rendering the same result twice gives identical bytes and reports diff cleanly.
public enum JSONReporter {
    /// The version of the report format this build writes: additive changes bump the minor, breaking ones the major.
    public static let schemaVersion: String = "1.5.0"

    /// The `$schema` value of every report: the `$id` of the JSON Schema for major version 1 of the format.
    public static let schemaID: String = "https://portcullis-scanner.github.io/schemas/portcullis-report-v1.schema.json"

    /// Writes `result` to `stream`; with `options.baseline`, the report gains what changed since that scan.
    ///
    /// - Throws: An `EncodingError` if a value cannot be represented in JSON.
    public static func write(_ result: ScanResult, options: ReportOptions, to stream: ReportStream) throws {
        stream.write(try render(result))
    }

    /// Encodes `result` as pretty-printed UTF-8 JSON with sorted keys and unescaped slashes.
    ///
    /// - Throws: An `EncodingError` if a value cannot be represented in JSON (such as a non-finite timing).
    public static func render(_ result: ScanResult) throws -> Data {
        try ReportEncoder.encode(JSONReportDocument(result))
    }
}

/// The one JSON encoder configuration every machine-readable report uses.
enum ReportEncoder {
    /// Encodes `value` deterministically: pretty-printed, sorted keys, slashes unescaped, trailing newline.
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
