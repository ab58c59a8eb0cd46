import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Runs the W3C ACT test cases through the accessibility rules: each case's document is parsed, the rules that
/// implement its ACT rule (those whose catalog entry references `act: <id>`) are evaluated, and their element
/// observations become one page outcome, compared with the expected one.
public struct ACTRunner: Sendable {
    /// One case's result.
    public struct Result: Sendable, Hashable {
        /// The case.
        public var testCase: ACTCase
        /// Our page outcome; nil when no rule of ours implements the ACT rule.
        public var outcome: ACTOutcome?
        /// The rule ids that were evaluated.
        public var rules: [String]

        /// Whether we agree: a failed case failed, a passed/inapplicable case did not fail (ACT counts passed and
        /// inapplicable alike for consistency); can't tell never agrees.
        public var agrees: Bool {
            guard let outcome, outcome != .cantTell else { return false }
            return (outcome == .failed) == (testCase.expected == "failed")
        }

        /// A false failure: we said failed where the page passes (or the rule does not apply).
        public var falselyFailed: Bool { outcome == .failed && testCase.expected != "failed" }
    }

    /// The ACT rule → our rules mapping, from the catalog's `act:` references.
    public let implementations: [String: [RuleID]]
    /// Our rules, by id.
    private let rulesByID: [RuleID: any A11yRule]

    /// Builds the mapping from `catalog` for `rules`.
    public init(catalog: RuleCatalog, rules: [any A11yRule]) {
        var byID: [RuleID: any A11yRule] = [:]
        for rule in rules { for id in rule.rules { byID[id] = rule } }
        var implementations: [String: [RuleID]] = [:]
        for rule in catalog.sorted where byID[rule.id] != nil {
            for reference in rule.references where reference.kind == .act {
                implementations[reference.id, default: []].append(rule.id)
            }
        }
        self.implementations = implementations
        self.rulesByID = byID
    }

    /// Runs one case of the corpus at `corpus`.
    public func run(_ testCase: ACTCase, corpus: URL) -> Result {
        let ids = implementations[testCase.ruleId] ?? []
        guard !ids.isEmpty, let data = try? Data(contentsOf: corpus.appendingPathComponent(testCase.file)) else {
            return Result(testCase: testCase, outcome: nil, rules: ids.map(\.rawValue))
        }
        let document = HTMLDocument(data: data)
        let page = A11yPage(document: document)
        let url = URL(fileURLWithPath: corpus.appendingPathComponent(testCase.file).path)
        let wanted = Set(ids)
        var evaluated: Set<[RuleID]> = []
        var outcomes: [Observation.Outcome] = []
        for id in ids {
            // One rule type may emit several ids; evaluate each rule once.
            guard let rule = rulesByID[id], evaluated.insert(rule.rules).inserted else { continue }
            outcomes += rule.evaluate(page, at: url).filter { wanted.contains($0.ruleID) }.map(\.outcome)
        }
        return Result(testCase: testCase, outcome: ACTOutcome(PageOutcome.of(outcomes)), rules: ids.map(\.rawValue))
    }
}
