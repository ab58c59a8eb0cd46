public import Foundation
public import PortcullisCore

/// Renders a scan result as SARIF 2.1.0, the format code-scanning dashboards (GitHub, Azure DevOps) import.
///
/// One run; the driver lists every rule the scan used (plus any rule a finding names that the result
/// does not describe), each result points at its rule by id and index, carries every location of the
/// finding (capped at ``maximumLocationsPerResult``) and a `portcullisFingerprint/v1` partial fingerprint
/// so dashboards track the same problem across scans. Scan problems become tool execution notifications.
/// Output is deterministic: the same result always gives the same bytes.
public enum SARIFReporter {
    /// The `$schema` every log names.
    public static let schemaURI: String = "https://json.schemastore.org/sarif-2.1.0.json"

    /// The key of the Portcullis fingerprint in each result's `partialFingerprints`.
    public static let fingerprintKey: String = "portcullisFingerprint/v1"

    /// How many locations a result lists at most; the full count is in the result's `properties.locationCount`.
    public static let maximumLocationsPerResult: Int = 50

    /// Writes `result` to `stream`, with `baselineState` on every result when `options.baseline` is given and each
    /// fixed baseline finding listed as an `absent` result, so dashboards close it.
    ///
    /// The results (the bulk of a large log) stream straight into `stream`; the run's small parts (driver rules,
    /// invocation) are encoded from ``SARIFLog``'s types in the same layout.
    /// - Throws: An `EncodingError` if a value cannot be represented in JSON.
    public static func write(_ result: ScanResult, options: ReportOptions, to stream: ReportStream) throws {
        let comparison = options.baseline
        let fixed = comparison?.fixed ?? []
        let rules = SARIFRuleTable(result: result, findings: result.findings + fixed)
        var json = JSONWriter(stream)
        json.beginObject()
        json.field("$schema", schemaURI)
        json.key("runs")
        json.beginArray()
        json.beginObject()
        try json.encodedField("invocations", [invocation(for: result)])
        try json.encodedField("properties", SARIFLog.RunProperties(profile: result.profile))
        json.key("results")
        json.beginArray()
        // The scan's findings in report order (sorted by index, so none is copied), then the fixed ones.
        for index in ReportOrder.indices(result.findings) {
            let finding = result.findings[index]
            try write(
                finding,
                ruleIndex: rules.index(of: finding.ruleID),
                baselineState: comparison?.state(ofFingerprint: finding.fingerprint),
                to: &json
            )
        }
        for finding in fixed {
            try write(finding, ruleIndex: rules.index(of: finding.ruleID), baselineState: .absent, to: &json)
        }
        json.endArray()
        try json.encodedField(
            "tool",
            SARIFLog.Tool(
                driver: SARIFLog.Driver(
                    name: result.tool.name,
                    version: result.tool.version,
                    semanticVersion: result.tool.version,
                    informationUri: result.tool.informationURI,
                    rules: rules.descriptors
                )
            )
        )
        json.endObject()
        json.endArray()
        json.field("version", "2.1.0")
        json.endObject()
        json.finish()
    }

    /// The log of `result` in memory: pretty-printed UTF-8 SARIF 2.1.0 with sorted keys.
    ///
    /// - Throws: An `EncodingError` if a value cannot be represented in JSON.
    public static func render(_ result: ScanResult) throws -> Data {
        try render(result, options: ReportOptions())
    }

    /// The log of `result` in memory, compared with `options.baseline` when given.
    ///
    /// - Throws: An `EncodingError` if a value cannot be represented in JSON.
    public static func render(_ result: ScanResult, options: ReportOptions) throws -> Data {
        let stream = ReportStream()
        try write(result, options: options, to: stream)
        return stream.bytes
    }

    /// Encodes `result` compared with `baseline`: each result gets a `baselineState` (SARIF 2.1.0 §3.27.24) and
    /// each baseline finding the result no longer has is listed as an `absent` result, so dashboards close it.
    ///
    /// - Throws: An `EncodingError` if a value cannot be represented in JSON.
    public static func render(_ result: ScanResult, baseline: ScanResult) throws -> Data {
        try render(result, options: ReportOptions(baseline: BaselineComparison(baseline: baseline, current: result)))
    }

    /// The SARIF level for a severity: critical and high are errors, medium a warning, low and info notes.
    public static func level(for severity: Severity) -> String {
        switch severity {
        case .critical, .high: return "error"
        case .medium: return "warning"
        case .low, .info: return "note"
        }
    }

    /// The `security-severity` score GitHub code scanning reads (0.0 to 10.0), as the string GitHub expects.
    public static func securitySeverity(for severity: Severity) -> String {
        switch severity {
        case .critical: return "9.5"
        case .high: return "8.0"
        case .medium: return "5.5"
        case .low: return "3.0"
        case .info: return "0.0"
        }
    }

    /// A PascalCase name from a rule id, such as `HeadersCspMissing` for `headers.csp-missing`.
    public static func pascalCaseName(_ ruleID: RuleID) -> String {
        ruleID.rawValue
            .split { !$0.isLetter && !$0.isNumber }
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }

    /// One result (SARIF §3.27), keys in sorted order.
    private static func write(
        _ finding: Finding,
        ruleIndex: Int,
        baselineState: BaselineComparison.State?,
        to json: inout JSONWriter
    ) throws {
        let shown = ReportOrder.sortedLocations(finding.locations).prefix(maximumLocationsPerResult)
        json.beginObject()
        json.field("baselineState", baselineState?.rawValue)
        json.field("kind", finding.needsReview ? "review" : "fail")
        json.field("level", finding.needsReview ? "note" : level(for: finding.severity))
        json.key("locations")
        json.beginArray()
        for location in shown { write(location, to: &json) }
        json.endArray()
        json.key("message")
        json.beginObject()
        json.field("text", finding.message.isEmpty ? finding.title : finding.message)
        json.endObject()
        json.key("partialFingerprints")
        json.beginObject()
        json.key("portcullisFingerprint/v1")
        json.string(finding.fingerprint)
        json.endObject()
        json.key("properties")
        json.beginObject()
        json.field("family", finding.family.rawValue)
        json.field("locationCount", finding.occurrences)
        json.field("locationsTruncated", finding.occurrences > shown.count)
        json.field("origin", finding.origin)
        json.field("severity", finding.severity.rawValue)
        json.endObject()
        json.field("ruleId", finding.ruleID.rawValue)
        json.field("ruleIndex", ruleIndex)
        if let suppression = suppression(for: finding) {
            try json.encodedField("suppressions", [suppression])
        }
        json.endObject()
    }

    /// The SARIF suppression (§3.35) of a waived finding: external (a waiver file), accepted, with the waiver's
    /// label (reason, owner, ticket, expiry, source) as the justification and its details as properties.
    static func suppression(for finding: Finding) -> SARIFLog.Suppression? {
        guard let justification = finding.suppression ?? finding.waiver?.label else { return nil }
        return SARIFLog.Suppression(
            kind: "external",
            status: "accepted",
            justification: justification,
            properties: finding.waiver.map {
                SARIFLog.SuppressionProperties(
                    reason: $0.reason,
                    owner: $0.owner,
                    ticket: $0.ticket,
                    expires: $0.expires,
                    source: $0.source.isEmpty ? nil : $0.source
                )
            }
        )
    }

    private static func write(_ location: Location, to json: inout JSONWriter) {
        json.beginObject()
        if let elementPath = location.elementPath {
            json.key("logicalLocations")
            json.beginArray()
            json.beginObject()
            json.field("fullyQualifiedName", elementPath)
            json.field("kind", "element")
            json.endObject()
            json.endArray()
        }
        if let snippet = location.snippet {
            json.key("message")
            json.beginObject()
            json.field("text", snippet)
            json.endObject()
        }
        json.key("physicalLocation")
        json.beginObject()
        json.key("artifactLocation")
        json.beginObject()
        json.field("uri", location.url)
        json.endObject()
        json.endObject()
        json.endObject()
    }

    private static func invocation(for result: ScanResult) -> SARIFLog.Invocation {
        SARIFLog.Invocation(
            executionSuccessful: !result.nothingScanned,
            startTimeUtc: ReportTime.iso8601(result.startedAt),
            endTimeUtc: ReportTime.iso8601(result.finishedAt),
            toolExecutionNotifications: ReportOrder.problems(result.problems).map { problem in
                SARIFLog.Notification(
                    level: "error",
                    message: SARIFLog.Message(text: problem.message.isEmpty ? problem.kind : problem.message),
                    locations: [
                        SARIFLog.Location(
                            physicalLocation: SARIFLog.PhysicalLocation(
                                artifactLocation: SARIFLog.ArtifactLocation(uri: problem.url)
                            ),
                            logicalLocations: nil,
                            message: nil
                        )
                    ],
                    descriptor: SARIFLog.DescriptorReference(id: problem.kind)
                )
            }
        )
    }
}
