/// A csp-evaluator finding type; raw values are csp-evaluator's names so rules can map `cspEvaluatorType`.
public enum CSPFindingType: String, CaseIterable, Hashable, Sendable {
    case missingSemicolon = "MISSING_SEMICOLON"
    case unknownDirective = "UNKNOWN_DIRECTIVE"
    case invalidKeyword = "INVALID_KEYWORD"
    case nonceCharset = "NONCE_CHARSET"
    case missingDirectives = "MISSING_DIRECTIVES"
    case scriptUnsafeInline = "SCRIPT_UNSAFE_INLINE"
    case scriptUnsafeEval = "SCRIPT_UNSAFE_EVAL"
    case plainURLSchemes = "PLAIN_URL_SCHEMES"
    case plainWildcard = "PLAIN_WILDCARD"
    case scriptAllowlistBypass = "SCRIPT_ALLOWLIST_BYPASS"
    case objectAllowlistBypass = "OBJECT_ALLOWLIST_BYPASS"
    case nonceLength = "NONCE_LENGTH"
    case ipSource = "IP_SOURCE"
    case deprecatedDirective = "DEPRECATED_DIRECTIVE"
    case sourceHTTP = "SRC_HTTP"
    case strictDynamic = "STRICT_DYNAMIC"
    case strictDynamicNotStandalone = "STRICT_DYNAMIC_NOT_STANDALONE"
    case unsafeInlineFallback = "UNSAFE_INLINE_FALLBACK"
    case allowlistFallback = "ALLOWLIST_FALLBACK"
    case ignored = "IGNORED"
    case requireTrustedTypesForScripts = "REQUIRE_TRUSTED_TYPES_FOR_SCRIPTS"
    case reportingDestinationMissing = "REPORTING_DESTINATION_MISSING"
    case reportToOnly = "REPORT_TO_ONLY"
    case scriptUnsafeHashes = "SCRIPT_UNSAFE_HASHES"
}

/// csp-evaluator's severities (its numeric order: HIGH is most severe, NONE least).
public enum CSPSeverity: String, CaseIterable, Hashable, Sendable {
    case high = "HIGH"
    case syntax = "SYNTAX"
    case medium = "MEDIUM"
    case highMaybe = "HIGH_MAYBE"
    case strictCSP = "STRICT_CSP"
    case mediumMaybe = "MEDIUM_MAYBE"
    case info = "INFO"
    case none = "NONE"
}

/// One evaluator finding: what, how bad, where (directive) and which value, with a human description.
public struct CSPFinding: Hashable, Sendable {
    /// The finding type (csp-evaluator name).
    public var type: CSPFindingType
    /// The severity (csp-evaluator scale).
    public var severity: CSPSeverity
    /// The directive concerned.
    public var directive: String
    /// The offending value token, if the finding is about one.
    public var value: String?
    /// A sentence a developer can act on.
    public var description: String

    /// Creates a finding.
    public init(
        _ type: CSPFindingType,
        _ severity: CSPSeverity,
        directive: String,
        value: String? = nil,
        description: String
    ) {
        self.type = type
        self.severity = severity
        self.directive = directive
        self.value = value
        self.description = description
    }
}
