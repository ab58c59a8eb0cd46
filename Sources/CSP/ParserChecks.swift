/// csp-evaluator's `parser_checks.ts` and `strictcsp_checks.ts`.
extension Evaluator {
    func unknownDirective(_ policy: Policy) -> [CSPFinding] {
        policy.directives.compactMap { directive in
            if DirectiveName.known.contains(directive.name) { return nil }
            let text =
                directive.name.hasSuffix(":")
                ? "CSP directives don't end with a colon."
                : "Directive \"\(directive.name)\" is not a known CSP directive."
            return CSPFinding(.unknownDirective, .syntax, directive: directive.name, description: text)
        }
    }

    func missingSemicolon(_ policy: Policy) -> [CSPFinding] {
        var findings: [CSPFinding] = []
        for directive in policy.directives {
            for value in directive.tokens where DirectiveName.cspEvaluatorKnown.contains(value) {
                findings.append(
                    CSPFinding(
                        .missingSemicolon,
                        .syntax,
                        directive: directive.name,
                        value: value,
                        description: "Did you forget the semicolon? \"\(value)\" seems to be a directive, not a value."
                    )
                )
            }
        }
        return findings
    }

    /// Deviation from csp-evaluator (CSP3 §2.3.1, edge case 12): the newer CSP3 keywords are valid.
    func invalidKeyword(_ policy: Policy) -> [CSPFinding] {
        var findings: [CSPFinding] = []
        for directive in policy.directives {
            for value in directive.tokens {
                let unquoted = CSPKeyword(rawValue: "'\(value)'") != nil
                if unquoted || value.hasPrefix("nonce-") || value.hasPrefix("sha256-") || value.hasPrefix("sha384-")
                    || value.hasPrefix("sha512-")
                {
                    findings.append(
                        CSPFinding(
                            .invalidKeyword,
                            .syntax,
                            directive: directive.name,
                            value: value,
                            description: "Did you forget to surround \"\(value)\" with single-ticks?"
                        )
                    )
                    continue
                }
                guard value.hasPrefix("'") else { continue }
                switch directive.name {
                case "require-trusted-types-for":
                    if value == "'script'" { continue }
                case "trusted-types":
                    if value == "'allow-duplicates'" || value == "'none'" { continue }
                default:
                    if CSPKeyword(rawValue: value) != nil || CompatPolicy.isHash(value, strict: true)
                        || CompatPolicy.isNonce(value, strict: true)
                    {
                        continue
                    }
                }
                findings.append(
                    CSPFinding(
                        .invalidKeyword,
                        .syntax,
                        directive: directive.name,
                        value: value,
                        description: "\(value) seems to be an invalid CSP keyword."
                    )
                )
            }
        }
        return findings
    }

    func strictDynamic(_ policy: Policy) -> [CSPFinding] {
        let name = CompatPolicy.effectiveName("script-src", in: policy)
        let tokens = CompatPolicy.tokens(name, in: policy)
        guard tokens.contains(where: { !$0.hasPrefix("'") }), !tokens.contains(CSPKeyword.strictDynamic.rawValue)
        else { return [] }
        return [
            CSPFinding(
                .strictDynamic,
                .strictCSP,
                directive: name,
                description: "Host allowlists can frequently be bypassed. Consider using 'strict-dynamic' in "
                    + "combination with CSP nonces or hashes."
            )
        ]
    }

    func strictDynamicNotStandalone(_ policy: Policy) -> [CSPFinding] {
        let name = CompatPolicy.effectiveName("script-src", in: policy)
        guard CompatPolicy.tokens(name, in: policy).contains(CSPKeyword.strictDynamic.rawValue),
            !CompatPolicy.hasScriptNonces(policy), !CompatPolicy.hasScriptHashes(policy)
        else { return [] }
        return [
            CSPFinding(
                .strictDynamicNotStandalone,
                .info,
                directive: name,
                description: "'strict-dynamic' without a CSP nonce/hash will block all scripts."
            )
        ]
    }

    func unsafeInlineFallback(_ policy: Policy) -> [CSPFinding] {
        guard CompatPolicy.hasScriptNonces(policy) || CompatPolicy.hasScriptHashes(policy) else { return [] }
        let name = CompatPolicy.effectiveName("script-src", in: policy)
        guard !CompatPolicy.tokens(name, in: policy).contains(CSPKeyword.unsafeInline.rawValue) else { return [] }
        return [
            CSPFinding(
                .unsafeInlineFallback,
                .strictCSP,
                directive: name,
                description: "Consider adding 'unsafe-inline' (ignored by browsers supporting nonces/hashes) to be "
                    + "backward compatible with older browsers."
            )
        ]
    }

    func allowlistFallback(_ policy: Policy) -> [CSPFinding] {
        let name = CompatPolicy.effectiveName("script-src", in: policy)
        let tokens = CompatPolicy.tokens(name, in: policy)
        guard tokens.contains(CSPKeyword.strictDynamic.rawValue),
            !tokens.contains(where: { ["http:", "https:", "*"].contains($0) || $0.contains(".") })
        else { return [] }
        return [
            CSPFinding(
                .allowlistFallback,
                .strictCSP,
                directive: name,
                description: "Consider adding https: and http: url schemes (ignored by browsers supporting "
                    + "'strict-dynamic') to be backward compatible with older browsers."
            )
        ]
    }

    func requiresTrustedTypesForScripts(_ policy: Policy) -> [CSPFinding] {
        guard !CompatPolicy.tokens("require-trusted-types-for", in: policy).contains("'script'") else { return [] }
        return [
            CSPFinding(
                .requireTrustedTypesForScripts,
                .info,
                directive: "require-trusted-types-for",
                description: "Consider requiring Trusted Types for scripts to lock down DOM XSS injection sinks. You "
                    + "can do this by adding \"require-trusted-types-for 'script'\" to your policy."
            )
        ]
    }
}
