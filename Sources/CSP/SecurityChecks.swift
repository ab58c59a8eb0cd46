/// csp-evaluator's `security_checks.ts`, over our typed policy.
extension Evaluator {
    static let scriptDirectives = ["script-src", "script-src-attr", "script-src-elem"]
    static let directivesCausingXSS = ["script-src", "script-src-attr", "script-src-elem", "object-src", "base-uri"]
    static let schemesCausingXSS = ["data:", "http:", "https:"]

    func scriptUnsafeInline(_ policy: Policy) -> [CSPFinding] {
        var findings: [CSPFinding] = []
        for name in CompatPolicy.effectiveNames(Self.scriptDirectives, in: policy) {
            let tokens = CompatPolicy.tokens(name, in: policy)
            if tokens.contains(CSPKeyword.unsafeInline.rawValue) {
                findings.append(
                    CSPFinding(
                        .scriptUnsafeInline,
                        .high,
                        directive: name,
                        value: CSPKeyword.unsafeInline.rawValue,
                        description:
                            "'unsafe-inline' allows the execution of unsafe in-page scripts and event handlers."
                    )
                )
            }
            if tokens.contains(CSPKeyword.unsafeHashes.rawValue) {
                findings.append(
                    CSPFinding(
                        .scriptUnsafeHashes,
                        .mediumMaybe,
                        directive: name,
                        value: CSPKeyword.unsafeHashes.rawValue,
                        description: "'unsafe-hashes', while safer than 'unsafe-inline', still allows the execution of "
                            + "unsafe in-page scripts and event handlers as long as their hashes appear in the CSP."
                    )
                )
            }
        }
        return findings
    }

    func scriptUnsafeEval(_ policy: Policy) -> [CSPFinding] {
        CompatPolicy.effectiveNames(Self.scriptDirectives, in: policy).compactMap { name in
            guard CompatPolicy.tokens(name, in: policy).contains(CSPKeyword.unsafeEval.rawValue) else { return nil }
            return CSPFinding(
                .scriptUnsafeEval,
                .mediumMaybe,
                directive: name,
                value: CSPKeyword.unsafeEval.rawValue,
                description: "'unsafe-eval' allows the execution of code injected into DOM APIs such as eval()."
            )
        }
    }

    func plainURLSchemes(_ policy: Policy) -> [CSPFinding] {
        var findings: [CSPFinding] = []
        for name in CompatPolicy.effectiveNames(Self.directivesCausingXSS, in: policy) {
            for value in CompatPolicy.tokens(name, in: policy) where Self.schemesCausingXSS.contains(value) {
                findings.append(
                    CSPFinding(
                        .plainURLSchemes,
                        .high,
                        directive: name,
                        value: value,
                        description: "\(value) URI in \(name) allows the execution of unsafe scripts."
                    )
                )
            }
        }
        return findings
    }

    func wildcards(_ policy: Policy) -> [CSPFinding] {
        var findings: [CSPFinding] = []
        for name in CompatPolicy.effectiveNames(Self.directivesCausingXSS, in: policy) {
            for value in CompatPolicy.tokens(name, in: policy)
            where value.utf8.last == UInt8(ascii: "*") && CSPEvaluatorURL.schemeFree(value) == "*" {
                findings.append(
                    CSPFinding(
                        .plainWildcard,
                        .high,
                        directive: name,
                        value: value,
                        description: "\(name) should not allow '*' as source"
                    )
                )
            }
        }
        return findings
    }

    func missingDirectives(_ policy: Policy) -> [CSPFinding] {
        missingObjectSrc(policy) + missingScriptSrc(policy) + missingDirectives(across: [policy])
    }

    func missingObjectSrc(_ policy: Policy) -> [CSPFinding] {
        let governing = policy["object-src"] ?? policy["default-src"]
        if let governing, !governing.tokens.isEmpty { return [] }
        return [
            CSPFinding(
                .missingDirectives,
                .high,
                directive: "object-src",
                description: "Missing object-src allows the injection of plugins which can execute JavaScript. "
                    + "Can you set it to 'none'?"
            )
        ]
    }

    func missingScriptSrc(_ policy: Policy) -> [CSPFinding] {
        if policy.has("script-src") || policy.has("default-src") { return [] }
        return [
            CSPFinding(
                .missingDirectives,
                .high,
                directive: "script-src",
                description: "script-src directive is missing."
            )
        ]
    }

    /// `checkMultipleMissingBaseUriDirective`: base-uri may be set by any of the policies.
    func missingDirectives(across policies: [Policy]) -> [CSPFinding] {
        let needsBaseURI = policies.contains {
            CompatPolicy.hasScriptNonces($0) || (CompatPolicy.hasScriptHashes($0) && CompatPolicy.hasStrictDynamic($0))
        }
        guard needsBaseURI, !policies.contains(where: { $0.has("base-uri") }) else { return [] }
        return [
            CSPFinding(
                .missingDirectives,
                .high,
                directive: "base-uri",
                description: "Missing base-uri allows the injection of base tags. They can be used to set the base "
                    + "URL for all relative (script) URLs to an attacker controlled domain. Can you set it to 'none' "
                    + "or 'self'?"
            )
        ]
    }

    /// Deviation from csp-evaluator (CSP3 §6.7.2.7 note, edge case 8): `'none'` mixed with other sources has no
    /// effect, so the other sources are still checked.
    func scriptAllowlistBypass(_ policy: Policy) -> [CSPFinding] {
        var findings: [CSPFinding] = []
        for name in CompatPolicy.effectiveNames(["script-src", "script-src-elem"], in: policy) {
            let tokens = CompatPolicy.tokens(name, in: policy)
            for value in tokens {
                if value == CSPKeyword.`self`.rawValue {
                    findings.append(
                        CSPFinding(
                            .scriptAllowlistBypass,
                            .mediumMaybe,
                            directive: name,
                            value: value,
                            description:
                                "'self' can be problematic if you host JSONP, AngularJS or user uploaded files."
                        )
                    )
                    continue
                }
                if value.hasPrefix("'") || CompatPolicy.isURLScheme(value) || !value.contains(".") { continue }
                let url = "//" + CSPEvaluatorURL.schemeFree(value)
                let angular = CSPEvaluatorURL.matchWildcard(url, in: bypassLists.parsedAngular)
                var jsonp = CSPEvaluatorURL.matchWildcard(url, in: bypassLists.parsedJSONP)
                if let match = jsonp, bypassLists.jsonpNeedingEval.contains(match.host),
                    !tokens.contains(CSPKeyword.unsafeEval.rawValue)
                {
                    jsonp = nil
                }
                if jsonp != nil || angular != nil {
                    var text = ""
                    var domain = ""
                    if let jsonp {
                        domain = jsonp.host
                        text = " JSONP endpoints"
                    }
                    if let angular {
                        domain = angular.host
                        text += text.isEmpty ? " Angular libraries" : " and Angular libraries"
                    }
                    findings.append(
                        CSPFinding(
                            .scriptAllowlistBypass,
                            .high,
                            directive: name,
                            value: value,
                            description: "\(domain) is known to host\(text) which allow to bypass this CSP."
                        )
                    )
                } else {
                    findings.append(
                        CSPFinding(
                            .scriptAllowlistBypass,
                            .mediumMaybe,
                            directive: name,
                            value: value,
                            description: "No bypass found; make sure that this URL doesn't serve JSONP replies or "
                                + "Angular libraries."
                        )
                    )
                }
            }
        }
        return findings
    }

    /// Same `'none'` deviation as `scriptAllowlistBypass`.
    func flashObjectAllowlistBypass(_ policy: Policy) -> [CSPFinding] {
        let name = CompatPolicy.effectiveName("object-src", in: policy)
        if let pluginTypes = policy["plugin-types"], !pluginTypes.tokens.contains("application/x-shockwave-flash") {
            return []
        }
        var findings: [CSPFinding] = []
        for value in CompatPolicy.tokens(name, in: policy) where value != CSPKeyword.none.rawValue {
            if let match = CSPEvaluatorURL.matchWildcard(
                "//" + CSPEvaluatorURL.schemeFree(value),
                in: bypassLists.parsedFlash
            ) {
                findings.append(
                    CSPFinding(
                        .objectAllowlistBypass,
                        .high,
                        directive: name,
                        value: value,
                        description: "\(match.host) is known to host Flash files which allow to bypass this CSP."
                    )
                )
            } else if name == "object-src" {
                findings.append(
                    CSPFinding(
                        .objectAllowlistBypass,
                        .mediumMaybe,
                        directive: name,
                        value: value,
                        description: "Can you restrict object-src to 'none' only?"
                    )
                )
            }
        }
        return findings
    }

    func ipSource(_ policy: Policy) -> [CSPFinding] {
        var findings: [CSPFinding] = []
        for directive in policy.directives {
            for value in directive.tokens where value.utf8.contains(where: { (0x30...0x39).contains($0) || $0 == 0x5B })
            {
                let host = CSPEvaluatorURL.hostname(value)
                guard CSPEvaluatorURL.looksLikeIPAddress(host) else { continue }
                let text =
                    host == "127.0.0.1"
                    ? "\(directive.name) directive allows localhost as source. Please make sure to remove this in "
                        + "production environments."
                    : "\(directive.name) directive has an IP-Address as source: \(host) "
                        + "(will be ignored by browsers!). "
                findings.append(
                    CSPFinding(.ipSource, .info, directive: directive.name, value: value, description: text)
                )
            }
        }
        return findings
    }

    func nonceLength(_ policy: Policy) -> [CSPFinding] {
        var findings: [CSPFinding] = []
        for directive in policy.directives {
            for value in directive.tokens where CompatPolicy.isNonce(value) {
                if value.count - 8 < 8 {
                    findings.append(
                        CSPFinding(
                            .nonceLength,
                            .medium,
                            directive: directive.name,
                            value: value,
                            description: "Nonces should be at least 8 characters long."
                        )
                    )
                }
                if !CompatPolicy.isNonce(value, strict: true) {
                    findings.append(
                        CSPFinding(
                            .nonceCharset,
                            .info,
                            directive: directive.name,
                            value: value,
                            description: "Nonces should only use the base64 charset."
                        )
                    )
                }
            }
        }
        return findings
    }

    func sourceHTTP(_ policy: Policy) -> [CSPFinding] {
        var findings: [CSPFinding] = []
        for directive in policy.directives {
            for value in directive.tokens where value.hasPrefix("http://") {
                let text =
                    directive.name == "report-uri"
                    ? "Use HTTPS to send violation reports securely." : "Allow only resources downloaded over HTTPS."
                findings.append(
                    CSPFinding(.sourceHTTP, .medium, directive: directive.name, value: value, description: text)
                )
            }
        }
        return findings
    }

    func deprecatedDirective(_ policy: Policy) -> [CSPFinding] {
        let deprecated: [(String, String)] = [
            (
                "reflected-xss",
                "reflected-xss is deprecated since CSP2. Please, use the X-XSS-Protection header instead."
            ),
            ("referrer", "referrer is deprecated since CSP2. Please, use the Referrer-Policy header instead."),
            (
                "disown-opener",
                "disown-opener is deprecated since CSP3. Please, use the Cross Origin Opener Policy "
                    + "header instead."
            ),
            (
                "prefetch-src",
                "prefetch-src is deprecated since CSP3. Be aware that this feature may cease to work "
                    + "at any time."
            ),
        ]
        return deprecated.compactMap { name, text in
            policy.has(name) ? CSPFinding(.deprecatedDirective, .info, directive: name, description: text) : nil
        }
    }

    func hasConfiguredReporting(_ policy: Policy) -> [CSPFinding] {
        if let reportURI = policy["report-uri"], !reportURI.tokens.isEmpty { return [] }
        if let reportTo = policy["report-to"], !reportTo.tokens.isEmpty {
            return [
                CSPFinding(
                    .reportToOnly,
                    .info,
                    directive: "report-to",
                    description: "This CSP policy only provides a reporting destination via the 'report-to' "
                        + "directive. This directive is only supported in Chromium-based browsers so it is "
                        + "recommended to also use a 'report-uri' directive."
                )
            ]
        }
        return [
            CSPFinding(
                .reportingDestinationMissing,
                .info,
                directive: "report-uri",
                description: "This CSP policy does not configure a reporting destination. This makes it difficult to "
                    + "maintain the CSP policy over time and monitor for any breakages."
            )
        ]
    }
}
