public import A11yModel
public import Foundation
public import PortcullisCore

/// One accessibility rule evaluated on a page model: an observation per applicable element, `passed`, `failed`
/// or `needsReview` (markup cannot decide); no observation means inapplicable there.
///
/// The ACT harness turns these into a page outcome (failed if any element failed, else needs review, else
/// passed, else inapplicable); the scan keeps the failures as findings.
public protocol A11yRule: Sendable {
    /// The rule ids this rule emits (usually one).
    var rules: [RuleID] { get }
    /// Evaluates the rule on `page`, located at `url`.
    func evaluate(_ page: A11yPage, at url: URL) -> [Observation]
}
