import Foundation

/// A reference that backs a rule: a weakness, a success criterion, a standard section.
public struct Reference: Sendable, Hashable, Codable {
    /// The kinds of reference the catalog accepts, each with how its ids look.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case cwe
        case wcag
        case owaspASVS = "owasp-asvs"
        case rfc
        case act
        case mozilla
        case nist
        case pciDSS = "pci-dss"
        case url
    }

    public var kind: Kind
    /// The id within the kind, such as `CWE-693`, `1.1.1` or `RFC 6797 §6.1`.
    public var id: String
    /// A link to the reference, derived for well-known kinds.
    public var url: String?

    public init(kind: Kind, id: String, url: String? = nil) {
        self.kind = kind
        self.id = id
        self.url = url ?? Reference.defaultURL(kind: kind, id: id)
    }

    /// The canonical link for ids of well-known kinds.
    static func defaultURL(kind: Kind, id: String) -> String? {
        switch kind {
        case .cwe:
            let number = id.uppercased().replacingOccurrences(of: "CWE-", with: "")
            return "https://cwe.mitre.org/data/definitions/\(number).html"
        case .url:
            return id
        case .act:
            return "https://www.w3.org/WAI/standards-guidelines/act/rules/\(id)/"
        case .rfc:
            let number = id.uppercased().replacingOccurrences(of: "RFC", with: "")
                .split(separator: " ", omittingEmptySubsequences: true).first.map(String.init)
            return number.map { "https://www.rfc-editor.org/rfc/rfc\($0)" }
        default:
            return nil
        }
    }
}

/// A rule of the catalog: what is checked, how bad a failure is, how to fix it and why it matters.
///
/// Rules are data, loaded from `Rules/*.yaml`; checks emit observations naming a rule's ``id``.
public struct Rule: Sendable, Hashable, Codable, Identifiable {
    public var id: RuleID
    public var title: String
    /// The severity before any profile override.
    public var severity: Severity
    public var family: Family
    public var description: String
    public var remediation: String
    public var references: [Reference]
    public var tags: [String]
    /// The csp-evaluator finding type this rule corresponds to (`SCRIPT_UNSAFE_INLINE`…), for people and tools
    /// that know csp-evaluator's names.
    public var cspEvaluatorType: String?
    /// The rule file and line it was defined at, for messages.
    public var source: String

    public init(
        id: RuleID,
        title: String,
        severity: Severity,
        family: Family,
        description: String,
        remediation: String,
        references: [Reference] = [],
        tags: [String] = [],
        cspEvaluatorType: String? = nil,
        source: String = ""
    ) {
        self.id = id
        self.title = title
        self.severity = severity
        self.family = family
        self.description = description
        self.remediation = remediation
        self.references = references
        self.tags = tags
        self.cspEvaluatorType = cspEvaluatorType
        self.source = source
    }
}
