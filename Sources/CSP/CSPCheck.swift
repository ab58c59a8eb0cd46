/// One named csp-evaluator check; raw values are csp-evaluator's `module.function` names.
public enum CSPCheck: String, CaseIterable, Sendable {
    case scriptUnsafeInline = "security_checks.checkScriptUnsafeInline"
    case scriptUnsafeEval = "security_checks.checkScriptUnsafeEval"
    case plainURLSchemes = "security_checks.checkPlainUrlSchemes"
    case wildcards = "security_checks.checkWildcards"
    case missingDirectives = "security_checks.checkMissingDirectives"
    case scriptAllowlistBypass = "security_checks.checkScriptAllowlistBypass"
    case flashObjectAllowlistBypass = "security_checks.checkFlashObjectAllowlistBypass"
    case ipSource = "security_checks.checkIpSource"
    case nonceLength = "security_checks.checkNonceLength"
    case sourceHTTP = "security_checks.checkSrcHttp"
    case deprecatedDirective = "security_checks.checkDeprecatedDirective"
    case hasConfiguredReporting = "security_checks.checkHasConfiguredReporting"
    case unknownDirective = "parser_checks.checkUnknownDirective"
    case missingSemicolon = "parser_checks.checkMissingSemicolon"
    case invalidKeyword = "parser_checks.checkInvalidKeyword"
    case strictDynamic = "strictcsp_checks.checkStrictDynamic"
    case strictDynamicNotStandalone = "strictcsp_checks.checkStrictDynamicNotStandalone"
    case unsafeInlineFallback = "strictcsp_checks.checkUnsafeInlineFallback"
    case allowlistFallback = "strictcsp_checks.checkAllowlistFallback"
    case requiresTrustedTypesForScripts = "strictcsp_checks.checkRequiresTrustedTypesForScripts"

    /// csp-evaluator's `DEFAULT_CHECKS`, in its order (run on the effective policy).
    public static let defaultChecks: [CSPCheck] = [
        .scriptUnsafeInline, .scriptUnsafeEval, .plainURLSchemes, .wildcards, .missingDirectives,
        .scriptAllowlistBypass, .flashObjectAllowlistBypass, .ipSource, .nonceLength, .sourceHTTP,
        .deprecatedDirective, .unknownDirective, .missingSemicolon, .invalidKeyword,
    ]

    /// csp-evaluator's `STRICTCSP_CHECKS` (run on the parsed policy before the default checks).
    public static let strictChecks: [CSPCheck] = [
        .strictDynamic, .strictDynamicNotStandalone, .unsafeInlineFallback, .allowlistFallback,
        .requiresTrustedTypesForScripts,
    ]

    /// Checks whose findings describe the policy text rather than what it allows: with several policies these
    /// are reported per policy (union), the others only when every enforced policy has them (intersection).
    public var isSyntactic: Bool {
        switch self {
        case .nonceLength, .unknownDirective, .deprecatedDirective, .missingSemicolon, .invalidKeyword, .ipSource,
            .sourceHTTP, .hasConfiguredReporting:
            true
        default: false
        }
    }
}
