public import Foundation
public import PortcullisCore

/// Renders a scan result as the Portcullis JSON report: a documented, versioned format for other tools to read.
///
/// The format is described by `Reports/portcullis-report.schema.json` and versioned with semver
/// (see `Reports/README.md`). Output is deterministic: keys sorted, arrays in a stable order,
/// so rendering the same result twice gives identical bytes and reports diff cleanly.
/// The findings (the bulk of a large report) stream straight into the ``ReportStream`` through ``JSONWriter``;
/// the small parts are encoded from ``JSONReportDocument``'s types in the same layout.
public enum JSONReporter {
    /// The version of the report format this build writes: additive changes bump the minor, breaking ones the major.
    public static let schemaVersion: String = "1.6.0"

    /// The `$schema` value of every report: the `$id` of the JSON Schema for major version 1 of the format.
    public static let schemaID: String = "https://portcullis-scanner.github.io/schemas/portcullis-report-v1.schema.json"

    /// Writes `result` to `stream`; with `options.baseline`, the report gains a `baseline` section saying what
    /// changed since that scan (counts, new and updated fingerprints, fixed findings, warnings).
    ///
    /// - Throws: An `EncodingError` if a value cannot be represented in JSON (such as a non-finite timing).
    public static func write(_ result: ScanResult, options: ReportOptions, to stream: ReportStream) throws {
        var json = JSONWriter(stream)
        let parts = JSONReportDocument.Parts(result)
        json.beginObject()
        json.field("$schema", schemaID)
        if let comparison = options.baseline { writeBaseline(comparison, to: &json) }
        try json.encodedField("crawls", parts.crawls)
        json.key("findings")
        json.beginArray()
        // Report order by index, so no finding is copied to be sorted.
        for index in ReportOrder.indices(result.findings) { write(result.findings[index], to: &json) }
        json.endArray()
        try json.encodedField("grades", parts.grades)
        try json.encodedField("problems", parts.problems)
        try json.encodedField("rules", parts.rules)
        try json.encodedField("scan", parts.scan)
        json.field("schemaVersion", schemaVersion)
        try json.encodedField("summary", parts.summary)
        try json.encodedField("targets", parts.targets)
        try json.encodedField("tls", parts.tls)
        try json.encodedField("tool", parts.tool)
        try json.encodedField("waivers", parts.waivers)
        json.endObject()
        json.finish()
    }

    /// The report of `result` in memory, pretty-printed UTF-8 JSON with sorted keys and unescaped slashes.
    ///
    /// - Throws: An `EncodingError` if a value cannot be represented in JSON (such as a non-finite timing).
    public static func render(_ result: ScanResult) throws -> Data {
        try render(result, options: ReportOptions())
    }

    /// The report of `result` in memory, with the `baseline` section when `options.baseline` is given.
    ///
    /// - Throws: An `EncodingError` if a value cannot be represented in JSON (such as a non-finite timing).
    public static func render(_ result: ScanResult, options: ReportOptions) throws -> Data {
        let stream = ReportStream()
        try write(result, options: options, to: stream)
        return stream.bytes
    }

    /// One finding, keys in sorted order, locations in report order; the same fields as
    /// ``JSONReportDocument/Finding``.
    static func write(_ finding: Finding, to json: inout JSONWriter) {
        json.beginObject()
        json.field("family", finding.family.rawValue)
        json.field("fingerprint", finding.fingerprint)
        json.key("locations")
        json.beginArray()
        for location in ReportOrder.sortedLocations(finding.locations) {
            json.beginObject()
            json.field("elementPath", location.elementPath)
            json.field("snippet", location.snippet)
            json.field("url", location.url)
            json.endObject()
        }
        json.endArray()
        json.field("message", finding.message)
        if finding.needsReview { json.field("needsReview", true) }
        json.field("occurrences", finding.occurrences)
        json.field("origin", finding.origin)
        json.field("ruleId", finding.ruleID.rawValue)
        json.field("severity", finding.severity.rawValue)
        json.field("suppression", finding.suppression)
        json.field("title", finding.title)
        if let waiver = finding.waiver {
            json.key("waiver")
            write(waiver, to: &json)
        }
        json.endObject()
    }

    /// The waiver entry behind a suppressed finding (1.6.0): absent details are omitted.
    private static func write(_ waiver: Suppression, to json: inout JSONWriter) {
        json.beginObject()
        json.field("expires", waiver.expires)
        json.field("owner", waiver.owner)
        json.field("provider", waiver.provider)
        json.field("reason", waiver.reason)
        json.field("rule", waiver.rule)
        json.field("selector", waiver.selector)
        json.field("source", waiver.source.isEmpty ? nil : waiver.source)
        json.field("ticket", waiver.ticket)
        json.field("url", waiver.url)
        json.field("xpath", waiver.xpath)
        json.endObject()
    }

    /// The `baseline` section (1.6.0): counts by state, the fingerprints of new and updated findings (every other
    /// finding of the report is unchanged), the fixed findings as compact records, and the comparison's warnings.
    private static func writeBaseline(_ comparison: BaselineComparison, to json: inout JSONWriter) {
        json.key("baseline")
        json.beginObject()
        json.key("counts")
        json.beginObject()
        json.field("fixed", comparison.fixed.count)
        json.field("new", comparison.new.count)
        json.field("unchanged", comparison.unchanged.count)
        json.field("updated", comparison.updated.count)
        json.endObject()
        json.key("fixed")
        json.beginArray()
        for finding in comparison.fixed {
            json.beginObject()
            json.field("family", finding.family.rawValue)
            json.field("fingerprint", finding.fingerprint)
            json.field("message", finding.message)
            json.field("occurrences", finding.occurrences)
            json.field("origin", finding.origin)
            json.field("ruleId", finding.ruleID.rawValue)
            json.field("severity", finding.severity.rawValue)
            json.field("title", finding.title)
            json.field("url", finding.locations.first?.url)
            json.endObject()
        }
        json.endArray()
        json.key("new")
        json.strings(comparison.new.map(\.fingerprint))
        json.key("updated")
        json.strings(comparison.updated.map(\.fingerprint))
        json.key("warnings")
        json.strings(comparison.warnings)
        json.endObject()
    }
}

/// The one JSON encoder configuration every machine-readable report uses.
enum ReportEncoder {
    /// An encoder writing deterministically: pretty-printed, sorted keys, slashes unescaped.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Encodes `value` deterministically, with a trailing newline.
    static func encode(_ value: some Encodable) throws -> Data {
        var data = try encoder().encode(value)
        data.append(0x0A)
        return data
    }
}
