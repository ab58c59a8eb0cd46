import CSP
import Foundation
import Testing

/// The CSP3 parser and the typed source expressions.
@Suite struct CSPParserTests {
    @Test(arguments: [
        ("'self'", SourceExpression.keyword(.`self`)),
        ("'NONE'", .keyword(.none)),
        ("'wasm-unsafe-eval'", .keyword(.wasmUnsafeEval)),
        ("'unsafe-allow-redirects'", .keyword(.unsafeAllowRedirects)),
        ("'trusted-types-eval'", .keyword(.trustedTypesEval)),
        ("'report-sha384'", .keyword(.reportSHA384)),
        ("'unsafe-webtransport-hashes'", .keyword(.unsafeWebTransportHashes)),
        ("'nonce-abc123=='", .nonce("abc123==")),
        ("'nonce-abc$'", .invalid("'nonce-abc$'")),
        ("'sha256-AbC+/_-='", .hash(.sha256, "AbC+/_-=")),
        ("'sha1-AbC='", .invalid("'sha1-AbC='")),
        ("'sha512-abc==='", .invalid("'sha512-abc==='")),
        ("HTTPS:", .scheme("https")),
        ("*", .wildcard),
        (
            "https://*.Example.com:443/path/",
            .host(HostSource(scheme: "https", host: "*.example.com", port: .number(443), path: "/path/"))
        ),
        ("example.com:*", .host(HostSource(scheme: nil, host: "example.com", port: .any, path: nil))),
        ("https://*", .host(HostSource(scheme: "https", host: "*", port: nil, path: nil))),
        ("exa_mple.com", .invalid("exa_mple.com")),
        ("'unknown'", .invalid("'unknown'")),
    ])
    func sourceExpressions(token: String, expected: SourceExpression) {
        #expect(SourceExpression.parse(token) == expected)
    }

    @Test func directiveNamesAreLowercasedAndFirstDuplicateWins() {
        let policy = ContentSecurityPolicy.parse("SCRIPT-SRC 'self'; script-src https://evil.example; ;")
        #expect(policy.directives.map(\.name) == ["script-src"])
        #expect(policy["script-src"]?.sources == [.keyword(.`self`)])
        #expect(policy.notes.contains(ParseNote(kind: .duplicateDirective, detail: "script-src")))
        #expect(policy.notes.contains { $0.kind == .emptyToken })
    }

    @Test func nonASCIITokensAreSkipped() {
        let policy = ContentSecurityPolicy.parse("img-src 'self'; script-src https://exämple.com; object-src 'none'")
        #expect(policy.directives.map(\.name) == ["img-src", "object-src"])
        #expect(policy.notes.contains { $0.kind == .nonASCIIToken })
    }

    @Test func keywordAndSchemeCaseIsNormalisedButNonceCaseKept() {
        let policy = ContentSecurityPolicy.parse("script-src 'SELF' HTTPS: 'nonce-AbCdEfGh12' Example.COM/Path")
        #expect(policy["script-src"]?.tokens == ["'self'", "https:", "'nonce-AbCdEfGh12'", "Example.COM/Path"])
    }

    @Test func fallbackListsFollowCSP3() {
        let policy = ContentSecurityPolicy.parse("default-src 'none'; child-src https://a.example; script-src 'self'")
        #expect(policy.effectiveDirective(for: "worker-src")?.name == "child-src")
        #expect(policy.effectiveDirective(for: "script-src-elem")?.name == "script-src")
        #expect(policy.effectiveDirective(for: "img-src")?.name == "default-src")
        #expect(policy.effectiveDirective(for: "frame-src")?.name == "child-src")
        #expect(policy.effectiveDirective(for: "base-uri") == nil)
    }

    @Test func bypassListsLoadFromRules() throws {
        let lists = try CSPBypassLists.load(directory: TestPathsShim.allowlists)
        #expect(lists.jsonp.count == 123)
        #expect(lists.angular.count == 41)
        #expect(lists.flash.count == 2)
        #expect(throws: CSPBypassLists.LoadError.self) {
            try CSPBypassLists.load(directory: TestPathsShim.allowlists.appendingPathComponent("missing"))
        }
    }
}
