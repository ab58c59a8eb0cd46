import Foundation
import PortcullisCore

/// The driver's rule list for one SARIF run and each rule id's index in it.
///
/// Lists the scan's rules sorted by id, plus a minimal rule for any finding whose rule the result does not
/// describe, so every result's `ruleIndex` is valid. A rule's level and `security-severity` use the severity
/// the scan's profile gave it (the highest among its findings), else the catalog severity.
struct SARIFRuleTable {
    private(set) var descriptors: [SARIFLog.ReportingDescriptor] = []
    private var indexByID: [RuleID: Int] = [:]

    init(result: ScanResult, findings: [Finding]) {
        var rules = ReportOrder.rules(result.rules)
        var known = Set(rules.map(\.id))
        for finding in findings where known.insert(finding.ruleID).inserted {
            rules.append(
                Rule(
                    id: finding.ruleID,
                    title: finding.title,
                    severity: finding.severity,
                    family: finding.family,
                    description: finding.title,
                    remediation: ""
                )
            )
        }
        rules.sort { $0.id < $1.id }
        var effective: [RuleID: Severity] = [:]
        for finding in findings {
            effective[finding.ruleID] = max(effective[finding.ruleID] ?? finding.severity, finding.severity)
        }
        for rule in rules {
            indexByID[rule.id] = descriptors.count
            descriptors.append(Self.descriptor(for: rule, severity: effective[rule.id] ?? rule.severity))
        }
    }

    /// The index of `id` in ``descriptors``; every finding's rule is present by construction.
    func index(of id: RuleID) -> Int { indexByID[id] ?? 0 }

    private static func descriptor(for rule: Rule, severity: Severity) -> SARIFLog.ReportingDescriptor {
        SARIFLog.ReportingDescriptor(
            id: rule.id.rawValue,
            name: SARIFReporter.pascalCaseName(rule.id),
            shortDescription: SARIFLog.MultiformatMessage(text: rule.title, markdown: rule.title),
            fullDescription: SARIFLog.MultiformatMessage(
                text: rule.description.isEmpty ? rule.title : rule.description,
                markdown: rule.description.isEmpty ? rule.title : rule.description
            ),
            help: SARIFLog.MultiformatMessage(text: helpText(rule), markdown: helpMarkdown(rule)),
            helpUri: rule.references.lazy.compactMap(\.url).first,
            properties: SARIFLog.RuleProperties(
                tags: tags(for: rule),
                securitySeverity: SARIFReporter.securitySeverity(for: severity),
                family: rule.family.rawValue
            ),
            defaultConfiguration: SARIFLog.Configuration(level: SARIFReporter.level(for: severity))
        )
    }

    /// The rule's own tags, then `security` (or `accessibility` for accessibility rules, which are not security
    /// problems and so carry no GitHub security alert), then one `external/<standard>/<id>` tag per compliance
    /// reference: `external/cwe/cwe-693`, `external/wcag2.2/1.1.1`, `external/asvs4.0.3/v14.4.3`,
    /// `external/nist/sp-800-52r2-3.1`, `external/pci-dss4.0/4.2.1`. Ids are lowercased, other characters than
    /// letters, digits and dots become `-`. RFC, ACT, Mozilla and URL references are links, not controls: no tag.
    static func tags(for rule: Rule) -> [String] {
        var tags = rule.tags
        tags.append(rule.family == .accessibility ? "accessibility" : "security")
        for reference in rule.references {
            if let tag = tag(for: reference) { tags.append(tag) }
        }
        var seen = Set<String>()
        return tags.filter { seen.insert($0).inserted }
    }

    /// The `external/...` tag of a compliance reference, nil for a reference that names no control.
    static func tag(for reference: Reference) -> String? {
        let standard: String
        switch reference.kind {
        case .cwe: standard = "cwe"
        case .wcag: standard = "wcag2.2"
        case .owaspASVS: standard = "asvs4.0.3"
        case .nist: standard = "nist"
        case .pciDSS: standard = "pci-dss4.0"
        case .rfc, .act, .mozilla, .url: return nil
        }
        var id = ""
        for scalar in reference.id.lowercased().unicodeScalars {
            let keep = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "."
            if keep {
                id.unicodeScalars.append(scalar)
            } else if !id.isEmpty, !id.hasSuffix("-") {
                id.append("-")
            }
        }
        while id.hasSuffix("-") { id.removeLast() }
        return id.isEmpty ? nil : "external/\(standard)/\(id)"
    }

    private static func helpText(_ rule: Rule) -> String {
        var parts = [rule.description.isEmpty ? rule.title : rule.description]
        if !rule.remediation.isEmpty { parts.append("Remediation: \(rule.remediation)") }
        if !rule.references.isEmpty {
            let lines = rule.references.map { reference in
                "- \(label(reference))" + (reference.url.map { ": \($0)" } ?? "")
            }
            parts.append((["References:"] + lines).joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n")
    }

    /// A short name for a reference: its id when that already names the kind (`CWE-693`), else kind and id.
    private static func label(_ reference: Reference) -> String {
        let kind = reference.kind.rawValue.uppercased()
        if reference.kind == .url || reference.id.uppercased().hasPrefix(kind) { return reference.id }
        return "\(kind) \(reference.id)"
    }

    private static func helpMarkdown(_ rule: Rule) -> String {
        var parts = [rule.description.isEmpty ? rule.title : rule.description]
        if !rule.remediation.isEmpty { parts.append("**Remediation:** \(rule.remediation)") }
        if !rule.references.isEmpty {
            let lines = rule.references.map { reference in
                "- " + (reference.url.map { "[\(label(reference))](\($0))" } ?? label(reference))
            }
            parts.append((["**References:**"] + lines).joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n")
    }
}
