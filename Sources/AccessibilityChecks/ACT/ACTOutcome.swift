public import PortcullisCore

/// A page-level outcome in the ACT vocabulary.
public enum ACTOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case passed
    case failed
    case inapplicable
    /// Markup alone cannot decide (our "needs review").
    case cantTell

    /// The ACT name of a page outcome (``PageOutcome/of(_:)``).
    public init(_ outcome: Observation.Outcome) {
        switch outcome {
        case .failed: self = .failed
        case .needsReview: self = .cantTell
        case .passed: self = .passed
        case .inapplicable: self = .inapplicable
        }
    }
}

/// How a rule's element observations fold into one outcome for the page.
public enum PageOutcome {
    /// Failed if any element failed, else needs review if any needs review, else passed if any passed, else
    /// inapplicable.
    public static func of(_ outcomes: some Sequence<Observation.Outcome>) -> Observation.Outcome {
        let present = Set(outcomes)
        for outcome in [Observation.Outcome.failed, .needsReview, .passed] where present.contains(outcome) {
            return outcome
        }
        return .inapplicable
    }
}
