/// W3C's verdict on how an implementation matches one ACT rule's test cases
/// (https://www.w3.org/WAI/standards-guidelines/act/implementations/).
public enum ACTConsistency: String, Sendable, Hashable, CaseIterable {
    /// Every failed example failed, and no passed or inapplicable example failed.
    case consistent
    /// No wrong answer, at least one failed example found, some examples answered "can't tell" or untested.
    case partiallyConsistent = "partially consistent"
    /// A wrong answer, or no failed example found.
    case inconsistent
    /// No rule of ours implements it.
    case untested

    /// The verdict for one ACT rule's results.
    public init(_ results: [ACTRunner.Result]) {
        guard results.contains(where: { $0.outcome != nil }) else {
            self = .untested
            return
        }
        let wrong = results.contains { result in
            guard let outcome = result.outcome, outcome != .cantTell else { return false }
            return !result.agrees
        }
        let failedFound = results.contains { $0.testCase.expected == "failed" && $0.outcome == .failed }
        if wrong || !failedFound {
            self = .inconsistent
        } else if results.allSatisfy(\.agrees) {
            self = .consistent
        } else {
            self = .partiallyConsistent
        }
    }
}
