import CSP
import Foundation
import TestSupport
import Testing

/// Runs csp-evaluator's 111 cases against our evaluator and prints an agreement table per finding type.
@Suite struct CSPEvaluatorConformanceTests {
    /// A disagreement we accept because CSP3 says otherwise: the policy, finding type and spec section.
    struct Deviation: Hashable {
        var policy: String
        var type: String
        var section: String
    }

    /// Known deviations (also in docs/conformance.md).
    static let knownDeviations: Set<Deviation> = [
        Deviation(
            policy: "script-src *.google.com 'none'; script-src-elem *.google.com 'none'",
            type: "SCRIPT_ALLOWLIST_BYPASS",
            section: "CSP3 §6.7.2.7 note: 'none' mixed with other sources has no effect (edge case 8)"
        ),
        Deviation(
            policy: "default-src foo.bar script-src 'none'",
            type: "SCRIPT_ALLOWLIST_BYPASS",
            section: "CSP3 §6.7.2.7: 'none' only blocks when it is the only source expression (edge case 8)"
        ),
    ]

    static let evaluator: Evaluator = {
        let lists = try? CSPBypassLists.load(directory: TestPaths.rules.appendingPathComponent("csp-allowlists"))
        return Evaluator(bypassLists: lists ?? .empty)
    }()

    struct Outcome {
        var expected: [EvaluatorCase.Expected]
        var actual: [EvaluatorCase.Expected]
        var policy: String
    }

    static func convert(_ findings: [CSPFinding]) -> [EvaluatorCase.Expected] {
        findings.map {
            EvaluatorCase.Expected(
                type: $0.type.rawValue,
                severity: $0.severity.rawValue,
                directive: $0.directive,
                value: $0.value
            )
        }
    }

    static func outcomes(of testCase: EvaluatorCase, full: Bool) -> [Outcome] {
        let evaluator = Self.evaluator
        switch testCase.csp {
        case .several(let texts):
            guard !full else { return [] }
            let policies = texts.map { ContentSecurityPolicy.parse($0) }
            let joined = texts.joined(separator: " , ")
            if testCase.check.hasSuffix("evaluateForFailure") {
                return [
                    Outcome(
                        expected: testCase.expectedFindings,
                        actual: convert(evaluator.evaluateForFailure(policies)),
                        policy: joined
                    )
                ]
            }
            if testCase.check.hasSuffix("evaluateForWarnings") {
                return [
                    Outcome(
                        expected: testCase.expectedFindings,
                        actual: convert(evaluator.evaluateForWarnings(policies)),
                        policy: joined
                    )
                ]
            }
            let perPolicy = evaluator.evaluateForSyntaxErrors(policies)
            let expected = testCase.expectedFindingsPerPolicy ?? []
            return zip(texts.indices, perPolicy).map { index, findings in
                Outcome(
                    expected: index < expected.count ? expected[index] : [],
                    actual: convert(findings),
                    policy: texts[index]
                )
            }
        case .single(let text):
            let policy = ContentSecurityPolicy.parse(text)
            if full {
                guard let full = testCase.fullEvaluation else { return [] }
                return [
                    Outcome(
                        expected: full.defaultChecksCSP3,
                        actual: convert(evaluator.evaluate(policy)),
                        policy: text
                    ),
                    Outcome(
                        expected: full.withStrictCspChecksCSP3,
                        actual: convert(evaluator.evaluate(policy, checks: .withStrictCSP)),
                        policy: text
                    ),
                ]
            }
            guard let check = CSPCheck(rawValue: testCase.check) else { return [] }
            var target = policy
            if testCase.cspVersion.hasSuffix("effective policy") {
                target =
                    EffectivePolicy.make(policy, version: testCase.cspVersion.hasPrefix("CSP1") ? .csp1 : .csp3).policy
            }
            return [
                Outcome(
                    expected: testCase.expectedFindings,
                    actual: convert(evaluator.run(check, on: target)),
                    policy: text
                )
            ]
        }
    }

    /// Counts agreements and disagreements per type, returning the unexplained disagreements.
    static func tally(_ outcomes: [Outcome], title: String) -> [String] {
        tallyWithDeviations(outcomes, title: title).unexplained
    }

    /// Like `tally`, also returning the known deviations that were observed.
    static func tallyWithDeviations(
        _ outcomes: [Outcome],
        title: String?
    ) -> (
        unexplained: [String], observed: Set<Deviation>
    ) {
        var observed = Set<Deviation>()
        var agree: [String: Int] = [:]
        var disagree: [String: Int] = [:]
        var unexplained: [String] = []
        var outcomesAgreeing = 0
        for outcome in outcomes {
            if outcome.actual.sorted() == outcome.expected.sorted() { outcomesAgreeing += 1 }
            var remaining = outcome.actual
            for expected in outcome.expected {
                if let index = remaining.firstIndex(of: expected) {
                    remaining.remove(at: index)
                    agree[expected.type, default: 0] += 1
                } else {
                    disagree[expected.type, default: 0] += 1
                    if let known = knownDeviations.first(where: {
                        $0.policy == outcome.policy && $0.type == expected.type
                    }) {
                        observed.insert(known)
                    } else {
                        unexplained.append("missing \(expected.key) for \(outcome.policy)")
                    }
                }
            }
            for extra in remaining {
                disagree[extra.type, default: 0] += 1
                if let known = knownDeviations.first(where: { $0.policy == outcome.policy && $0.type == extra.type }) {
                    observed.insert(known)
                } else {
                    unexplained.append("extra \(extra.key) for \(outcome.policy)")
                }
            }
        }
        if let title {
            print("\n\(title)")
            print("type".padding(toLength: 36, withPad: " ", startingAt: 0) + " agree  disagree")
            for type in Set(agree.keys).union(disagree.keys).sorted() {
                let agreeText = String(agree[type, default: 0]).padding(toLength: 6, withPad: " ", startingAt: 0)
                print(
                    type.padding(toLength: 36, withPad: " ", startingAt: 0)
                        + " \(agreeText) \(disagree[type, default: 0])"
                )
            }
            print("total agree \(agree.values.reduce(0, +)), disagree \(disagree.values.reduce(0, +))")
            print("evaluations agreeing exactly: \(outcomesAgreeing) of \(outcomes.count)")
        }
        return (unexplained, observed)
    }

    @Test func corpusIsComplete() {
        #expect(EvaluatorCase.all.count == 111)
    }

    @Test func everyCheckNameIsKnown() {
        for testCase in EvaluatorCase.all where !testCase.check.hasPrefix("lighthouse") {
            #expect(CSPCheck(rawValue: testCase.check) != nil, "\(testCase.check)")
        }
    }

    @Test func checkUnderTestAgrees() {
        let outcomes = EvaluatorCase.all.flatMap { Self.outcomes(of: $0, full: false) }
        let unexplained = Self.tally(outcomes, title: "csp-evaluator cases: check under test (111 cases)")
        #expect(unexplained.isEmpty, "\(unexplained.joined(separator: "\n"))")
    }

    /// A listed deviation that no longer occurs must be removed from the list (and from docs/conformance.md).
    @Test func everyKnownDeviationStillOccurs() {
        let check = EvaluatorCase.all.flatMap { Self.outcomes(of: $0, full: false) }
        let full = EvaluatorCase.all.flatMap { Self.outcomes(of: $0, full: true) }
        let observed =
            Self.tallyWithDeviations(check, title: nil).observed
            .union(Self.tallyWithDeviations(full, title: nil).observed)
        #expect(observed == Self.knownDeviations)
    }

    @Test func fullEvaluationAgrees() {
        let outcomes = EvaluatorCase.all.flatMap { Self.outcomes(of: $0, full: true) }
        let unexplained = Self.tally(outcomes, title: "csp-evaluator cases: full evaluation (default + strict)")
        #expect(unexplained.isEmpty, "\(unexplained.joined(separator: "\n"))")
    }
}
