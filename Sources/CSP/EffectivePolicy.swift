/// The CSP version a browser supports, for csp-evaluator's effective-policy transform.
public enum CSPVersion: Int, Comparable, Sendable {
    case csp1 = 1
    case csp2 = 2
    case csp3 = 3

    /// Orders versions by number.
    public static func < (lhs: CSPVersion, rhs: CSPVersion) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The policy as a browser supporting a given CSP version sees it (csp-evaluator `getEffectiveCsp`): nonces and
/// hashes neutralise `'unsafe-inline'` (CSP3 §6.7.3.2), `'strict-dynamic'` drops host/scheme sources, `'self'` and
/// `'unsafe-inline'` (CSP3 §8.2), and pre-CSP3 browsers lose the CSP3-only directives.
public enum EffectivePolicy {
    static let csp3OnlyDirectives: Set<String> = [
        "report-to", "worker-src", "manifest-src", "trusted-types", "require-trusted-types-for", "script-src-attr",
        "script-src-elem", "style-src-attr", "style-src-elem",
    ]

    /// Returns the effective policy and the IGNORED findings the transform produced.
    public static func make(_ policy: Policy, version: CSPVersion = .csp3) -> (policy: Policy, ignored: [CSPFinding]) {
        var ignored: [CSPFinding] = []
        var tokensByName: [String: [String]] = [:]
        for directive in policy.directives { tokensByName[directive.name] = directive.tokens }
        for name in ["script-src", "script-src-attr", "script-src-elem"] {
            let target = CompatPolicy.effectiveName(name, in: policy)
            guard let original = policy[target]?.tokens, var current = tokensByName[target] else { continue }
            let hasNonceOrHash = current.contains {
                CompatPolicy.isNonce($0, strict: true) || CompatPolicy.isHash($0, strict: true)
            }
            if hasNonceOrHash {
                if version >= .csp2 {
                    if original.contains(CSPKeyword.unsafeInline.rawValue) {
                        current.removeAll { $0 == CSPKeyword.unsafeInline.rawValue }
                        ignored.append(
                            CSPFinding(
                                .ignored,
                                .none,
                                directive: target,
                                value: CSPKeyword.unsafeInline.rawValue,
                                description:
                                    "unsafe-inline is ignored if a nonce or a hash is present. (CSP2 and above)"
                            )
                        )
                    }
                } else {
                    current.removeAll { $0.hasPrefix("'nonce-") || $0.hasPrefix("'sha") }
                }
            }
            if original.contains(CSPKeyword.strictDynamic.rawValue) {
                if version >= .csp3 {
                    for value in original
                    where !value.hasPrefix("'") || value == CSPKeyword.`self`.rawValue
                        || value == CSPKeyword.unsafeInline.rawValue
                    {
                        current.removeAll { $0 == value }
                        ignored.append(
                            CSPFinding(
                                .ignored,
                                .none,
                                directive: target,
                                value: value,
                                description: "Because of strict-dynamic this entry is ignored in CSP3 and above"
                            )
                        )
                    }
                } else {
                    current.removeAll { $0 == CSPKeyword.strictDynamic.rawValue }
                }
            }
            tokensByName[target] = current
        }
        var directives: [Directive] = []
        for directive in policy.directives {
            if version < .csp3, csp3OnlyDirectives.contains(directive.name) { continue }
            let tokens = tokensByName[directive.name] ?? directive.tokens
            directives.append(tokens == directive.tokens ? directive : Directive(name: directive.name, tokens: tokens))
        }
        let effective = Policy(
            directives: directives,
            disposition: policy.disposition,
            source: policy.source,
            notes: policy.notes
        )
        return (effective, ignored)
    }
}
