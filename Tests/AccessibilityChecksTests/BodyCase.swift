import PortcullisCore
import Testing

/// One rule case of the parameterised rule tests: the rule (`a11y.` prefixed), a body fragment, the expected
/// page outcome.
struct BodyCase: CustomTestStringConvertible, Sendable {
    let rule: String
    let body: String
    let expected: Observation.Outcome

    init(_ rule: String, _ expected: Observation.Outcome, _ body: String) {
        self.rule = "a11y." + rule
        self.body = body
        self.expected = expected
    }

    var testDescription: String { "\(rule) \(expected.rawValue): \(body.prefix(60))" }
}
