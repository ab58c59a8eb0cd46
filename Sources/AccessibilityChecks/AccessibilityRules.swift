public import CheckSupport
public import PortcullisCore

/// The rule ids of the accessibility family, in one place so checks and tests name them the same way.
public enum AccessibilityRules {
    public static let imageAlt: RuleID = "a11y.image-alt"
    public static let htmlLang: RuleID = "a11y.html-has-lang"
    public static let documentTitle: RuleID = "a11y.document-title"
}

/// Every check of the accessibility family.
public enum AccessibilityChecks {
    /// The checks, in the order they run.
    public static let all: [any PageCheck] = [AccessibilityCheck(recordsPasses: false)]
}
