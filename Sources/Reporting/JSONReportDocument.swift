import Foundation
import PortcullisCore

/// The shape of the Portcullis JSON report, version ``JSONReporter/schemaVersion``, as it is read back.
///
/// Every field is described in `Reports/portcullis-report.schema.json`; change both together. ``JSONReporter``
/// writes the same shape (findings streamed, the rest from ``Parts``); the 1.6.0 `baseline` section is not read
/// back (a re-rendered report has no baseline of its own), so it has no field here.
struct JSONReportDocument: Codable {
    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case schemaVersion
        case tool
        case scan
        case summary
        case targets
        case findings
        case problems
        case crawls
        case grades
        case tls
        case rules
        case waivers
    }

    struct Tool: Codable {
        var name: String
        var version: String
        var informationUri: String
    }

    struct Scan: Codable {
        var startedAt: String
        var finishedAt: String
        var durationSeconds: Double
        var profile: String
    }

    struct SeverityCounts: Codable {
        var critical: Int
        var high: Int
        var medium: Int
        var low: Int
        var info: Int
    }

    struct Summary: Codable {
        var bySeverity: SeverityCounts
        var byFamily: [String: Int]
        var targetsScanned: Int
        var targetsFailed: Int
        var findings: Int
        var problems: Int
    }

    struct Timings: Codable {
        var nameLookup: Double
        var connect: Double
        var tlsHandshake: Double
        var firstByte: Double
        var total: Double
    }

    struct Target: Codable {
        var provider: String
        var url: String
        var status: String
        var finalUrl: String?
        var httpStatus: Int?
        var httpVersion: String?
        var redirects: [String]
        var tlsVersion: String?
        var tlsCipher: String?
        var peerCertificateCount: Int?
        var timings: Timings?
        var bodyBytes: Int?
    }

    struct Location: Codable {
        var url: String
        var elementPath: String?
        var snippet: String?
    }

    struct Finding: Codable {
        var ruleId: String
        var title: String
        var severity: String
        var family: String
        var origin: String
        var message: String
        var fingerprint: String
        var locations: [Location]
        var occurrences: Int
        var suppression: String?
        var needsReview: Bool?
        /// The waiver entry behind `suppression` (1.6.0); absent in older reports.
        var waiver: FindingWaiver?
    }

    /// The waiver entry that suppressed a finding (1.6.0): absent details are omitted.
    struct FindingWaiver: Codable {
        var rule: String
        var reason: String
        var owner: String?
        var ticket: String?
        var expires: String?
        var provider: String?
        var source: String?
        var selector: String?
        var xpath: String?
        var url: String?
    }

    struct Problem: Codable {
        var url: String
        var kind: String
        var message: String
    }

    struct Reference: Codable {
        var kind: String
        var id: String
        var url: String?
    }

    struct Rule: Codable {
        var id: String
        var title: String
        var severity: String
        var family: String
        var description: String
        var remediation: String
        var references: [Reference]
        var tags: [String]
    }

    /// A waiver that expired or covered nothing (1.5.0).
    struct Waiver: Codable {
        var kind: String
        var rule: String
        var label: String
        var source: String
    }

    var schema: String
    var schemaVersion: String
    var tool: Tool
    var scan: Scan
    var summary: Summary
    var targets: [Target]
    var findings: [Finding]
    var problems: [Problem]
    var crawls: [CrawlSummary]
    var grades: [OriginGrade]
    var tls: [TLSHost]
    var rules: [Rule]
    /// Absent in reports written before 1.5.0.
    var waivers: [Waiver]?
}

extension JSONReportDocument {
    /// Every part of the document but the findings (and the 1.6.0 `baseline` section), built for `result` in
    /// report order: ``JSONReporter`` encodes these small parts and streams the findings itself.
    struct Parts {
        var tool: Tool
        var scan: Scan
        var summary: Summary
        var targets: [Target]
        var problems: [Problem]
        var crawls: [CrawlSummary]
        var grades: [OriginGrade]
        var tls: [TLSHost]
        var rules: [Rule]
        var waivers: [Waiver]

        init(_ result: ScanResult) {
            let counts = FindingCounts(result.findings)
            self.tool = Tool(
                name: result.tool.name,
                version: result.tool.version,
                informationUri: result.tool.informationURI
            )
            self.scan = Scan(
                startedAt: ReportTime.iso8601(result.startedAt),
                finishedAt: ReportTime.iso8601(result.finishedAt),
                durationSeconds: ReportTime.durationSeconds(result),
                profile: result.profile
            )
            self.summary = Summary(
                bySeverity: SeverityCounts(
                    critical: counts.bySeverity[.critical, default: 0],
                    high: counts.bySeverity[.high, default: 0],
                    medium: counts.bySeverity[.medium, default: 0],
                    low: counts.bySeverity[.low, default: 0],
                    info: counts.bySeverity[.info, default: 0]
                ),
                byFamily: Dictionary(uniqueKeysWithValues: counts.byFamily.map { ($0.key.rawValue, $0.value) }),
                targetsScanned: result.targets.filter { $0.status == .scanned }.count,
                targetsFailed: result.targets.filter { $0.status == .failed }.count,
                findings: result.findings.count,
                problems: result.problems.count
            )
            self.targets = result.targets.map(Target.init)
            self.problems = ReportOrder.problems(result.problems).map {
                Problem(url: $0.url, kind: $0.kind, message: $0.message)
            }
            self.crawls = result.crawls.sorted { $0.provider < $1.provider }
            self.grades = result.grades.sorted { $0.origin < $1.origin }
            self.tls = result.tls.sorted { $0.host < $1.host }.map(TLSHost.init)
            self.rules = ReportOrder.rules(result.rules).map(Rule.init)
            self.waivers = result.waiverNotes.map {
                Waiver(kind: $0.kind.rawValue, rule: $0.rule, label: $0.label, source: $0.source)
            }
        }
    }
}

extension JSONReportDocument.Target {
    init(_ target: TargetResult) {
        self.init(
            provider: target.provider,
            url: target.url,
            status: target.status.rawValue,
            finalUrl: target.finalURL,
            httpStatus: target.httpStatus,
            httpVersion: target.httpVersion,
            redirects: target.redirects,
            tlsVersion: target.tlsVersion,
            tlsCipher: target.tlsCipher,
            peerCertificateCount: target.peerCertificateCount,
            timings: target.timings.map {
                JSONReportDocument.Timings(
                    nameLookup: $0.nameLookup,
                    connect: $0.connect,
                    tlsHandshake: $0.tlsHandshake,
                    firstByte: $0.firstByte,
                    total: $0.total
                )
            },
            bodyBytes: target.bodyBytes
        )
    }
}

extension JSONReportDocument.Finding {
    init(_ finding: PortcullisCore.Finding) {
        self.init(
            ruleId: finding.ruleID.rawValue,
            title: finding.title,
            severity: finding.severity.rawValue,
            family: finding.family.rawValue,
            origin: finding.origin,
            message: finding.message,
            fingerprint: finding.fingerprint,
            locations: finding.locations.map {
                JSONReportDocument.Location(url: $0.url, elementPath: $0.elementPath, snippet: $0.snippet)
            },
            occurrences: finding.occurrences,
            suppression: finding.suppression,
            needsReview: finding.needsReview ? true : nil,
            waiver: finding.waiver.map {
                JSONReportDocument.FindingWaiver(
                    rule: $0.rule,
                    reason: $0.reason,
                    owner: $0.owner,
                    ticket: $0.ticket,
                    expires: $0.expires,
                    provider: $0.provider,
                    source: $0.source.isEmpty ? nil : $0.source,
                    selector: $0.selector,
                    xpath: $0.xpath,
                    url: $0.url
                )
            }
        )
    }
}

extension JSONReportDocument.Rule {
    init(_ rule: PortcullisCore.Rule) {
        self.init(
            id: rule.id.rawValue,
            title: rule.title,
            severity: rule.severity.rawValue,
            family: rule.family.rawValue,
            description: rule.description,
            remediation: rule.remediation,
            references: rule.references.map {
                JSONReportDocument.Reference(kind: $0.kind.rawValue, id: $0.id, url: $0.url)
            },
            tags: rule.tags
        )
    }
}

extension JSONReportDocument {
    /// One TLS host probe summary; the same fields as `TLSHostSummary`, with the expiry as an ISO 8601 string.
    struct TLSHost: Codable {
        var host: String
        var address: String
        var protocols: [String]
        var suites: [String: [String]]
        var serverPreference: [String: Bool]
        var weakestSuite: String?
        var groups: [String]
        var dhPrimeBits: Int?
        var features: [String: String]
        var certificateSubject: String?
        var certificateExpiry: String?
        var certificateDaysLeft: Int?
        var certificateTrusted: Bool?
        var profile: String
        var profileVerdict: String
        var grade: String
        var handshakes: Int
        var seconds: Double
        var notes: [String]

        init(_ summary: TLSHostSummary) {
            host = summary.host
            address = summary.address
            protocols = summary.protocols
            suites = summary.suites
            serverPreference = summary.serverPreference
            weakestSuite = summary.weakestSuite
            groups = summary.groups
            dhPrimeBits = summary.dhPrimeBits
            features = summary.features
            certificateSubject = summary.certificateSubject
            certificateExpiry = summary.certificateExpiry.map(ReportTime.iso8601)
            certificateDaysLeft = summary.certificateDaysLeft
            certificateTrusted = summary.certificateTrusted
            profile = summary.profile
            profileVerdict = summary.profileVerdict
            grade = summary.grade
            handshakes = summary.handshakes
            seconds = (summary.seconds * 1000).rounded() / 1000
            notes = summary.notes
        }
    }
}
