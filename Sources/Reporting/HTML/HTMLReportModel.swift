import Foundation
import PortcullisCore

/// The whole HTML report as plain Mustache view dictionaries, built from a scan result.
///
/// Every scanned string passes through ``HTMLText`` here and is written by the template with `{{…}}`, which
/// HTML-escapes it; the template never uses triple mustaches.
struct HTMLReportModel {
    let result: ScanResult
    let options: ReportOptions
    let catalog: [Rule]

    /// The view the template renders.
    var view: [String: Any] {
        let findings = ReportOrder.findings(result.findings)
        let active = findings.filter { $0.suppression == nil }
        let suppressed = findings.filter { $0.suppression != nil }
        let rules = ReportOrder.rules(result.rules)
        let counts = FindingCounts(active)
        let providers = ReportProviders(result.targets)
        let rulesByID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var findingsPerRule: [RuleID: Int] = [:]
        for finding in findings { findingsPerRule[finding.ruleID, default: 0] += 1 }
        let started = ReportTime.iso8601(result.startedAt)
        return [
            "toolName": HTMLText.clean(result.tool.name),
            "toolVersion": HTMLText.clean(result.tool.version),
            "scanID": "\(started) / \(HTMLText.clean(result.tool.name)) \(HTMLText.clean(result.tool.version))",
            "startedAt": started,
            "finishedAt": ReportTime.iso8601(result.finishedAt),
            "durationSeconds": String(format: "%.3f", ReportTime.durationSeconds(result)),
            "profile": HTMLText.clean(result.profile),
            "scope": scope,
            "totalActive": active.count,
            "totalSuppressed": suppressed.count,
            "totalReview": active.filter(\.needsReview).count,
            "severityChart": HTMLBarChart.severities(counts).view,
            "familyChart": HTMLBarChart.families(counts).view,
            "gate": (options.failOn ?? .high).rawValue,
            "verdicts": verdicts(active, providers: providers),
            "crawls": crawls,
            "hasCrawls": !result.crawls.isEmpty,
            "targets": targets,
            "problems": ReportOrder.problems(result.problems).map { problem -> [String: Any] in
                [
                    "url": HTMLText.clean(problem.url), "kind": HTMLText.clean(problem.kind),
                    "message": HTMLText.evidence(problem.message),
                ]
            },
            "hasProblems": !result.problems.isEmpty,
            "providers": HTMLFindingGroups(findings: active, providers: providers, rules: rulesByID).view,
            "hasFindings": !active.isEmpty,
            "compliance": ComplianceMatrix(result, catalog: catalog).view,
            "suppressed": suppressed.map { finding -> [String: Any] in
                [
                    "ruleID": HTMLText.clean(finding.ruleID.rawValue),
                    "title": HTMLText.clean(finding.title),
                    "severity": finding.severity.rawValue,
                    "provider": HTMLText.clean(providers.group(of: finding)),
                    "origin": HTMLText.clean(finding.origin),
                    "reason": HTMLText.evidence(finding.suppression ?? ""),
                    "occurrences": finding.occurrences,
                    "fingerprint": HTMLText.clean(finding.fingerprint),
                ]
            },
            "hasSuppressed": !suppressed.isEmpty,
            "rules": rules.map { rule -> [String: Any] in
                [
                    "ruleID": HTMLText.clean(rule.id.rawValue),
                    "title": HTMLText.clean(rule.title),
                    "severity": rule.severity.rawValue,
                    "family": rule.family.rawValue,
                    "references": Self.references(rule.references),
                    "findings": findingsPerRule[rule.id] ?? 0,
                ]
            },
        ]
    }

    /// Providers and their entry URLs, for the cover.
    private var scope: [[String: Any]] {
        var urls: [String: [String]] = [:]
        for target in result.targets { urls[target.provider, default: []].append(target.url) }
        return urls.keys.sorted().map { provider in
            [
                "provider": HTMLText.clean(provider),
                "urls": (urls[provider] ?? []).sorted().map { ["url": HTMLText.clean($0)] },
            ]
        }
    }

    /// One row per provider: targets, active counts by severity, Observatory grade, TLS profile verdict, verdict.
    private func verdicts(_ active: [Finding], providers: ReportProviders) -> [[String: Any]] {
        let names = Set(result.targets.map(\.provider)).union(active.map { providers.group(of: $0) })
        return names.sorted().map { name in
            let targets = result.targets.filter { $0.provider == name }
            let origins = Set(targets.map { ReportProviders.originKey($0.url) })
            let endpoints = Set(targets.compactMap { Self.endpoint(of: $0.url) })
            let mine = active.filter { providers.group(of: $0) == name }
            let counts = FindingCounts(mine)
            let grades = result.grades.filter { origins.contains(ReportProviders.originKey($0.origin)) }
                .map { "\($0.grade) (\($0.score))" }
            let tls = result.tls.filter { endpoints.contains(Self.endpoint(hostPort: $0.host)) }
                .map { "\($0.profile): \($0.profileVerdict) (\($0.grade))" }
            let scanned = targets.contains { $0.status == .scanned }
            let gate = options.failOn ?? .high
            let failing = mine.contains { $0.suppression == nil && !$0.needsReview && $0.severity >= gate }
            let verdict = !scanned ? "not scanned" : failing ? "fail" : "pass"
            var row: [String: Any] = [
                "provider": HTMLText.clean(name),
                "targets": "\(targets.filter { $0.status == .scanned }.count)/\(targets.count)",
                "observatory": HTMLText.clean(grades.isEmpty ? "—" : grades.joined(separator: ", ")),
                "tls": HTMLText.clean(tls.isEmpty ? "—" : tls.joined(separator: ", ")),
                "verdict": verdict,
                "verdictClass": verdict.replacingOccurrences(of: " ", with: "-"),
            ]
            for severity in Severity.allCases { row[severity.rawValue] = counts.bySeverity[severity] ?? 0 }
            return row
        }
    }

    /// `host:port` of an HTTPS `url` (port 443 when none is given), lowercased and without IPv6 brackets;
    /// nil for other schemes, which the TLS probe never sees.
    static func endpoint(of url: String) -> String? {
        guard let components = URLComponents(string: url), components.scheme?.lowercased() == "https",
            let host = components.host
        else { return nil }
        return endpoint(host: host, port: components.port ?? 443)
    }

    /// A TLS summary's `host:port` in the shape ``endpoint(of:)`` gives (port 443 when none is given).
    static func endpoint(hostPort: String) -> String {
        guard let colon = hostPort.lastIndex(of: ":"), !hostPort.hasSuffix("]"),
            let port = Int(hostPort[hostPort.index(after: colon)...])
        else { return endpoint(host: hostPort, port: 443) }
        return endpoint(host: String(hostPort[..<colon]), port: port)
    }

    private static func endpoint(host: String, port: Int) -> String {
        host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased() + ":\(port)"
    }

    private var crawls: [[String: Any]] {
        result.crawls.sorted { $0.provider < $1.provider }.map { crawl in
            [
                "provider": HTMLText.clean(crawl.provider),
                "pages": crawl.pages,
                "otherResponses": crawl.otherResponses,
                "errors": crawl.errors,
                "bytes": crawl.bytes,
                "durationSeconds": String(format: "%.1f", crawl.durationSeconds),
                "notReached": crawl.notReached,
                "stops": crawl.stops.map { ["limit": HTMLText.clean($0.limit), "detail": HTMLText.clean($0.detail)] },
                "hasStops": !crawl.stops.isEmpty,
                "skipped": crawl.skipped.keys.sorted().map { reason -> [String: Any] in
                    [
                        "reason": HTMLText.clean(reason),
                        "count": crawl.skipped[reason] ?? 0,
                        "examples": HTMLText.clean((crawl.skippedExamples[reason] ?? []).joined(separator: ", ")),
                    ]
                },
                "hasSkipped": !crawl.skipped.isEmpty,
            ]
        }
    }

    private var targets: [[String: Any]] {
        result.targets.sorted { ($0.provider, $0.url) < ($1.provider, $1.url) }.map { target in
            [
                "provider": HTMLText.clean(target.provider),
                "url": HTMLText.clean(target.url),
                "status": target.status.rawValue,
                "httpStatus": target.httpStatus.map(String.init) ?? "—",
                "finalURL": HTMLText.clean(target.finalURL ?? "—"),
                "tlsVersion": HTMLText.clean(target.tlsVersion ?? "—"),
            ]
        }
    }

    /// References as text rows (`kind`, `id`, `url`): links are shown, never made clickable, so the report has
    /// no external `href` and a hostile reference cannot become a `javascript:` link.
    static func references(_ references: [Reference]) -> [[String: Any]] {
        references.map { reference in
            var view: [String: Any] = [
                "kind": reference.kind.rawValue,
                "id": HTMLText.clean(reference.id),
            ]
            if let url = reference.url, url != reference.id { view["url"] = HTMLText.clean(url) }
            return view
        }
    }
}
