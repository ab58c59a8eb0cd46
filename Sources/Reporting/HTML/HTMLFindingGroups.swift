import PortcullisCore

/// The findings section's structure: providers, each with its families, each with one collapsible group per rule,
/// and how much of each rule group the page shows.
///
/// Grouping by rule keeps a report of 100,000 findings usable: the reader sees one summary line per rule with its
/// counts and opens only what matters. Within a rule the first findings are shown in full (evidence, locations),
/// the next in a compact table, and the rest are counted with a pointer to the CSV and JSON reports. How many of
/// each is shared fairly between the rule groups within a page-wide ``Budget``, so a normal scan shows everything
/// and a huge one stays a page a browser opens in seconds.
struct HTMLFindingGroups {
    /// How much of the findings the page may show.
    struct Budget: Sendable, Hashable {
        /// Findings shown in full on the whole page.
        var detailed = 2_000
        /// Findings shown in full per rule group at most.
        var detailedPerRule = 100
        /// Compact table rows on the whole page.
        var compact = 20_000
        /// Compact table rows per rule group at most.
        var compactPerRule = 1_000
        /// Up to this many findings in all, rule groups render open.
        var openLimit = 200
        /// Locations listed per finding when every finding is shown in full.
        var locationLimit = 50
        /// Locations listed per finding when the page cannot show every finding in full.
        var reducedLocationLimit = 10
    }

    /// The findings of one rule for one provider.
    struct RuleGroup {
        var ruleID: RuleID
        var rule: Rule?
        /// How many findings the group has.
        var count: Int
        /// Occurrences of all the group's findings.
        var occurrences: Int
        /// The most severe finding's severity.
        var severity: Severity
        /// The first findings in report order (most severe first): the ones shown, in full or in brief.
        var shown: [Finding] = []
        /// How many of ``shown`` (the first ones) are shown in full, with their locations sorted.
        var detailed = 0
        /// How many after those are listed in the compact table.
        var compact = 0
        /// Findings neither shown in full nor listed.
        var omitted: Int { count - detailed - compact }
    }

    /// One family's rule groups within a provider.
    struct FamilyGroup {
        var family: Family
        var rules: [RuleGroup]
        var count: Int { rules.reduce(0) { $0 + $1.count } }
    }

    /// One provider's findings.
    struct ProviderGroup {
        var provider: String
        var families: [FamilyGroup]
        var count: Int { families.reduce(0) { $0 + $1.count } }
    }

    /// Providers by name.
    let providers: [ProviderGroup]
    /// Whether rule groups render open (a small report, which then prints in full).
    let open: Bool
    /// Locations listed per finding shown in full.
    let locationLimit: Int
    /// Findings in all, shown in full, and listed in compact tables.
    let total: Int
    let detailed: Int
    let compact: Int

    /// Groups `findings` (in any order) by provider (`provider(finding)`), family and rule, and shares `budget`.
    init(
        findings: [Finding],
        provider: (Finding) -> String,
        rules: [RuleID: Rule],
        budget: Budget = Budget()
    ) {
        struct Key: Hashable {
            var provider: String
            var family: Family
            var rule: RuleID
        }
        // Group indices, not findings: sorting 100,000 findings by value moves far more memory than sorting Ints.
        var buckets: [Key: [Int]] = [:]
        for (index, finding) in findings.enumerated() {
            let key = Key(provider: provider(finding), family: finding.family, rule: finding.ruleID)
            buckets[key, default: []].append(index)
        }
        var groups = buckets.map { key, members in
            var occurrences = 0
            var severity = Severity.info
            for index in members {
                occurrences += findings[index].occurrences
                severity = max(severity, findings[index].severity)
            }
            let group = RuleGroup(
                ruleID: key.rule,
                rule: rules[key.rule],
                count: members.count,
                occurrences: occurrences,
                severity: severity
            )
            return (key: key, group: group, members: members)
        }
        // Providers by name, families in catalog order, rules most severe first then by id: the order in which the
        // rules first appear in report order.
        let familyIndex = Dictionary(uniqueKeysWithValues: Family.allCases.enumerated().map { ($1, $0) })
        groups.sort { lhs, rhs in
            if lhs.key.provider != rhs.key.provider { return lhs.key.provider < rhs.key.provider }
            if lhs.key.family != rhs.key.family {
                return familyIndex[lhs.key.family, default: 0] < familyIndex[rhs.key.family, default: 0]
            }
            if lhs.group.severity != rhs.group.severity { return lhs.group.severity > rhs.group.severity }
            return lhs.key.rule.rawValue < rhs.key.rule.rawValue
        }
        let sizes = groups.map(\.group.count)
        let detailLimit = max(1, Self.share(budget.detailed, among: sizes, cap: budget.detailedPerRule))
        let rest = sizes.map { $0 - min($0, detailLimit) }
        let compactLimit = Self.share(budget.compact, among: rest, cap: budget.compactPerRule)
        var detailed = 0
        var compact = 0
        for index in groups.indices {
            let shownDetailed = min(sizes[index], detailLimit)
            let shownCompact = min(rest[index], compactLimit)
            let order = Self.reportOrder(groups[index].members, of: findings)
            let first = ReportOrder.findings(order.prefix(shownDetailed).map { findings[$0] })
            let brief = order.dropFirst(shownDetailed).prefix(shownCompact).map { position in
                var finding = findings[position]
                finding.locations = finding.locations.min().map { [$0] } ?? []
                return finding
            }
            groups[index].group.shown = first + brief
            groups[index].group.detailed = shownDetailed
            groups[index].group.compact = shownCompact
            detailed += shownDetailed
            compact += shownCompact
        }
        var providers: [ProviderGroup] = []
        for (key, group, _) in groups {
            if providers.last?.provider != key.provider {
                providers.append(ProviderGroup(provider: key.provider, families: []))
            }
            if providers[providers.count - 1].families.last?.family != key.family {
                providers[providers.count - 1].families.append(FamilyGroup(family: key.family, rules: []))
            }
            let family = providers[providers.count - 1].families.count - 1
            providers[providers.count - 1].families[family].rules.append(group)
        }
        self.providers = providers
        self.total = findings.count
        self.detailed = detailed
        self.compact = compact
        self.open = findings.count <= budget.openLimit
        self.locationLimit = detailed == findings.count ? budget.locationLimit : budget.reducedLocationLimit
    }

    /// `members` (indices into `findings`) in report order (see ``ReportOrder/precedes(_:_:)``).
    static func reportOrder(_ members: [Int], of findings: [Finding]) -> [Int] {
        findings.withUnsafeBufferPointer { all in
            members.sorted { ReportOrder.precedes(all[$0], all[$1]) ?? ($0 < $1) }
        }
    }

    /// The largest per-group limit `limit` ≤ `cap` such that the groups of `sizes`, each showing
    /// `min(size, limit)`, stay within `budget` in all: small groups show everything and leave the rest to the
    /// large ones (water-filling), so the budget is shared fairly and deterministically.
    static func share(_ budget: Int, among sizes: [Int], cap: Int) -> Int {
        var low = 0
        var high = min(cap, sizes.max() ?? 0)
        while low < high {
            let middle = (low + high + 1) / 2
            let used = sizes.reduce(0) { $0 + min($1, middle) }
            if used <= budget { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
