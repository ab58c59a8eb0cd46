/// Evaluates policies the way csp-evaluator does (same finding types, severities, directives and values),
/// except where CSP3 says otherwise (see docs/conformance.md).
public struct Evaluator: Sendable {
    /// The allowlist-bypass data used by the bypass checks.
    public var bypassLists: CSPBypassLists

    /// Creates an evaluator with the given bypass lists (`CSPBypassLists.load(directory:)`).
    public init(bypassLists: CSPBypassLists) {
        self.bypassLists = bypassLists
    }

    /// Which check set to run.
    public enum CheckSet: Sendable {
        /// csp-evaluator's default CSP3 evaluation.
        case defaultCSP3
        /// The strict-CSP checks on the parsed policy, then the default checks.
        case withStrictCSP
    }

    /// The findings of one policy, as `new CspEvaluator(csp, version).evaluate(...)`: the IGNORED findings of
    /// the effective-policy transform, then (strict set) the strict checks on the parsed policy, then the
    /// default checks on the effective policy.
    public func evaluate(
        _ policy: Policy,
        checks: CheckSet = .defaultCSP3,
        version: CSPVersion = .csp3
    )
        -> [CSPFinding]
    {
        let (effective, ignored) = EffectivePolicy.make(policy, version: version)
        var findings = ignored
        if checks == .withStrictCSP {
            for check in CSPCheck.strictChecks { findings += run(check, on: policy) }
        }
        for check in CSPCheck.defaultChecks { findings += run(check, on: effective) }
        return findings
    }

    /// The findings of all enforced policies as browsers enforce them: a problem about what the policies allow
    /// counts only if every enforced policy has it (CSP3 §8.1); syntax findings are reported for each policy.
    /// Report-only policies are ignored. An empty result with no enforced policy means "no CSP", not "clean".
    public func evaluate(_ list: PolicyList, checks: CheckSet = .defaultCSP3) -> [CSPFinding] {
        let policies = list.enforced
        guard !policies.isEmpty else { return [] }
        let effective = policies.map { EffectivePolicy.make($0).policy }
        var findings: [CSPFinding] = []
        var allChecks = CSPCheck.defaultChecks
        if checks == .withStrictCSP { allChecks = CSPCheck.strictChecks + allChecks }
        for check in allChecks {
            let targets = CSPCheck.strictChecks.contains(check) ? policies : effective
            let perPolicy = targets.map { run(check, on: $0) }
            if check == .missingDirectives {
                findings += Self.intersection(policies.map(missingObjectSrc))
                findings += Self.intersection(policies.map(missingScriptSrc))
                findings += missingDirectives(across: policies)
            } else if check.isSyntactic {
                for list in perPolicy { findings += list }
            } else {
                findings += Self.intersection(perPolicy)
            }
        }
        return findings
    }

    /// Runs one named check on a policy (the caller chooses parsed or effective policy, as csp-evaluator's
    /// unit tests do).
    public func run(_ check: CSPCheck, on policy: Policy) -> [CSPFinding] {
        switch check {
        case .scriptUnsafeInline: scriptUnsafeInline(policy)
        case .scriptUnsafeEval: scriptUnsafeEval(policy)
        case .plainURLSchemes: plainURLSchemes(policy)
        case .wildcards: wildcards(policy)
        case .missingDirectives: missingDirectives(policy)
        case .scriptAllowlistBypass: scriptAllowlistBypass(policy)
        case .flashObjectAllowlistBypass: flashObjectAllowlistBypass(policy)
        case .ipSource: ipSource(policy)
        case .nonceLength: nonceLength(policy)
        case .sourceHTTP: sourceHTTP(policy)
        case .deprecatedDirective: deprecatedDirective(policy)
        case .hasConfiguredReporting: hasConfiguredReporting(policy)
        case .unknownDirective: unknownDirective(policy)
        case .missingSemicolon: missingSemicolon(policy)
        case .invalidKeyword: invalidKeyword(policy)
        case .strictDynamic: strictDynamic(policy)
        case .strictDynamicNotStandalone: strictDynamicNotStandalone(policy)
        case .unsafeInlineFallback: unsafeInlineFallback(policy)
        case .allowlistFallback: allowlistFallback(policy)
        case .requiresTrustedTypesForScripts: requiresTrustedTypesForScripts(policy)
        }
    }

    /// Findings present in every list (csp-evaluator `setIntersection`, order of the first list).
    static func intersection(_ lists: [[CSPFinding]]) -> [CSPFinding] {
        guard let first = lists.first else { return [] }
        let rest = lists.dropFirst().map(Set.init)
        var result: [CSPFinding] = []
        for finding in first where rest.allSatisfy({ $0.contains(finding) }) && !result.contains(finding) {
            result.append(finding)
        }
        return result
    }

    /// Findings present in any list, without duplicates (csp-evaluator `setUnion`).
    static func union(_ lists: [[CSPFinding]]) -> [CSPFinding] {
        var result: [CSPFinding] = []
        var seen = Set<CSPFinding>()
        for list in lists {
            for finding in list where seen.insert(finding).inserted { result.append(finding) }
        }
        return result
    }
}
