public import CSP
public import CheckSupport
public import PortcullisCore

/// The rule ids of the header family, in one place so checks and tests name them the same way.
public enum HeaderRules {
    public static let cspMissing: RuleID = "headers.csp-missing"
    public static let hstsMissing: RuleID = "headers.hsts-missing"
    public static let nosniffMissing: RuleID = "headers.nosniff-missing"
    public static let antiFramingMissing: RuleID = "headers.anti-framing-missing"
    public static let mixedContentActive: RuleID = "headers.mixed-content-active"
    public static let mixedContentPassive: RuleID = "headers.mixed-content-passive"
    public static let subresourceIntegrityMissing: RuleID = "headers.sri-missing"
    public static let httpsRedirectMissing: RuleID = "headers.https-redirect-missing"
}

/// Every check of the header family.
public enum HeaderChecks {
    /// The checks, in the order they run; the CSP evaluation uses `bypassLists` (`Rules/csp-allowlists/`).
    public static func all(bypassLists: CSPBypassLists) -> [any PageCheck] {
        [
            ContentSecurityPolicyPresenceCheck(),
            ContentSecurityPolicyEvaluationCheck(bypassLists: bypassLists),
            StrictTransportSecurityPresenceCheck(),
            NosniffCheck(),
            AntiFramingCheck(),
            MixedContentCheck(),
            SubresourceIntegrityCheck(),
            HTTPSRedirectCheck(),
            SecurityHeadersCheck(),
        ]
    }
}
