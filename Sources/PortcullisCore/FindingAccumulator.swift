import Foundation

/// Folds observations into findings as they arrive, so a crawl of thousands of pages keeps one small record
/// per finding instead of every observation.
///
/// The result does not depend on the order observations arrive in: each finding keeps the first
/// ``maxLocations`` places in sorted order and counts the rest.
public struct FindingAccumulator: Sendable {
    /// The most places kept per finding; ``Finding/occurrences`` counts them all.
    public static let maxLocations = 100

    private struct Key: Hashable {
        var rule: RuleID
        var origin: String
        var key: String
        /// Suppressed observations gather in their own finding, so a finding is wholly suppressed or not at all.
        var waiver: Suppression?
        /// "Needs review" observations gather apart from failures of the same rule and place.
        var needsReview: Bool
    }

    private struct Group {
        var locations: Set<Location> = []
        var occurrences = 0
        /// The summary of the observation at the smallest place, so the message is order-independent.
        var firstPlace: (String, String, String)?
        var summary = ""
    }

    public let engine: RuleEngine
    private var groups: [Key: Group] = [:]
    /// Rule ids observations named that the catalog does not know (a bug in a check).
    public private(set) var undeclaredRuleIDs: Set<RuleID> = []

    public init(engine: RuleEngine) { self.engine = engine }

    /// Adds one observation; only failed and needs-review observations of rules the profile runs count.
    public mutating func add(_ observation: Observation) {
        guard observation.outcome == .failed || observation.outcome == .needsReview else { return }
        guard let rule = engine.catalog[observation.ruleID] else {
            undeclaredRuleIDs.insert(observation.ruleID)
            return
        }
        guard engine.profile.selects(rule) else { return }
        let key = Key(
            rule: rule.id,
            origin: RuleEngine.origin(of: observation.url),
            key: observation.key,
            waiver: observation.waiver,
            needsReview: observation.outcome == .needsReview
        )
        let location = Location(
            url: RuleEngine.mask(url: observation.url),
            elementPath: observation.elementPath,
            snippet: observation.evidence.snippet.map(RuleEngine.maskSnippet)
        )
        var group = groups[key] ?? Group()
        if group.locations.insert(location).inserted {
            group.occurrences += 1
            if group.locations.count > Self.maxLocations, let last = group.locations.max() {
                group.locations.remove(last)
            }
        }
        let place = (observation.url.absoluteString, observation.elementPath ?? "", observation.evidence.summary)
        if group.firstPlace.map({ place < $0 }) ?? true {
            group.firstPlace = place
            group.summary = observation.evidence.summary
        }
        groups[key] = group
    }

    /// Adds every observation of `observations`.
    public mutating func add(contentsOf observations: some Sequence<Observation>) {
        for observation in observations { add(observation) }
    }

    /// Folds in everything `other` accumulated (another provider of the same scan).
    public mutating func merge(_ other: FindingAccumulator) {
        undeclaredRuleIDs.formUnion(other.undeclaredRuleIDs)
        for (key, theirs) in other.groups {
            guard var mine = groups[key] else {
                groups[key] = theirs
                continue
            }
            for location in theirs.locations where mine.locations.insert(location).inserted {
                mine.occurrences += 1
            }
            mine.occurrences += theirs.occurrences - theirs.locations.count
            while mine.locations.count > Self.maxLocations, let last = mine.locations.max() {
                mine.locations.remove(last)
            }
            if let place = theirs.firstPlace, mine.firstPlace.map({ place < $0 }) ?? true {
                mine.firstPlace = place
                mine.summary = theirs.summary
            }
            groups[key] = mine
        }
    }

    /// The findings so far, in report order.
    public func findings() -> [Finding] {
        groups.compactMap { key, group -> Finding? in
            guard let rule = engine.catalog[key.rule] else { return nil }
            return Finding(
                ruleID: rule.id,
                title: rule.title,
                severity: engine.profile.severity(for: rule),
                family: rule.family,
                origin: key.origin,
                message: SecretMasker.maskParameters(in: group.summary.isEmpty ? rule.title : group.summary),
                locations: group.locations.sorted(),
                occurrences: group.occurrences,
                fingerprint: Fingerprint.make(ruleID: rule.id, origin: key.origin, key: key.key),
                suppression: key.waiver?.label,
                waiver: key.waiver,
                needsReview: key.needsReview
            )
        }.sorted(by: RuleEngine.reportOrder)
    }
}
