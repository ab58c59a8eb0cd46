import CSP
import Testing

/// The CSP rows (1–20) of corpora/csp/edge-cases.md, each asserting the spec behaviour.
@Suite struct CSPEdgeCaseTests {
    static let evaluator = Evaluator(bypassLists: .empty)
    static let page = RequestURL(scheme: "https", host: "provider.example")

    static func types(_ findings: [CSPFinding]) -> Set<CSPFindingType> { Set(findings.map(\.type)) }

    @Test(arguments: [
        ["default-src 'none'", "script-src 'unsafe-inline'"], ["script-src 'unsafe-inline'", "default-src 'none'"],
    ])
    func edge01SeveralHeaderLinesAllApplyInAnyOrder(lines: [String]) {
        let list = PolicyList.parse(headerValues: lines)
        #expect(list.enforced.count == 2)
        #expect(!Self.types(Self.evaluator.evaluate(list)).contains(.scriptUnsafeInline))
        let script = RequestURL(scheme: "https", host: "cdn.example", path: "/a.js")
        #expect(!list.allows(script, directive: "script-src-elem", selfOrigin: Self.page))
    }

    @Test func edge02CommaJoinedValueIsTwoPolicies() {
        let list = PolicyList.parse(headerValues: ["default-src 'none', script-src 'unsafe-inline'"])
        #expect(list.policies.count == 2)
        #expect(list.policies[0]["default-src"]?.sources == [.keyword(.none)])
        let findings = Self.evaluator.evaluate(list)
        #expect(!Self.types(findings).contains(.scriptUnsafeInline))
        #expect(!Self.types(findings).contains(.invalidKeyword))
    }

    @Test func edge03DuplicateDirectiveFirstWins() {
        let policy = ContentSecurityPolicy.parse("script-src 'none'; script-src 'unsafe-inline'")
        #expect(policy["script-src"]?.tokens == ["'none'"])
        #expect(policy.notes.map(\.kind) == [.duplicateDirective])
    }

    @Test func edge04DirectiveNameCase() {
        #expect(ContentSecurityPolicy.parse("SCRIPT-SRC 'self'").has("script-src"))
    }

    @Test func edge05KeywordAndSchemeCase() {
        let policy = ContentSecurityPolicy.parse("script-src 'SELF' HTTPS: 'NONE' 'nonce-ABCdef123456'")
        #expect(
            policy["script-src"]?.sources == [
                .keyword(.`self`), .scheme("https"), .keyword(.none), .nonce("ABCdef123456"),
            ]
        )
    }

    @Test func edge06NonASCIIAndEmptyTokensSkipped() {
        let policy = ContentSecurityPolicy.parse(";; img-src 'self'; script-src https://é.example;")
        #expect(policy.directives.map(\.name) == ["img-src"])
        #expect(policy.notes.contains { $0.kind == .nonASCIIToken })
        #expect(policy.notes.contains { $0.kind == .emptyToken })
    }

    @Test func edge07EmptySourceListMatchesNothing() {
        let list = PolicyList.parse(headerValues: ["script-src"])
        #expect(list.policies.first?["script-src"]?.allowsNothing == true)
        #expect(!list.allows(Self.page, directive: "script-src", selfOrigin: Self.page))
    }

    @Test func edge08NoneMixedWithSourcesHasNoEffect() {
        let list = PolicyList.parse(headerValues: ["script-src 'none' https://evil.example"])
        let evil = RequestURL(scheme: "https", host: "evil.example", path: "/x.js")
        #expect(list.allows(evil, directive: "script-src", selfOrigin: Self.page))
        let findings = Self.evaluator.evaluate(list)
        #expect(findings.contains { $0.type == .scriptAllowlistBypass && $0.value == "https://evil.example" })
    }

    @Test func edge09NonceNeutralisesUnsafeInline() {
        let findings = Self.evaluator.evaluate(
            ContentSecurityPolicy.parse("script-src 'unsafe-inline' 'nonce-abcdefgh12'")
        )
        #expect(!Self.types(findings).contains(.scriptUnsafeInline))
        #expect(findings.contains { $0.type == .ignored && $0.severity == CSPSeverity.none })
    }

    @Test func edge10StrictDynamicIgnoresAllowlistButNotUnsafeEval() {
        let policy = ContentSecurityPolicy.parse(
            "default-src 'strict-dynamic' 'nonce-abcdefgh12' https: 'self' 'unsafe-inline' 'unsafe-eval'"
        )
        let effective = EffectivePolicy.make(policy).policy
        #expect(effective["default-src"]?.tokens == ["'strict-dynamic'", "'nonce-abcdefgh12'", "'unsafe-eval'"])
        let findings = Self.evaluator.evaluate(policy)
        #expect(Self.types(findings).contains(.scriptUnsafeEval))
        #expect(!Self.types(findings).contains(.plainURLSchemes))
        let alone = Self.evaluator.evaluate(
            ContentSecurityPolicy.parse("script-src 'strict-dynamic'"),
            checks: .withStrictCSP
        )
        #expect(Self.types(alone).contains(.strictDynamicNotStandalone))
    }

    @Test func edge11UnsafeHashes() {
        let findings = Self.evaluator.evaluate(ContentSecurityPolicy.parse("script-src 'unsafe-hashes' 'sha256-abc='"))
        #expect(findings.contains { $0.type == .scriptUnsafeHashes && $0.severity == .mediumMaybe })
    }

    @Test(arguments: [
        "'wasm-unsafe-eval'", "'report-sample'", "'unsafe-allow-redirects'", "'trusted-types-eval'", "'report-sha256'",
        "'report-sha384'", "'report-sha512'", "'unsafe-webtransport-hashes'",
    ])
    func edge12NewerKeywordsAreValid(keyword: String) {
        let policy = ContentSecurityPolicy.parse("script-src 'self' \(keyword); object-src 'none'")
        #expect(policy["script-src"]?.sources.contains(.invalid(keyword)) == false)
        #expect(!Self.types(Self.evaluator.evaluate(policy)).contains(.invalidKeyword))
    }

    @Test func edge13NonceAndHashSyntax() {
        let short = Self.evaluator.evaluate(ContentSecurityPolicy.parse("script-src 'nonce-abc'"))
        #expect(Self.types(short).contains(.nonceLength))
        let bad = Self.evaluator.evaluate(ContentSecurityPolicy.parse("script-src 'unsafe-inline' 'nonce-abcdefgh$$'"))
        #expect(Self.types(bad).isSuperset(of: [.invalidKeyword, .nonceCharset, .scriptUnsafeInline]))
        #expect(SourceExpression.parse("'sha256-abc=='") == .hash(.sha256, "abc=="))
        #expect(SourceExpression.parse("'md5-abc'") == .invalid("'md5-abc'"))
    }

    @Test func edge14Wildcards() {
        let findings = Self.evaluator.evaluate(ContentSecurityPolicy.parse("script-src *; object-src 'none'"))
        #expect(findings.contains { $0.type == .plainWildcard && $0.directive == "script-src" })
        let data = RequestURL(scheme: "data", host: "")
        #expect(!SourceMatching.matches(data, expression: .wildcard, selfOrigin: Self.page))
        #expect(!SourceMatching.hostPartMatches("*.example.com", "example.com"))
        #expect(SourceMatching.hostPartMatches("*.example.com", "a.b.example.com"))
    }

    @Test func edge15SchemeSources() {
        let findings = Self.evaluator.evaluate(
            ContentSecurityPolicy.parse("script-src https: data:; object-src 'none'")
        )
        #expect(findings.filter { $0.type == .plainURLSchemes }.count == 2)
        #expect(SourceMatching.schemePartMatches("http", "https"))
        #expect(!SourceMatching.schemePartMatches("https", "http"))
    }

    @Test func edge16IPSources() {
        let findings = Self.evaluator.evaluate(ContentSecurityPolicy.parse("img-src 10.0.0.1 127.0.0.1"))
        #expect(findings.filter { $0.type == .ipSource }.count == 2)
    }

    @Test func edge17UnknownDirective() {
        let findings = Self.evaluator.evaluate(ContentSecurityPolicy.parse("script-src: 'self'; foo-src x"))
        let unknown = findings.filter { $0.type == .unknownDirective }
        #expect(unknown.map(\.directive) == ["script-src:", "foo-src"])
        #expect(unknown.first?.description == "CSP directives don't end with a colon.")
    }

    @Test func edge18ReportOnlyNeverEnforces() {
        let list = PolicyList.parse(headerValues: [], reportOnlyValues: ["default-src 'none'"])
        #expect(list.policies.first?.disposition == .report)
        #expect(!list.hasEnforcedPolicy)
        #expect(Self.evaluator.evaluate(list).isEmpty)
        #expect(list.allows(Self.page, directive: "script-src", selfOrigin: Self.page))
    }

    @Test func edge19MetaIgnoresFrameAncestorsReportURIAndSandbox() {
        let list = PolicyList.parse(
            headerValues: [],
            metaValues: ["script-src 'self'; frame-ancestors 'none'; report-uri /r; sandbox"]
        )
        let policy = list.policies[0]
        #expect(policy.source == .meta)
        #expect(policy.directives.map(\.name) == ["script-src"])
        #expect(policy.notes.filter { $0.kind == .ignoredInMeta }.count == 3)
        #expect(!list.hasEnforcedFrameAncestors)
    }

    @Test func edge20FrameAncestorsOnlyFromEnforcedHeader() {
        #expect(PolicyList.parse(headerValues: ["frame-ancestors 'self'"]).hasEnforcedFrameAncestors)
        #expect(
            !PolicyList.parse(headerValues: [], reportOnlyValues: ["frame-ancestors 'self'"]).hasEnforcedFrameAncestors
        )
    }
}

/// `Evaluator.evaluate(PolicyList)`: what the enforced policies allow together.
@Suite struct CSPPolicyListEvaluationTests {
    static let evaluator = Evaluator(bypassLists: .empty)

    @Test(arguments: [
        (["script-src 'none'"], ["object-src"]),
        (["script-src 'none'", "object-src 'none'"], []),
        (["object-src 'none'"], ["script-src"]),
        (["script-src 'nonce-abcdefgh12'; object-src 'none'"], ["base-uri"]),
        (["script-src 'nonce-abcdefgh12'; object-src 'none'", "base-uri 'self'"], []),
    ])
    func missingDirectivesAcrossPolicies(headers: [String], missing: [String]) {
        let findings = Self.evaluator.evaluate(PolicyList.parse(headerValues: headers))
        #expect(findings.filter { $0.type == .missingDirectives }.map(\.directive) == missing)
    }

    @Test func syntaxFindingsAreReportedPerPolicy() {
        let list = PolicyList.parse(headerValues: ["script-src 'nonce-abc'", "foo-src x"])
        let types = Set(Self.evaluator.evaluate(list).map(\.type))
        #expect(types.isSuperset(of: [.nonceLength, .unknownDirective]))
    }
}
