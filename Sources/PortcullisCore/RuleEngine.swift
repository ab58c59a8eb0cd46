import Foundation

/// Turns observations into findings: looks rules up in the catalog, applies the profile, aggregates places,
/// masks evidence and fingerprints the result.
///
/// It refuses to start when the checks and the catalog disagree, so no rule is ever silently dead and no check
/// ever emits something reports cannot describe.
public struct RuleEngine: Sendable {
    public let catalog: RuleCatalog
    public let profile: Profile
    /// The longest evidence snippet kept, in characters.
    public static let maxSnippetLength = 300

    /// Creates an engine after checking that `checkRules` (every id the checks can emit) and the catalog match.
    public init(catalog: RuleCatalog, profile: Profile, checkRules: Set<RuleID>) throws(PortcullisError) {
        let unknown = checkRules.filter { catalog[$0] == nil }.sorted()
        if !unknown.isEmpty {
            throw PortcullisError(
                .catalogMismatch,
                "checks emit rule ids missing from the catalog: \(unknown.map(\.rawValue).joined(separator: ", "))"
            )
        }
        let unchecked = catalog.sorted.filter { !checkRules.contains($0.id) }
        if let first = unchecked.first {
            throw PortcullisError(
                .catalogMismatch,
                "built-in rules without a check: \(unchecked.map(\.id.rawValue).joined(separator: ", "))",
                file: first.source
            )
        }
        try profile.validate(against: catalog)
        self.catalog = catalog
        self.profile = profile
    }

    /// The rules the profile runs, sorted by id.
    public var activeRules: [Rule] { catalog.sorted.filter(profile.selects) }

    /// One finding per failing rule, origin and key, with every place it failed, in report order.
    public func findings(from observations: [Observation]) -> [Finding] {
        var accumulator = FindingAccumulator(engine: self)
        accumulator.add(contentsOf: observations)
        return accumulator.findings()
    }

    /// Most severe first, then by rule id, origin and fingerprint: a total, stable order.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        return (lhs.ruleID.rawValue, lhs.origin, lhs.fingerprint) < (rhs.ruleID.rawValue, rhs.origin, rhs.fingerprint)
    }

    static func origin(of url: URL) -> String { Origin(url)?.description ?? url.absoluteString }

    static func mask(url: URL) -> String { SecretMasker.maskParameters(in: url.absoluteString) }

    static func maskSnippet(_ snippet: String) -> String {
        let masked = SecretMasker.maskParameters(in: snippet)
        guard masked.count > maxSnippetLength else { return masked }
        return String(masked.prefix(maxSnippetLength)) + "…"
    }
}
