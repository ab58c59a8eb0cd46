import Foundation
import PortcullisCore

/// Each control the rules that ran refer to, with pass / fail / not tested.
///
/// A control fails when a finding of a rule referring to it exists (waived ones included: a waiver accepts a
/// failure, it does not make the control pass); it is not tested when nothing was scanned, when its only
/// findings await review, or when only catalog rules that did not run refer to it; otherwise it passes.
struct ComplianceMatrix {
    /// A framework the matrix lists, in display order.
    enum Framework: Int, CaseIterable, Comparable {
        case wcag, asvs, cwe, nist, pciDSS, rfc

        var title: String {
            switch self {
            case .wcag: return "WCAG 2.2 success criterion"
            case .asvs: return "OWASP ASVS 4.0.3"
            case .cwe: return "CWE"
            case .nist: return "NIST SP 800-52r2"
            case .pciDSS: return "PCI DSS 4.0"
            case .rfc: return "RFC"
            }
        }

        init?(_ kind: Reference.Kind) {
            switch kind {
            case .wcag: self = .wcag
            case .owaspASVS: self = .asvs
            case .cwe: self = .cwe
            case .nist: self = .nist
            case .pciDSS: self = .pciDSS
            case .rfc: self = .rfc
            case .act, .mozilla, .url: return nil
            }
        }

        static func < (lhs: Framework, rhs: Framework) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One control's row.
    struct Row {
        var framework: Framework
        var control: String
        var status: String
        var rules: [String]
        var findings: Int
    }

    var rows: [Row]

    /// The matrix for `result`; `catalog` may add rules that did not run, whose controls are "not tested".
    init(_ result: ScanResult, catalog: [Rule] = []) {
        var findingsByRule: [RuleID: (decided: Int, review: Int)] = [:]
        for finding in result.findings {
            var counts = findingsByRule[finding.ruleID] ?? (0, 0)
            if finding.needsReview { counts.review += 1 } else { counts.decided += 1 }
            findingsByRule[finding.ruleID] = counts
        }
        struct Key: Hashable {
            var framework: Framework
            var control: String
        }
        var ran: [Key: [RuleID]] = [:]
        var notRun: [Key: [RuleID]] = [:]
        let ranIDs = Set(result.rules.map(\.id))
        for (rules, isRan) in [(ReportOrder.rules(result.rules), true), (ReportOrder.rules(catalog), false)] {
            for rule in rules where isRan || !ranIDs.contains(rule.id) {
                for key in Self.controls(of: rule).map({ Key(framework: $0.0, control: $0.1) }) {
                    if isRan { ran[key, default: []].append(rule.id) } else { notRun[key, default: []].append(rule.id) }
                }
            }
        }
        let keys = Set(ran.keys).union(notRun.keys)
        rows = keys.map { key in
            let ruleIDs = ran[key] ?? []
            let decided = ruleIDs.reduce(0) { $0 + (findingsByRule[$1]?.decided ?? 0) }
            let review = ruleIDs.reduce(0) { $0 + (findingsByRule[$1]?.review ?? 0) }
            let status: String
            if decided > 0 {
                status = "fail"
            } else if ruleIDs.isEmpty || result.nothingScanned || review > 0 {
                status = "not tested"
            } else {
                status = "pass"
            }
            return Row(
                framework: key.framework,
                control: key.control,
                status: status,
                rules: (ruleIDs + (notRun[key] ?? [])).map(\.rawValue),
                findings: decided + review
            )
        }
        .sorted { lhs, rhs in
            if lhs.framework != rhs.framework { return lhs.framework < rhs.framework }
            return lhs.control.compare(rhs.control, options: .numeric) == .orderedAscending
        }
    }

    /// The controls `rule` refers to: its references of the listed frameworks, and `cwe-N` tags.
    static func controls(of rule: Rule) -> [(Framework, String)] {
        var result = rule.references.compactMap { reference in
            Framework(reference.kind).map { ($0, reference.id) }
        }
        for tag in rule.tags where tag.lowercased().hasPrefix("cwe-") {
            let id = "CWE-" + tag.dropFirst(4)
            if !result.contains(where: { $0.0 == .cwe && $0.1.uppercased() == id.uppercased() }) {
                result.append((.cwe, id))
            }
        }
        return result
    }

    /// The matrix as Mustache rows, with totals per status.
    var view: [String: Any] {
        [
            "rows": rows.map { row -> [String: Any] in
                [
                    "framework": HTMLText.clean(row.framework.title),
                    "control": HTMLText.clean(row.control),
                    "status": row.status,
                    "statusClass": row.status.replacingOccurrences(of: " ", with: "-"),
                    "rules": HTMLText.clean(row.rules.joined(separator: ", ")),
                    "findings": row.findings,
                ]
            },
            "hasRows": !rows.isEmpty,
            "passCount": rows.filter { $0.status == "pass" }.count,
            "failCount": rows.filter { $0.status == "fail" }.count,
            "notTestedCount": rows.filter { $0.status == "not tested" }.count,
        ]
    }
}
