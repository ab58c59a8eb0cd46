import Foundation
import PortcullisCore

/// The HTML report's data: the small sections as plain Mustache view dictionaries, and the findings and waived
/// findings grouped for the writers that stream them (``HTMLFindingsWriter``, ``HTMLWaivedWriter``).
///
/// Every scanned string in the view passes through ``HTMLText`` here and is written by the template with `{{…}}`,
/// which HTML-escapes it; the template never uses triple mustaches. Everything is computed in a few linear passes
/// so a 100,000-finding scan costs little beyond sorting.
struct HTMLReportModel {
    /// Most rows in the problems table and in each baseline list.
    static let problemLimit = 500
    static let baselineLimit = 20

    let result: ScanResult
    let options: ReportOptions
    let catalog: [Rule]
    /// Findings not waived, in any order.
    let active: [Finding]
    /// Waived findings in report order.
    let waived: [Finding]
    /// The findings section's groups.
    let groups: HTMLFindingGroups
    private let providers: ReportProviders

    init(result: ScanResult, options: ReportOptions, catalog: [Rule]) {
        self.result = result
        self.options = options
        self.catalog = catalog
        let providers = ReportProviders(result.targets, findings: result.findings)
        self.providers = providers
        active = result.findings.filter { $0.suppression == nil }
        waived = ReportOrder.findings(result.findings.filter { $0.suppression != nil })
        let rulesByID = Dictionary(result.rules.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        groups = HTMLFindingGroups(findings: active, provider: providers.group(of:), rules: rulesByID)
    }

    /// The provider name of `finding` (its origin when no target has that origin).
    func provider(of finding: Finding) -> String { providers.group(of: finding) }

    /// The view the template's three parts render.
    var view: [String: Any] {
        let rules = ReportOrder.rules(result.rules)
        let counts = FindingCounts(active)
        var findingsPerRule: [RuleID: Int] = [:]
        for finding in result.findings { findingsPerRule[finding.ruleID, default: 0] += 1 }
        let started = ReportTime.iso8601(result.startedAt)
        let problems = ReportOrder.problems(result.problems)
        let notScanned = result.targets.filter { $0.status != .scanned }.sorted {
            ($0.provider, $0.url) < ($1.provider, $1.url)
        }
        var view: [String: Any] = [
            "toolName": HTMLText.clean(result.tool.name),
            "toolVersion": HTMLText.clean(result.tool.version),
            "scanID": "\(started) / \(HTMLText.clean(result.tool.name)) \(HTMLText.clean(result.tool.version))",
            "startedAt": started,
            "finishedAt": ReportTime.iso8601(result.finishedAt),
            "durationSeconds": String(format: "%.3f", ReportTime.durationSeconds(result)),
            "profile": HTMLText.clean(result.profile),
            "scope": scope,
            "totalActive": active.count,
            "totalSuppressed": waived.count,
            "totalReview": active.filter(\.needsReview).count,
            "severityChart": HTMLBarChart.severities(counts).view,
            "familyChart": HTMLBarChart.families(counts).view,
            "gate": (options.failOn ?? .high).rawValue,
            "verdicts": verdicts,
            "crawls": crawls,
            "hasCrawls": !result.crawls.isEmpty,
            "targets": targets,
            "notScanned": notScanned.map { target -> [String: Any] in
                ["provider": HTMLText.clean(target.provider), "url": HTMLText.clean(target.url)]
            },
            "hasNotScanned": !notScanned.isEmpty,
            "problems": problems.prefix(Self.problemLimit).map { problem -> [String: Any] in
                [
                    "url": HTMLText.clean(problem.url), "kind": HTMLText.clean(problem.kind),
                    "message": HTMLText.evidence(problem.message),
                ]
            },
            "hasProblems": !problems.isEmpty,
            "problemsMore": max(0, problems.count - Self.problemLimit),
            "hasProblemsMore": problems.count > Self.problemLimit,
            "everythingChecked": problems.isEmpty && notScanned.isEmpty,
            "hasFindings": !active.isEmpty,
            "findingsTruncated": groups.detailed < groups.total,
            "findingsDetailed": groups.detailed,
            "findingsCompact": groups.compact,
            "findingsOmitted": groups.total - groups.detailed - groups.compact,
            "locationLimit": groups.locationLimit,
            "compliance": ComplianceMatrix(result, catalog: catalog).view,
            "hasSuppressed": !waived.isEmpty,
            "waiverNotes": result.waiverNotes.sorted {
                ($0.kind.rawValue, $0.source, $0.rule) < ($1.kind.rawValue, $1.source, $1.rule)
            }
            .map { note -> [String: Any] in
                [
                    "kind": note.kind.rawValue, "rule": HTMLText.clean(note.rule),
                    "label": HTMLText.evidence(note.label), "source": HTMLText.clean(note.source),
                ]
            },
            "hasWaiverNotes": !result.waiverNotes.isEmpty,
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
        if let baseline = options.baseline { view["baseline"] = baselineView(baseline) }
        return view
    }

    /// What changed since the baseline: counts, the comparison's warnings, and the most severe new and fixed
    /// findings (``baselineLimit`` of each, in report order).
    private func baselineView(_ baseline: BaselineComparison) -> [String: Any] {
        func rows(_ findings: [Finding]) -> [[String: Any]] {
            findings.prefix(Self.baselineLimit).map { finding in
                let location = finding.locations.first
                var row: [String: Any] = [
                    "severity": finding.severity.rawValue,
                    "ruleID": HTMLText.clean(finding.ruleID.rawValue),
                    "title": HTMLText.clean(finding.title),
                    "provider": HTMLText.clean(provider(of: finding)),
                    "url": HTMLText.clean(location?.url ?? finding.origin),
                ]
                if let path = location?.elementPath { row["elementPath"] = HTMLText.clean(path) }
                return row
            }
        }
        func change(_ heading: String, note: String, kind: String, _ findings: [Finding]) -> [String: Any] {
            [
                "heading": heading, "note": note, "kind": kind, "findings": rows(findings),
                "hasFindings": !findings.isEmpty, "more": max(0, findings.count - Self.baselineLimit),
                "hasMore": findings.count > Self.baselineLimit,
            ]
        }
        return [
            "new": baseline.new.count,
            "updated": baseline.updated.count,
            "unchanged": baseline.unchanged.count,
            "fixed": baseline.fixed.count,
            "warnings": baseline.warnings.map { ["text": HTMLText.clean($0)] },
            "changes": [
                change("New findings", note: "most severe first", kind: "new", baseline.new),
                change("Fixed findings", note: "in the baseline, not in this scan", kind: "fixed", baseline.fixed),
            ],
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
    private var verdicts: [[String: Any]] {
        let gate = options.failOn ?? .high
        var counts: [String: [Severity: Int]] = [:]
        var failing = Set<String>()
        for finding in active {
            let name = provider(of: finding)
            counts[name, default: [:]][finding.severity, default: 0] += 1
            if !finding.needsReview, finding.severity >= gate { failing.insert(name) }
        }
        let names = Set(result.targets.map(\.provider)).union(counts.keys)
        return names.sorted().map { name in
            let targets = result.targets.filter { $0.provider == name }
            let origins = Set(targets.map { ReportProviders.originKey($0.url) })
            let endpoints = Set(targets.compactMap { Self.endpoint(of: $0.url) })
            let grades = result.grades.filter { origins.contains(ReportProviders.originKey($0.origin)) }
                .map { "\($0.grade) (\($0.score))" }
            let tls = result.tls.filter { endpoints.contains(Self.endpoint(hostPort: $0.host)) }
                .map { "\($0.profile): \($0.profileVerdict) (\($0.grade))" }
            // An origin with findings but no target of its own (an identity provider a host probe reached) was
            // probed, not crawled: it gets a verdict from its findings like any provider.
            let probedOnly = targets.isEmpty
            let scanned = probedOnly || targets.contains { $0.status == .scanned }
            let verdict = !scanned ? "not scanned" : failing.contains(name) ? "fail" : "pass"
            var row: [String: Any] = [
                "provider": HTMLText.clean(name),
                "targets": probedOnly
                    ? "probed" : "\(targets.filter { $0.status == .scanned }.count)/\(targets.count)",
                "observatory": HTMLText.clean(grades.isEmpty ? "—" : grades.joined(separator: ", ")),
                "tls": HTMLText.clean(tls.isEmpty ? "—" : tls.joined(separator: ", ")),
                "verdict": verdict,
                "verdictClass": verdict.replacingOccurrences(of: " ", with: "-"),
            ]
            for severity in Severity.allCases { row[severity.rawValue] = counts[name]?[severity] ?? 0 }
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
