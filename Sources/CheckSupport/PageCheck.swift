public import PortcullisCore

/// A pure function from a page to observations, for one or a few closely related rules.
///
/// Checks say what they saw; the rule engine decides severity, wording and whether the rule runs at all.
public protocol PageCheck: Sendable {
    /// Every rule id this check can emit; the engine refuses to start if one is missing from the catalog.
    var rules: [RuleID] { get }

    /// The observations for `page`. Must not throw or crash on any input.
    func check(_ page: Page) -> [Observation]
}
