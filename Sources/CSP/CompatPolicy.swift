/// csp-evaluator's policy helpers (`Csp` class and `csp.ts` predicates) over our `Policy`, used by the checks.
public enum CompatPolicy {
    /// csp-evaluator `getEffectiveDirective`: the directive itself if present, else `script-src`/`style-src` for
    /// their `-attr`/`-elem` variants, else `default-src` for fetch directives, else the name itself.
    public static func effectiveName(_ name: String, in policy: Policy) -> String {
        if policy.has(name) { return name }
        if name == "script-src-attr" || name == "script-src-elem", policy.has("script-src") { return "script-src" }
        if name == "style-src-attr" || name == "style-src-elem", policy.has("style-src") { return "style-src" }
        if DirectiveName.fetch.contains(name) { return "default-src" }
        return name
    }

    /// csp-evaluator `getEffectiveDirectives`: the distinct effective names in first-seen order.
    public static func effectiveNames(_ names: [String], in policy: Policy) -> [String] {
        var result: [String] = []
        for name in names {
            let effective = effectiveName(name, in: policy)
            if !result.contains(effective) { result.append(effective) }
        }
        return result
    }

    /// The tokens of the directive governing `name` (empty if none).
    static func tokens(_ name: String, in policy: Policy) -> [String] {
        policy[name]?.tokens ?? []
    }

    /// Whether the script directive carries a well-formed nonce (`policyHasScriptNonces`).
    public static func hasScriptNonces(_ policy: Policy) -> Bool {
        tokens(effectiveName("script-src", in: policy), in: policy).contains { isNonce($0, strict: true) }
    }

    /// Whether the script directive carries a well-formed hash (`policyHasScriptHashes`).
    public static func hasScriptHashes(_ policy: Policy) -> Bool {
        tokens(effectiveName("script-src", in: policy), in: policy).contains { isHash($0, strict: true) }
    }

    /// Whether the script directive carries `'strict-dynamic'` (`policyHasStrictDynamic`).
    public static func hasStrictDynamic(_ policy: Policy) -> Bool {
        tokens(effectiveName("script-src", in: policy), in: policy).contains(CSPKeyword.strictDynamic.rawValue)
    }

    /// `isNonce`: `'nonce-…'`; strict requires the base64 charset.
    public static func isNonce(_ token: String, strict: Bool = false) -> Bool {
        guard token.hasPrefix("'nonce-"), token.hasSuffix("'"), token.count > 8 else { return false }
        return !strict || SourceExpression.isBase64Value(token.dropFirst(7).dropLast())
    }

    /// `isHash`: `'sha256|384|512-…'`; strict requires the base64 charset.
    public static func isHash(_ token: String, strict: Bool = false) -> Bool {
        for algorithm in HashAlgorithm.allCases {
            let prefix = "'\(algorithm.rawValue)-"
            if token.hasPrefix(prefix), token.hasSuffix("'"), token.count > prefix.count + 1 {
                return !strict || SourceExpression.isBase64Value(token.dropFirst(prefix.count).dropLast())
            }
        }
        return false
    }

    /// `isUrlScheme`: `scheme:`.
    public static func isURLScheme(_ token: String) -> Bool {
        token.hasSuffix(":") && SourceExpression.isSchemeName(token.dropLast())
    }

    /// `isKeyword`: one of csp-evaluator's keywords.
    public static func isKeyword(_ token: String) -> Bool {
        guard let keyword = CSPKeyword(rawValue: token) else { return false }
        return keyword.isKnownToCSPEvaluator
    }
}
