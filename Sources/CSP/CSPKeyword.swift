/// A keyword-source of CSP3 §2.3.1 (plus the legacy keywords csp-evaluator still recognises), kept typed so that
/// checks never compare raw strings.
public enum CSPKeyword: String, CaseIterable, Sendable {
    case none = "'none'"
    case `self` = "'self'"
    case unsafeInline = "'unsafe-inline'"
    case unsafeEval = "'unsafe-eval'"
    case strictDynamic = "'strict-dynamic'"
    case unsafeHashes = "'unsafe-hashes'"
    case reportSample = "'report-sample'"
    case unsafeAllowRedirects = "'unsafe-allow-redirects'"
    case wasmUnsafeEval = "'wasm-unsafe-eval'"
    case trustedTypesEval = "'trusted-types-eval'"
    case reportSHA256 = "'report-sha256'"
    case reportSHA384 = "'report-sha384'"
    case reportSHA512 = "'report-sha512'"
    case unsafeWebTransportHashes = "'unsafe-webtransport-hashes'"
    case inlineSpeculationRules = "'inline-speculation-rules'"
    case wasmEval = "'wasm-eval'"
    case unsafeHashedAttributes = "'unsafe-hashed-attributes'"
    case block = "'block'"
    case allow = "'allow'"

    /// Whether the keyword is one of the 13 keyword-sources of the CSP3 grammar (§2.3.1), or `'none'`.
    public var isCSP3: Bool {
        switch self {
        case .inlineSpeculationRules, .wasmEval, .unsafeHashedAttributes, .block, .allow: false
        default: true
        }
    }

    /// Whether csp-evaluator (google/csp-evaluator `csp.Keyword`) knows this keyword; the others are the newer
    /// CSP3 keywords it reports as INVALID_KEYWORD (edge case 12).
    public var isKnownToCSPEvaluator: Bool {
        switch self {
        case .unsafeAllowRedirects, .trustedTypesEval, .reportSHA256, .reportSHA384, .reportSHA512,
            .unsafeWebTransportHashes:
            false
        default: true
        }
    }

    /// Looks a keyword up ASCII-case-insensitively (ABNF literals are case-insensitive, CSP3 §2.3.1).
    public init?(token: String) {
        guard token.utf8.count <= 40, token.utf8.first == UInt8(ascii: "'") else { return nil }
        if let keyword = CSPKeyword(rawValue: token) {
            self = keyword
        } else if token.utf8.contains(where: { (0x41...0x5A).contains($0) }),
            let keyword = CSPKeyword(rawValue: token.lowercased())
        {
            self = keyword
        } else {
            return nil
        }
    }
}
