import AccessibilityChecks
public import CheckSupport
import HeaderChecks
public import PortcullisCore

/// The built-in page checks of every family, and the rule ids they can emit.
public enum CheckRegistry {
    /// Every built-in page check.
    public static let pageChecks: [any PageCheck] = HeaderChecks.all + AccessibilityChecks.all

    /// Every rule id the built-in checks can emit: what the engine checks against the catalog.
    public static var ruleIDs: Set<RuleID> { Set(pageChecks.flatMap(\.rules)) }
}
