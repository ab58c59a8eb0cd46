public import Foundation
import Yams

/// Every rule Portcullis knows, keyed by id: the single source of titles, severities and remediation.
public struct RuleCatalog: Sendable, Hashable {
    /// The rules, keyed by id.
    public private(set) var rules: [RuleID: Rule]
    /// The folder the catalog was loaded from, where checks find their data files (CSP allowlists…).
    public private(set) var directory: URL?

    public init(rules: [Rule]) throws(PortcullisError) {
        var byID: [RuleID: Rule] = [:]
        for rule in rules {
            if let existing = byID[rule.id] {
                throw PortcullisError(
                    .invalidRuleFile,
                    "rule '\(rule.id)' is defined twice (first at \(existing.source))",
                    file: rule.source
                )
            }
            byID[rule.id] = rule
        }
        self.rules = byID
    }

    /// The rule with `id`, if the catalog has it.
    public subscript(id: RuleID) -> Rule? { rules[id] }

    /// All rules sorted by id, for stable listings.
    public var sorted: [Rule] { rules.values.sorted { $0.id < $1.id } }

    /// Loads every `*.yaml` file directly inside `directory` (profiles live in a subfolder and are not rules).
    public static func load(directory: URL) throws(PortcullisError) -> RuleCatalog {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "yaml" || $0.pathExtension == "yml" }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw PortcullisError(
                .io,
                "cannot read the rules directory: \(error.localizedDescription)",
                file: directory.path
            )
        }
        guard !files.isEmpty else {
            throw PortcullisError(.invalidRuleFile, "no rule files (*.yaml) found", file: directory.path)
        }
        var rules: [Rule] = []
        for file in files {
            let text: String
            do {
                text = try String(contentsOf: file, encoding: .utf8)
            } catch {
                throw PortcullisError(.io, "cannot read: \(error.localizedDescription)", file: file.path)
            }
            rules += try parse(text, file: file.path)
        }
        var catalog = try RuleCatalog(rules: rules)
        catalog.directory = directory
        return catalog
    }

    /// Parses one rule file: a mapping with `family` and a `rules` list.
    public static func parse(_ text: String, file: String) throws(PortcullisError) -> [Rule] {
        guard let root = try YAMLDocument.parse(text, file: file) else {
            throw PortcullisError(.invalidRuleFile, "the file is empty", file: file, line: 1)
        }
        let top = try YAMLMapping(root, file: file, what: "a rule file")
        try top.rejectUnknownKeys(["family", "rules"], in: "a rule file")
        let familyName = try top.requiredString("family")
        guard let family = Family(rawValue: familyName) else {
            throw top.error(
                "unknown family '\(familyName)' (known: \(Family.allCases.map(\.rawValue).joined(separator: ", ")))",
                at: top.node("family")
            )
        }
        guard let list = top.node("rules") else { throw top.error("missing required key 'rules'") }
        guard case .sequence(let entries) = list else { throw top.error("'rules' must be a list", at: list) }
        var rules: [Rule] = []
        for entry in entries {
            rules.append(try parseRule(entry, family: family, file: file))
        }
        return rules
    }

    private static let ruleKeys: Set<String> = [
        "id", "title", "severity", "description", "remediation", "references", "tags", "csp-evaluator-type",
    ]

    private static func parseRule(_ node: Node, family: Family, file: String) throws(PortcullisError) -> Rule {
        let map = try YAMLMapping(node, file: file, what: "a rule")
        try map.rejectUnknownKeys(ruleKeys, in: "a rule")
        let id = try map.requiredString("id")
        guard id.range(of: #"^[a-z0-9]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$"#, options: .regularExpression) != nil else {
            throw map.error(
                "rule id '\(id)' is not of the form family.name (lower case, dots and dashes)",
                at: map.node("id")
            )
        }
        let severityName = try map.requiredString("severity")
        guard let severity = Severity(rawValue: severityName) else {
            let known = Severity.allCases.map(\.rawValue).joined(separator: ", ")
            throw map.error(
                "rule '\(id)': unknown severity '\(severityName)' (known: \(known))",
                at: map.node("severity")
            )
        }
        return Rule(
            id: RuleID(id),
            title: try map.requiredString("title"),
            severity: severity,
            family: family,
            description: try map.requiredString("description").trimmingCharacters(in: .whitespacesAndNewlines),
            remediation: try map.requiredString("remediation").trimmingCharacters(in: .whitespacesAndNewlines),
            references: try parseReferences(map),
            tags: try map.stringList("tags"),
            cspEvaluatorType: try map.string("csp-evaluator-type", required: false),
            source: "\(file):\(map.line ?? 0)"
        )
    }

    /// References are a list of one-key mappings such as `- cwe: CWE-693` or `- wcag: "1.1.1"`.
    private static func parseReferences(_ map: YAMLMapping) throws(PortcullisError) -> [Reference] {
        guard let list = map.node("references") else { return [] }
        guard case .sequence(let entries) = list else { throw map.error("'references' must be a list", at: list) }
        var references: [Reference] = []
        for entry in entries {
            let reference = try YAMLMapping(entry, file: map.file, what: "a reference")
            guard reference.pairs.count == 1, let pair = reference.pairs.first else {
                throw map.error("a reference must have exactly one key, such as 'cwe: CWE-693'", at: entry)
            }
            guard let kind = Reference.Kind(rawValue: pair.key) else {
                let known = Reference.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                throw map.error("unknown reference kind '\(pair.key)' (known: \(known))", at: entry)
            }
            guard let id = pair.value.string, !id.isEmpty else {
                throw map.error("reference '\(pair.key)' needs a value", at: pair.value)
            }
            references.append(Reference(kind: kind, id: id))
        }
        return references
    }
}
