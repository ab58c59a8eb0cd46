import CSP

/// The Observatory's CSP questions answered for one enforced policy, on the policy as CSP3 reads it: first
/// occurrence of a directive wins, fallback lists (§6.8.3), `'unsafe-inline'` ignored next to a valid nonce or hash
/// (§6.7.3.2), host and scheme sources, `'self'` and `'unsafe-inline'` ignored for scripts under `'strict-dynamic'`
/// (§8.2). What counts as unsafe is the Observatory's: `'unsafe-inline'`, `data:` and over-broad sources.
struct ObservatoryPolicyFacts: Sendable {
    /// Sources the Observatory calls dangerously broad (`*`, `http:`, `https:`, `ftp:`, `http(s)://*`, `*.*`).
    static let broad: Set<String> = [
        "*", "http:", "https:", "ftp:", "http://*", "http://*.*", "https://*", "https://*.*",
    ]
    /// Sources that allow inline code: `'unsafe-inline'` and `data:`.
    static let inline: Set<String> = ["'unsafe-inline'", "data:"]
    /// Passive-content directives (images and media); everything else is active.
    static let passive: Set<String> = ["img-src", "media-src"]

    /// Scripts or plugins effectively unrestricted.
    var unsafeScripts: Bool
    /// `'unsafe-eval'` allowed for scripts.
    var unsafeEval: Bool
    /// An active directive allows `http:` or `ftp:` URLs.
    var insecureSchemeActive: Bool
    /// Images or media may load over `http:` or `ftp:`.
    var insecureSchemePassive: Bool
    /// Styles effectively unrestricted.
    var unsafeStyles: Bool
    /// `default-src` allows nothing.
    var defaultSrcNone: Bool

    /// Answers the questions for one policy.
    init(_ policy: Policy) {
        let scripts = policy.effectiveDirective(for: "script-src").map(Self.scriptSources)
        let objects = policy.effectiveDirective(for: "object-src").map(Self.sources)
        let styles = policy.effectiveDirective(for: "style-src").map(Self.inlineNeutralised)
        unsafeScripts =
            scripts.map { !$0.isDisjoint(with: Self.broad.union(Self.inline)) } ?? true
            || objects.map { !$0.isDisjoint(with: Self.broad) } ?? true
        unsafeEval = scripts?.contains("'unsafe-eval'") ?? true
        var active = scripts ?? []
        var passive: Set<String> = []
        for directive in policy.directives where !["script-src", "default-src"].contains(directive.name) {
            if Self.passive.contains(directive.name) {
                passive.formUnion(Self.sources(directive))
            } else {
                active.formUnion(Self.sources(directive))
            }
        }
        if let fallback = policy["default-src"] {
            active.formUnion(Self.sources(fallback))
            for name in Self.passive where !policy.has(name) { passive.formUnion(Self.sources(fallback)) }
        }
        insecureSchemeActive = active.contains(where: Self.isInsecure)
        insecureSchemePassive = passive.contains(where: Self.isInsecure)
        unsafeStyles = styles.map { !$0.isDisjoint(with: Self.broad.union(Self.inline)) } ?? true
        defaultSrcNone = policy["default-src"]?.allowsNothing ?? false
    }

    /// The directive's tokens, lowercased for comparison.
    static func sources(_ directive: Directive) -> Set<String> {
        Set(directive.tokens.map { $0.lowercased() })
    }

    /// The tokens without `'unsafe-inline'` when a valid nonce or hash is present (CSP3 §6.7.3.2).
    static func inlineNeutralised(_ directive: Directive) -> Set<String> {
        var tokens = sources(directive)
        if directive.hasNonceOrHash { tokens.remove("'unsafe-inline'") }
        return tokens
    }

    /// The script tokens that still apply: under `'strict-dynamic'` only keywords other than `'self'` and
    /// `'unsafe-inline'`, nonces and hashes remain (CSP3 §8.2).
    static func scriptSources(_ directive: Directive) -> Set<String> {
        let tokens = inlineNeutralised(directive)
        guard directive.contains(.strictDynamic) else { return tokens }
        return tokens.filter { $0.hasPrefix("'") && $0 != "'self'" && $0 != "'unsafe-inline'" }
    }

    /// Whether a source allows plain `http:` or `ftp:` URLs.
    static func isInsecure(_ token: String) -> Bool {
        token.hasPrefix("http:") || token.hasPrefix("ftp:")
    }
}
