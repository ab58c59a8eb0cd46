/// A page-level outcome in the ACT vocabulary.
public enum ACTOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case passed
    case failed
    case inapplicable
    /// Markup alone cannot decide (our "needs review").
    case cantTell

    /// The page outcome of a rule from its element observations: failed if any element failed, else can't tell if
    /// any needs review, else passed if any passed, else inapplicable.
    public init(_ outcomes: [String]) {
        if outcomes.contains("failed") {
            self = .failed
        } else if outcomes.contains("needsReview") {
            self = .cantTell
        } else if outcomes.contains("passed") {
            self = .passed
        } else {
            self = .inapplicable
        }
    }
}
