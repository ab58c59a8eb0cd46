import HeaderAnalysis
import PortcullisCore
import Testing

/// Builds header fields from (name, value) pairs.
func fields(_ pairs: [(String, String)]) -> [HeaderField] { pairs.map { HeaderField(name: $0.0, value: $0.1) } }

/// HSTS per RFC 6797 (edge cases 23, 24).
@Suite struct StrictTransportSecurityTests {
    @Test(arguments: [
        ("max-age=31536000; includeSubDomains; preload", UInt64(31_536_000), true, true),
        ("max-age=\"31536000\"", 31_536_000, false, false),  // edge case 23: quoted-string is valid (§6.1)
        ("MAX-AGE=600; INCLUDESUBDOMAINS", 600, true, false),  // directive names are case-insensitive
        ("  max-age = 10 ;; foo=\"a;b\" ; bar ", 10, false, false),  // OWS, empty directives, unknown ignored
        ("max-age=99999999999999999999999", UInt64.max, false, false),  // saturates instead of overflowing
    ])
    func validPolicies(value: String, maxAge: UInt64, includeSubDomains: Bool, preload: Bool) {
        let hsts = StrictTransportSecurity(fields: [value], isHTTPS: true)
        #expect(hsts.state == .valid)
        #expect(hsts.maxAge == maxAge)
        #expect(hsts.includeSubDomains == includeSubDomains)
        #expect(hsts.preload == preload)
    }

    @Test(arguments: [
        "max-age=31536000;max-age=0",  // edge case 24: repeated directive → header ignored (§6.1 rule 2)
        "max-age=31536000; includesubdomains; includeSubDomains",
        "max-age=-1", "max-age=1e6", "max-age=", "includeSubDomains; preload", "max-age=\"300",
        "max-age=31536000; includeSubDomains, max-age=31536000",  // comma-joined second field: not the grammar
        "max-age=10 x", "max-age=10; includeSubDomains=yes", "",
    ])
    func invalidPoliciesAreIgnored(value: String) {
        let hsts = StrictTransportSecurity(fields: [value], isHTTPS: true)
        guard case .invalid = hsts.state else {
            Issue.record("\(value) should be invalid, got \(hsts.state)")
            return
        }
        #expect(!hsts.isEnforced)
        #expect(hsts.problems.first?.kind == .hstsInvalid)
    }

    @Test func onlyTheFirstFieldIsProcessed() {
        let hsts = StrictTransportSecurity(fields: ["max-age=0", "max-age=31536000"], isHTTPS: true)
        #expect(hsts.maxAge == 0)
        #expect(!hsts.isEnforced)
        #expect(hsts.problems.map(\.kind) == [.hstsDisabled, .hstsMultipleFields])
    }

    @Test func ignoredOverPlainHTTP() {
        let hsts = StrictTransportSecurity(
            headers: fields([("strict-transport-security", "max-age=31536000")]),
            isHTTPS: false
        )
        #expect(hsts.state == .ignoredOverPlainHTTP)
        #expect(hsts.problems.map(\.kind) == [.hstsOverPlainHTTP])
        #expect(StrictTransportSecurity(headers: [], isHTTPS: false).problems.isEmpty)
        #expect(StrictTransportSecurity(headers: [], isHTTPS: true).problems.map(\.kind) == [.hstsMissing])
    }

    @Test(arguments: [
        ("max-age=86400; includeSubDomains", [HeaderProblemKind.hstsMaxAgeBelowSixMonths]),
        ("max-age=15768000; includeSubDomains", [.hstsMaxAgeBelowOneYear]),
        ("max-age=31536000", [.hstsNoIncludeSubDomains]),
        ("max-age=31536000; preload", [.hstsNoIncludeSubDomains, .hstsPreloadNotEligible]),
        ("max-age=31536000; includeSubDomains; preload", []),
    ])
    func thresholdsAndPreload(value: String, kinds: [HeaderProblemKind]) {
        let hsts = StrictTransportSecurity(fields: [value], isHTTPS: true)
        #expect(hsts.problems.map(\.kind) == kinds)
        #expect(hsts.isPreloadEligible == kinds.isEmpty)
    }
}

/// X-Frame-Options per HTML (edge cases 20, 21).
@Suite struct FrameOptionsTests {
    @Test(arguments: [
        ([("X-Frame-Options", "DENY")], FrameOptions.Disposition.deny),
        ([("x-frame-options", " SameOrigin ")], .sameOrigin),
        ([("X-Frame-Options", "DENY, DENY")], .deny),  // deduplicated → one value
        ([("X-Frame-Options", "SAMEORIGIN"), ("X-Frame-Options", "sameorigin")], .sameOrigin),
        ([("X-Frame-Options", "SAMEORIGIN, DENY")], .conflictingBlocks),  // >1 distinct incl. recognised → block
        ([("X-Frame-Options", "DENY,")], .conflictingBlocks),
        ([("X-Frame-Options", "ALLOW-FROM https://a.example")], .allowFrom),
        ([("X-Frame-Options", "ALLOWALL")], .allowAll),
        ([("X-Frame-Options", "whimsy")], .invalid),
        ([("X-Frame-Options", "foo, bar")], .invalid),
        ([], .absent),
    ])
    func dispositions(pairs: [(String, String)], expected: FrameOptions.Disposition) {
        #expect(FrameOptions(headers: fields(pairs), enforcedFrameAncestors: false).disposition == expected)
    }

    @Test func enforcedFrameAncestorsSupersedes() {
        let analysis = FrameOptions(headers: fields([("X-Frame-Options", "ALLOWALL")]), enforcedFrameAncestors: true)
        #expect(analysis.disposition == .supersededByFrameAncestors)
        #expect(analysis.protects)
        #expect(analysis.problems.map(\.kind) == [.xfoIgnoredByFrameAncestors])
    }
}

/// Fetch "determine nosniff" (edge case 22).
@Suite struct ContentTypeOptionsTests {
    @Test(arguments: [
        ("nosniff", true), ("NOSNIFF", true), ("nosniff, nosniff", true), ("nosniff,", true), (" nosniff ", true),
        ("sniff, nosniff", false), ("whimsy", false), ("", false), ("\"nosniff\"", false),
    ])
    func firstValueDecides(value: String, nosniff: Bool) {
        let analysis = ContentTypeOptions(headers: fields([("X-Content-Type-Options", value)]))
        #expect(analysis.nosniff == nosniff)
        #expect(analysis.problems.map(\.kind) == (nosniff ? [] : [.nosniffInvalid]))
    }

    @Test func secondFieldLineIsJoined() {
        let analysis = ContentTypeOptions(
            headers: fields([
                ("X-Content-Type-Options", "nosniff"),
                ("X-Content-Type-Options", "garbage"),
            ])
        )
        #expect(analysis.nosniff)
        #expect(ContentTypeOptions(headers: []).problems.map(\.kind) == [.nosniffMissing])
    }
}

/// Referrer-Policy (edge case 25).
@Suite struct ReferrerPolicyTests {
    @Test(arguments: [
        ("no-referrer, unsafe-url", ReferrerPolicy.Value.unsafeURL),
        ("no-referrer, whimsy", .noReferrer),  // unknown tokens skipped
        ("unsafe-url, whimsy, STRICT-ORIGIN", .strictOrigin),
        ("origin-when-cross-origin, no-referrer, unsafe-url", .unsafeURL),
    ])
    func lastRecognisedTokenWins(value: String, expected: ReferrerPolicy.Value) {
        #expect(ReferrerPolicy(headers: fields([("Referrer-Policy", value)])).policy == expected)
    }

    @Test func metaOverridesHeaderAndLegacyValues() {
        let headers = fields([("Referrer-Policy", "unsafe-url")])
        #expect(ReferrerPolicy(headers: headers, metaValues: ["never"]).policy == .noReferrer)
        #expect(ReferrerPolicy(headers: headers, metaValues: ["no-referrer, same-origin"]).policy == .unsafeURL)
        let meta = ReferrerPolicy(headers: [], metaValues: ["same-origin", "bogus"])
        #expect(meta.policy == .sameOrigin)
        #expect(meta.source == .meta)
    }

    @Test func classificationAndProblems() {
        #expect(ReferrerPolicy.Value.noReferrerWhenDowngrade.classification == .leaksFullURL)
        #expect(ReferrerPolicy.Value.origin.classification == .leaksOrigin)
        let invalid = ReferrerPolicy(headers: fields([("Referrer-Policy", "whimsy")]))
        #expect(invalid.policy == nil)
        #expect(invalid.problems.map(\.kind) == [.referrerPolicyUnknownToken, .referrerPolicyInvalid])
        #expect(ReferrerPolicy(headers: []).problems.map(\.kind) == [.referrerPolicyMissing])
    }
}

/// COOP/COEP as structured items, CORP byte match (edge case 26).
@Suite struct CrossOriginPolicyTests {
    @Test(arguments: [
        ("same-origin", CrossOriginOpenerPolicy.Value.sameOrigin as CrossOriginOpenerPolicy.Value?),
        ("same-origin; report-to=\"x\"", .sameOrigin), ("same-origin; report-to", .sameOrigin),
        ("noopener-allow-popups", .noopenerAllowPopups), ("\"same-origin\"", nil), ("Same-Origin", nil),
        ("same-origin garbage", nil), ("same-origin; report-to=a b", nil), ("same-origin, unsafe-none", nil),
    ])
    func coop(value: String, expected: CrossOriginOpenerPolicy.Value?) {
        let analysis = CrossOriginOpenerPolicy(headers: fields([("Cross-Origin-Opener-Policy", value)]))
        #expect(analysis.value == expected)
        #expect(analysis.problems.isEmpty == (expected != nil))
    }

    @Test func coepAndCorp() {
        #expect(CrossOriginEmbedderPolicy(headers: fields([("COEP", "x")])).present == false)
        let coep = CrossOriginEmbedderPolicy(headers: fields([("Cross-Origin-Embedder-Policy", "credentialless")]))
        #expect(coep.value == .credentialless)
        let lines = fields([("Cross-Origin-Embedder-Policy", "require-corp"), ("Cross-Origin-Embedder-Policy", "a")])
        #expect(CrossOriginEmbedderPolicy(headers: lines).value == nil)
        #expect(CrossOriginResourcePolicy(headers: fields([("CORP", "same-site")])).present == false)
        #expect(
            CrossOriginResourcePolicy(headers: fields([("Cross-Origin-Resource-Policy", "same-site")])).value
                == .sameSite
        )
        #expect(
            CrossOriginResourcePolicy(headers: fields([("Cross-Origin-Resource-Policy", "Same-Site")])).value
                == nil
        )
    }
}

/// Permissions-Policy (edge case 27), deprecated headers and information leaks.
@Suite struct OtherHeaderTests {
    @Test func permissionsPolicyParsesDictionary() {
        let policy = PermissionsPolicy(
            headers: fields([
                ("Permissions-Policy", "geolocation=(self \"https://a.example\"), camera=()"),
                ("Permissions-Policy", "fullscreen=*, usb=1"),
            ])
        )
        #expect(!policy.isVoid)
        #expect(policy.features.map(\.feature) == ["geolocation", "camera", "fullscreen", "usb"])
        #expect(policy.features[0].allowlist == [.selfOrigin, .origin("https://a.example")])
        #expect(policy.features[1].allowlist.isEmpty)
        #expect(policy.problems.map(\.kind) == [.permissionsPolicyInvalidMember])
    }

    @Test func unquotedOriginIsAnInvalidEntryNotAParseError() {
        // RFC 8941 §3.3.4: `https://a.example` is a valid sf-token, so the dictionary parses; the entry is no origin.
        let policy = PermissionsPolicy(
            headers: fields([("Permissions-Policy", "geolocation=(self https://a.example)")])
        )
        #expect(!policy.isVoid)
        #expect(policy.features[0].allowlist == [.selfOrigin])
        #expect(policy.problems.map(\.kind) == [.permissionsPolicyInvalidMember])
    }

    @Test(arguments: ["geolocation=(self 'https://a.example')", "Geolocation=()", "camera=(self", "a=b;;", "a=(\"x)"])
    func permissionsPolicyParseErrorVoidsHeader(value: String) {
        let policy = PermissionsPolicy(headers: fields([("Permissions-Policy", value)]))
        #expect(policy.isVoid)
        #expect(policy.features.isEmpty)
        #expect(policy.problems.map(\.kind) == [.permissionsPolicyInvalid])
    }

    @Test func deprecatedHeaders() {
        let analysis = DeprecatedHeaders(
            headers: fields([
                ("Expect-CT", "max-age=0"), ("Public-Key-Pins", "pin-sha256=\"x\""),
                ("Feature-Policy", "camera 'none'"),
                ("X-XSS-Protection", "1; mode=block"),
            ])
        )
        #expect(analysis.found == ["Expect-CT", "Public-Key-Pins", "Feature-Policy"])
        #expect(analysis.xssProtection == .enabledModeBlock)
        #expect(analysis.problems.last?.kind == .xssProtectionEnabled)
        #expect(DeprecatedHeaders(headers: fields([("X-XSS-Protection", "0")])).problems.isEmpty)
        #expect(PermissionsPolicy(headers: fields([("Feature-Policy", "x")])).featurePolicyPresent)
    }

    @Test(arguments: [
        ("Server", "Apache/2.4.41 (Ubuntu)", true), ("Server", "nginx", false), ("Server", "cloudflare", false),
        ("X-Powered-By", "PHP/8.1.2", true), ("X-AspNet-Version", "4.0.30319", true),
        ("X-Powered-By", "Express", false),
        ("Server", "Microsoft-IIS/10.0", true), ("Content-Type", "text/html; version=1.0", false),
    ])
    func informationLeaks(name: String, value: String, leaks: Bool) {
        #expect(InformationLeaks(headers: fields([(name, value)])).leaks.isEmpty == !leaks)
    }

    @Test func sessionCookiesNeedNoStoreOrPrivate() {
        let cookie = ("Set-Cookie", "JSESSIONID=abc; Secure; HttpOnly")
        #expect(SessionCacheControl(headers: fields([cookie])).problems.map(\.kind) == [.sessionCookieCacheable])
        #expect(
            SessionCacheControl(headers: fields([cookie, ("Cache-Control", "public, max-age=60")])).problems
                .count == 1
        )
        #expect(
            SessionCacheControl(headers: fields([cookie, ("Cache-Control", "no-cache, NO-STORE")])).problems
                .isEmpty
        )
        #expect(
            SessionCacheControl(headers: fields([cookie, ("Cache-Control", "private=\"a, b\"")])).problems
                .isEmpty
        )
        #expect(SessionCacheControl(headers: fields([("Set-Cookie", "theme=dark")])).problems.isEmpty)
    }
}
