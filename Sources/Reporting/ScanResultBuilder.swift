import Foundation
import PortcullisCore

/// Rebuilds a ``ScanResult`` from a decoded ``JSONReportDocument``, checking every enumerated value.
///
/// Kept apart from ``JSONReportReader`` so the reader does the decoding and this does the meaning:
/// a severity, family, status, reference kind or timestamp that is not one Portcullis writes is an error
/// naming its place in the document.
struct ScanResultBuilder {
    /// The file the document came from, for messages.
    let file: String

    func result(from document: JSONReportDocument) throws(ReportReadError) -> ScanResult {
        let startedAt = try date(document.scan.startedAt, at: "scan.startedAt")
        // Durations are written as the difference of the two millisecond timestamps, so these two give it back.
        let finishedAt = try date(document.scan.finishedAt, at: "scan.finishedAt")
        var targets: [TargetResult] = []
        for (index, target) in document.targets.enumerated() {
            targets.append(try self.target(target, at: "targets[\(index)]"))
        }
        var findings: [Finding] = []
        for (index, finding) in document.findings.enumerated() {
            findings.append(try self.finding(finding, at: "findings[\(index)]"))
        }
        var rules: [Rule] = []
        for (index, rule) in document.rules.enumerated() {
            rules.append(try self.rule(rule, at: "rules[\(index)]"))
        }
        var tls: [TLSHostSummary] = []
        for (index, host) in document.tls.enumerated() {
            tls.append(try self.tls(host, at: "tls[\(index)]"))
        }
        var waiverNotes: [WaiverNote] = []
        for (index, waiver) in (document.waivers ?? []).enumerated() {
            waiverNotes.append(
                WaiverNote(
                    kind: try value(waiver.kind, at: "waivers[\(index)].kind"),
                    rule: waiver.rule,
                    label: waiver.label,
                    source: waiver.source
                )
            )
        }
        return ScanResult(
            tool: ToolInfo(
                name: document.tool.name,
                version: document.tool.version,
                informationURI: document.tool.informationUri
            ),
            startedAt: startedAt,
            finishedAt: finishedAt,
            profile: document.scan.profile,
            targets: targets,
            findings: findings,
            problems: document.problems.map { ScanProblem(url: $0.url, kind: $0.kind, message: $0.message) },
            crawls: document.crawls,
            grades: document.grades,
            tls: tls,
            rules: rules,
            waiverNotes: waiverNotes
        )
    }

    private func target(_ target: JSONReportDocument.Target, at path: String) throws(ReportReadError) -> TargetResult {
        TargetResult(
            provider: target.provider,
            url: target.url,
            status: try status(target.status, at: "\(path).status"),
            finalURL: target.finalUrl,
            httpStatus: target.httpStatus,
            httpVersion: target.httpVersion,
            redirects: target.redirects,
            tlsVersion: target.tlsVersion,
            tlsCipher: target.tlsCipher,
            peerCertificateCount: target.peerCertificateCount,
            timings: target.timings.map {
                Timings(
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

    private func finding(_ finding: JSONReportDocument.Finding, at path: String) throws(ReportReadError) -> Finding {
        Finding(
            ruleID: RuleID(rawValue: finding.ruleId),
            title: finding.title,
            severity: try value(finding.severity, at: "\(path).severity"),
            family: try value(finding.family, at: "\(path).family"),
            origin: finding.origin,
            message: finding.message,
            locations: finding.locations.map {
                Location(url: $0.url, elementPath: $0.elementPath, snippet: $0.snippet)
            },
            occurrences: finding.occurrences,
            fingerprint: finding.fingerprint,
            suppression: finding.suppression,
            waiver: finding.waiver.map {
                Suppression(
                    rule: $0.rule,
                    selector: $0.selector,
                    xpath: $0.xpath,
                    url: $0.url,
                    reason: $0.reason,
                    source: $0.source ?? "",
                    owner: $0.owner,
                    ticket: $0.ticket,
                    expires: $0.expires,
                    provider: $0.provider
                )
            },
            needsReview: finding.needsReview ?? false
        )
    }

    private func rule(_ rule: JSONReportDocument.Rule, at path: String) throws(ReportReadError) -> Rule {
        var references: [Reference] = []
        for (index, reference) in rule.references.enumerated() {
            let kind: Reference.Kind = try value(reference.kind, at: "\(path).references[\(index)].kind")
            references.append(Reference(kind: kind, id: reference.id, url: reference.url))
        }
        return Rule(
            id: RuleID(rawValue: rule.id),
            title: rule.title,
            severity: try value(rule.severity, at: "\(path).severity"),
            family: try value(rule.family, at: "\(path).family"),
            description: rule.description,
            remediation: rule.remediation,
            references: references,
            tags: rule.tags,
            source: file
        )
    }

    private func tls(_ host: JSONReportDocument.TLSHost, at path: String) throws(ReportReadError) -> TLSHostSummary {
        var expiry: Date?
        if let text = host.certificateExpiry { expiry = try date(text, at: "\(path).certificateExpiry") }
        return TLSHostSummary(
            host: host.host,
            address: host.address,
            protocols: host.protocols,
            suites: host.suites,
            serverPreference: host.serverPreference,
            weakestSuite: host.weakestSuite,
            groups: host.groups,
            dhPrimeBits: host.dhPrimeBits,
            features: host.features,
            certificateSubject: host.certificateSubject,
            certificateExpiry: expiry,
            certificateDaysLeft: host.certificateDaysLeft,
            certificateTrusted: host.certificateTrusted,
            profile: host.profile,
            profileVerdict: host.profileVerdict,
            grade: host.grade,
            handshakes: host.handshakes,
            seconds: host.seconds,
            notes: host.notes
        )
    }

    private func status(_ raw: String, at path: String) throws(ReportReadError) -> TargetResult.Status {
        guard let status = TargetResult.Status(rawValue: raw) else {
            throw ReportReadError(file: file, codingPath: path, reason: "'\(raw)' is not one of scanned, failed")
        }
        return status
    }

    /// A raw value of a string enumeration, or an error listing the values allowed.
    private func value<T: RawRepresentable & CaseIterable>(
        _ raw: String,
        at path: String
    ) throws(ReportReadError) -> T where T.RawValue == String {
        guard let value = T(rawValue: raw) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw ReportReadError(file: file, codingPath: path, reason: "'\(raw)' is not one of \(allowed)")
        }
        return value
    }

    private func date(_ text: String, at path: String) throws(ReportReadError) -> Date {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        if let date = try? style.parse(text) { return date }
        if let date = try? Date.ISO8601FormatStyle(timeZone: .gmt).parse(text) { return date }
        throw ReportReadError(file: file, codingPath: path, reason: "'\(text)' is not an ISO 8601 timestamp")
    }
}
