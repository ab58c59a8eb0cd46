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

    /// Writes `result` to `stream`, with `baselineState` on every result when `options.baseline` is given.
    ///
    /// - Throws: An `EncodingError` if a value cannot be represented in JSON.
    public static func write(_ result: ScanResult, options: ReportOptions, to stream: ReportStream) throws {
        if let comparison = options.baseline {
            stream.write(try render(result, comparison: comparison))
        } else {
            stream.write(try render(result))
        }
    }

    /// Encodes `result` as pretty-printed UTF-8 SARIF 2.1.0 with sorted keys.
    ///
    /// - Throws: An `EncodingError` if a value cannot be represented in JSON.
    public static func render(_ result: ScanResult) throws -> Data {
        try ReportEncoder.encode(log(for: result))
    }

    /// Encodes `result` compared with `baseline`: each result gets a `baselineState` (SARIF 2.1.0 §3.27.24) and
    /// each baseline finding the result no longer has is listed as an `absent` result, so dashboards close it.
    ///
    /// - Throws: An `EncodingError` if a value cannot be represented in JSON.
    public static func render(_ result: ScanResult, baseline: ScanResult) throws -> Data {
        try render(result, comparison: BaselineComparison(baseline: baseline, current: result))
    }

    /// Encodes `result` with each result's `baselineState` taken from `comparison`, fixed findings as `absent`.
    ///
    /// - Throws: An `EncodingError` if a value cannot be represented in JSON.
    public static func render(_ result: ScanResult, comparison: BaselineComparison) throws -> Data {
        try ReportEncoder.encode(log(for: result, comparison: comparison))
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

    static func log(for result: ScanResult, comparison: BaselineComparison? = nil) -> SARIFLog {
        let findings = ReportOrder.findings(result.findings) + (comparison?.fixed ?? [])
        let rules = SARIFRuleTable(result: result, findings: findings)
        let run = SARIFLog.Run(
            tool: SARIFLog.Tool(
                driver: SARIFLog.Driver(
                    name: result.tool.name,
                    version: result.tool.version,
                    semanticVersion: result.tool.version,
                    informationUri: result.tool.informationURI,
                    rules: rules.descriptors
                )
            ),
            invocations: [invocation(for: result)],
            results: findings.map { finding in
                var sarif = sarifResult(for: finding, ruleIndex: rules.index(of: finding.ruleID))
                sarif.baselineState = comparison?.state(ofFingerprint: finding.fingerprint)?.rawValue
                return sarif
            },
            properties: SARIFLog.RunProperties(profile: result.profile)
        )
        return SARIFLog(schema: schemaURI, version: "2.1.0", runs: [run])
    }

    private static func sarifResult(for finding: Finding, ruleIndex: Int) -> SARIFLog.Result {
        let shown = finding.locations.prefix(maximumLocationsPerResult)
        return SARIFLog.Result(
            ruleId: finding.ruleID.rawValue,
            ruleIndex: ruleIndex,
            kind: finding.needsReview ? "review" : "fail",
            level: finding.needsReview ? "note" : level(for: finding.severity),
            message: SARIFLog.Message(text: finding.message.isEmpty ? finding.title : finding.message),
            locations: shown.map(location),
            partialFingerprints: [fingerprintKey: finding.fingerprint],
            suppressions: finding.suppression.map {
                [SARIFLog.Suppression(kind: "external", status: "accepted", justification: $0)]
            },
            baselineState: nil,
            properties: SARIFLog.ResultProperties(
                severity: finding.severity.rawValue,
                origin: finding.origin,
                family: finding.family.rawValue,
                locationCount: finding.occurrences,
                locationsTruncated: finding.occurrences > shown.count
            )
        )
    }

    private static func location(_ location: Location) -> SARIFLog.Location {
        SARIFLog.Location(
            physicalLocation: SARIFLog.PhysicalLocation(artifactLocation: SARIFLog.ArtifactLocation(uri: location.url)),
            logicalLocations: location.elementPath.map {
                [SARIFLog.LogicalLocation(fullyQualifiedName: $0, kind: "element")]
            },
            message: location.snippet.map { SARIFLog.Message(text: $0) }
        )
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
                    locations: [location(Location(url: problem.url))],
                    descriptor: SARIFLog.DescriptorReference(id: problem.kind)
                )
            }
        )
    }
}
