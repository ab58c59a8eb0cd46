/// csp-evaluator's `lighthouse_checks.ts`: the multi-policy evaluations Lighthouse uses.
extension Evaluator {
    /// `evaluateForFailure`: findings that hold for every policy (a policy that passes protects the page).
    public func evaluateForFailure(_ policies: [Policy]) -> [CSPFinding] {
        var findings = Self.intersection(policies.map(missingScriptSrc))
        findings += Self.intersection(policies.map(missingObjectSrc))
        findings += missingDirectives(across: policies)
        let effective = policies.map { EffectivePolicy.make($0).policy }
        let withScript = effective.filter { $0.has(CompatPolicy.effectiveName("script-src", in: $0)) }
        findings += Self.intersection(withScript.map(strictDynamic))
        findings += Self.intersection(withScript.map(scriptUnsafeInline))
        findings += Self.intersection(effective.map(wildcards))
        findings += Self.intersection(effective.map(plainURLSchemes))
        return findings
    }

    /// `evaluateForWarnings`: strict-CSP advice from any policy.
    public func evaluateForWarnings(_ policies: [Policy]) -> [CSPFinding] {
        Self.union(policies.map(unsafeInlineFallback)) + Self.union(policies.map(allowlistFallback))
    }

    /// `evaluateForSyntaxErrors`: syntax findings per policy.
    public func evaluateForSyntaxErrors(_ policies: [Policy]) -> [[CSPFinding]] {
        policies.map { policy in
            nonceLength(policy) + unknownDirective(policy) + deprecatedDirective(policy) + missingSemicolon(policy)
                + invalidKeyword(policy)
        }
    }
}
