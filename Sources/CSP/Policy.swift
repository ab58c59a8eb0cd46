/// A parsed policy (CSP3 §2.2): an ordered directive set plus how it was delivered and what the parser noticed.
public struct Policy: Hashable, Sendable {
    /// Whether the policy is enforced or only reports (CSP3 §2.2 "disposition").
    public enum Disposition: String, Hashable, Sendable {
        case enforce
        case report
    }

    /// Where the policy came from (CSP3 §2.2 "source").
    public enum Source: String, Hashable, Sendable {
        case header
        case meta
    }

    /// The directives in the order written; names are unique (the first occurrence wins).
    public private(set) var directives: [Directive]
    /// Enforce or report.
    public var disposition: Disposition
    /// Header or `<meta>`.
    public var source: Source
    /// What the parser skipped or ignored, for reporting.
    public var notes: [ParseNote]

    /// Creates a policy from already-unique directives.
    public init(directives: [Directive], disposition: Disposition, source: Source, notes: [ParseNote] = []) {
        self.directives = []
        self.disposition = disposition
        self.source = source
        self.notes = notes
        for directive in directives where self[directive.name] == nil {
            self.directives.append(directive)
        }
    }

    /// The directive with this (lowercase) name, if present.
    public subscript(name: String) -> Directive? {
        directives.first { $0.name == name }
    }

    /// Whether a directive with this name is present.
    public func has(_ name: String) -> Bool { self[name] != nil }

    /// The directive that governs `name` through its CSP3 fallback list (§6.8.3), if any is present.
    public func effectiveDirective(for name: String) -> Directive? {
        for candidate in FallbackList.chain(for: name) {
            if let directive = self[candidate] { return directive }
        }
        return nil
    }

    /// Removes the directive named `name` (used for `<meta>` policies).
    mutating func remove(_ name: String) {
        directives.removeAll { $0.name == name }
    }

    /// The policy serialised back (`name value; ...`), as csp-evaluator's `convertToString` does.
    public var serialized: String {
        directives.map { ([$0.name] + $0.tokens).joined(separator: " ") + "; " }.joined()
    }
}
