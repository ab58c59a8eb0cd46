/// Directive names known to CSP3 and its extensions (plus the deprecated ones csp-evaluator still knows).
public enum DirectiveName {
    /// Fetch directives (CSP3 §6.1): those that fall back to `default-src`.
    public static let fetch: Set<String> = [
        "child-src", "connect-src", "default-src", "font-src", "frame-src", "img-src", "manifest-src",
        "media-src", "object-src", "script-src", "script-src-attr", "script-src-elem", "style-src",
        "style-src-attr", "style-src-elem", "worker-src", "prefetch-src", "fenced-frame-src",
    ]

    /// Every directive name csp-evaluator's `isDirective` accepts, plus newer CSP3 ones.
    public static let known: Set<String> = fetch.union([
        "base-uri", "plugin-types", "sandbox", "disown-opener", "form-action", "frame-ancestors", "navigate-to",
        "report-to", "report-uri", "block-all-mixed-content", "upgrade-insecure-requests", "reflected-xss",
        "referrer", "require-sri-for", "trusted-types", "require-trusted-types-for", "webrtc",
    ])

    /// The directive names csp-evaluator knows (its `csp.Directive` enum): used for MISSING_SEMICOLON.
    public static let cspEvaluatorKnown: Set<String> = known.subtracting(["fenced-frame-src"])

    /// Directives a `<meta http-equiv>` policy cannot carry (CSP3 §3.3).
    public static let ignoredInMeta: Set<String> = ["frame-ancestors", "report-uri", "sandbox"]
}
