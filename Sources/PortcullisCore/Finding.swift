import Foundation

/// One place a finding was seen: a URL and, for markup rules, the element.
public struct Location: Sendable, Hashable, Codable, Comparable {
    public var url: String
    public var elementPath: String?
    /// The evidence snippet at this place (masked, capped).
    public var snippet: String?

    public init(url: String, elementPath: String? = nil, snippet: String? = nil) {
        self.url = url
        self.elementPath = elementPath
        self.snippet = snippet
    }

    public static func < (lhs: Location, rhs: Location) -> Bool {
        (lhs.url, lhs.elementPath ?? "", lhs.snippet ?? "") < (rhs.url, rhs.elementPath ?? "", rhs.snippet ?? "")
    }
}

/// A rule that fails for a target: the unit reports list, gates count and waivers name.
public struct Finding: Sendable, Hashable, Codable {
    public var ruleID: RuleID
    public var title: String
    /// The severity after the profile's overrides.
    public var severity: Severity
    public var family: Family
    /// The origin the finding belongs to.
    public var origin: String
    /// What was observed, from the first location (masked).
    public var message: String
    /// The places the rule failed with the same key, sorted; at most ``FindingAccumulator/maxLocations``.
    public var locations: [Location]
    /// How many places the rule failed at in all, which may exceed the locations kept.
    public var occurrences: Int
    /// A deterministic identity: the same problem in the next scan has the same fingerprint.
    public var fingerprint: String
    /// Why the finding is suppressed (reason and where the suppression was written); nil when it is not.
    /// Suppressed findings are reported, never dropped, and never fail the gate.
    public var suppression: String?
    /// The waiver entry behind ``suppression`` (reason, owner, ticket, expiry, source), when the finding came from
    /// a scan rather than from a report written before waivers carried their details.
    public var waiver: Suppression?
    /// Whether markup could not decide (the rule's outcome was "needs review"): listed for a person to check,
    /// never failing the gate.
    public var needsReview: Bool

    public init(
        ruleID: RuleID,
        title: String,
        severity: Severity,
        family: Family,
        origin: String,
        message: String,
        locations: [Location],
        occurrences: Int? = nil,
        fingerprint: String,
        suppression: String? = nil,
        waiver: Suppression? = nil,
        needsReview: Bool = false
    ) {
        self.ruleID = ruleID
        self.title = title
        self.severity = severity
        self.family = family
        self.origin = origin
        self.message = message
        self.locations = locations
        self.occurrences = occurrences ?? locations.count
        self.fingerprint = fingerprint
        self.suppression = suppression ?? waiver?.label
        self.waiver = waiver
        self.needsReview = needsReview
    }
}
