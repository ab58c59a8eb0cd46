public import Foundation

/// What a check saw on one page or host, in the check's own words: evidence, never severity or wording.
public struct Evidence: Sendable, Hashable, Codable {
    /// One sentence saying what was observed.
    public var summary: String
    /// The markup, header line or value that shows it, if any (masked and capped before reporting).
    public var snippet: String?

    public init(summary: String, snippet: String? = nil) {
        self.summary = summary
        self.snippet = snippet
    }
}

/// A check's verdict that a rule holds or fails at one place.
///
/// The rule engine turns failed observations into ``Finding``s; checks never decide severity.
public struct Observation: Sendable, Hashable {
    /// The four outcomes a rule can have at a place, as axe-core and the W3C ACT rules name them.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// The rule fails here: this becomes a finding.
        case failed
        /// The rule was applicable and holds.
        case passed
        /// The rule could not be decided from what was seen.
        case needsReview
        /// Nothing here that the rule applies to.
        case inapplicable
    }

    public var ruleID: RuleID
    public var outcome: Outcome
    /// The page or origin URL observed.
    public var url: URL
    /// The element within the page, as a stable CSS-like path, when the observation is about one element.
    public var elementPath: String?
    public var evidence: Evidence
    /// What distinguishes this observation from others of the same rule on the same origin.
    ///
    /// Observations sharing rule, origin and key aggregate into one finding with several locations; the key is
    /// part of the fingerprint, so it must not contain anything that changes between identical scans.
    public var key: String
    /// The waiver (suppression entry) covering this observation, nil when none does.
    public var waiver: Suppression?
    /// The label of the waiver covering this observation (``Suppression/label``), nil when none does.
    public var suppression: String? { waiver?.label }

    public init(
        ruleID: RuleID,
        outcome: Outcome,
        url: URL,
        elementPath: String? = nil,
        evidence: Evidence,
        key: String = ""
    ) {
        self.ruleID = ruleID
        self.outcome = outcome
        self.url = url
        self.elementPath = elementPath
        self.evidence = evidence
        self.key = key
    }

    /// A failed observation: the common case for checks.
    public static func failed(
        _ ruleID: RuleID,
        at url: URL,
        element: String? = nil,
        _ summary: String,
        snippet: String? = nil,
        key: String = ""
    ) -> Observation {
        Observation(
            ruleID: ruleID,
            outcome: .failed,
            url: url,
            elementPath: element,
            evidence: Evidence(summary: summary, snippet: snippet),
            key: key
        )
    }

    /// A passed observation, so reports can show what was checked and held.
    public static func passed(_ ruleID: RuleID, at url: URL, _ summary: String) -> Observation {
        Observation(ruleID: ruleID, outcome: .passed, url: url, evidence: Evidence(summary: summary))
    }
}
