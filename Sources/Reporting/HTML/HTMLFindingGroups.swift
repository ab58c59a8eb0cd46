import PortcullisCore

/// The findings section's view: providers, each with its families, each with one collapsible group per rule.
///
/// Grouping by rule keeps a report of 100,000 findings usable: the reader sees one summary line per rule with
/// its counts and opens only what matters. Small reports open every group so they print in full.
struct HTMLFindingGroups {
    /// Most locations listed per finding; the rest are counted.
    static let locationLimit = 50
    /// Up to this many findings in all, rule groups render open.
    static let openLimit = 200

    let findings: [Finding]
    let providers: ReportProviders
    let rules: [RuleID: Rule]

    /// The `providers` array for the template.
    var view: [[String: Any]] {
        let open = findings.count <= Self.openLimit
        var byProvider: [String: [Finding]] = [:]
        for finding in findings { byProvider[providers.group(of: finding), default: []].append(finding) }
        return byProvider.keys.sorted().map { provider in
            let providerFindings = byProvider[provider] ?? []
            var byFamily: [Family: [Finding]] = [:]
            for finding in providerFindings { byFamily[finding.family, default: []].append(finding) }
            let families: [[String: Any]] = Family.allCases.compactMap { family in
                guard let familyFindings = byFamily[family] else { return nil }
                return [
                    "family": family.rawValue,
                    "count": familyFindings.count,
                    "rules": ruleGroups(familyFindings, open: open),
                ]
            }
            return ["provider": HTMLText.clean(provider), "count": providerFindings.count, "families": families]
        }
    }

    private func ruleGroups(_ findings: [Finding], open: Bool) -> [[String: Any]] {
        var order: [RuleID] = []
        var byRule: [RuleID: [Finding]] = [:]
        for finding in findings {
            if byRule[finding.ruleID] == nil { order.append(finding.ruleID) }
            byRule[finding.ruleID, default: []].append(finding)
        }
        // Findings arrive most severe first, so first appearance orders the groups by severity.
        return order.map { id in
            let group = byRule[id] ?? []
            let rule = rules[id]
            let first = group[0]
            return [
                "ruleID": HTMLText.clean(id.rawValue),
                "title": HTMLText.clean(rule?.title ?? first.title),
                "severity": first.severity.rawValue,
                "count": group.count,
                "occurrences": group.reduce(0) { $0 + $1.occurrences },
                "open": open,
                "description": HTMLText.clean(rule?.description ?? ""),
                "remediation": HTMLText.clean(rule?.remediation ?? ""),
                "references": HTMLReportModel.references(rule?.references ?? []),
                "hasReferences": !(rule?.references ?? []).isEmpty,
                "findings": group.map(findingView),
            ]
        }
    }

    private func findingView(_ finding: Finding) -> [String: Any] {
        let listed = finding.locations.prefix(Self.locationLimit)
        let more = max(0, finding.occurrences - listed.count)
        return [
            "title": HTMLText.clean(finding.title),
            "severity": finding.severity.rawValue,
            "origin": HTMLText.clean(finding.origin),
            "message": HTMLText.evidence(finding.message),
            "fingerprint": HTMLText.clean(finding.fingerprint),
            "needsReview": finding.needsReview,
            "occurrences": finding.occurrences,
            "locations": listed.map { location -> [String: Any] in
                var view: [String: Any] = ["url": HTMLText.clean(location.url)]
                if let path = location.elementPath { view["elementPath"] = HTMLText.clean(path) }
                if let snippet = location.snippet { view["snippet"] = HTMLText.evidence(snippet) }
                return view
            },
            "more": more,
            "hasMore": more > 0,
        ]
    }
}
