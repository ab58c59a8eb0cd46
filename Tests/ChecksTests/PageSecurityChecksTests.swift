import CheckSupport
import HeaderChecks
import PortcullisCore
import Testing

@Suite struct PageSecurityChecksTests {
    typealias F = PageFixtures

    @Test(arguments: [
        ("<script src=\"http://cdn.test/a.js\"></script>", [HeaderRules.mixedContentActive]),
        ("<link rel=stylesheet href=\"http://cdn.test/a.css\">", [HeaderRules.mixedContentActive]),
        ("<img src=\"http://cdn.test/a.png\" alt=a>", [HeaderRules.mixedContentPassive]),
        ("<img src=\"https://cdn.test/a.png\" alt=a><script src=\"/a.js\"></script>", []),
        ("<a href=\"http://elsewhere.test/\">a link is not mixed content</a>", []),
    ])
    func mixedContentOnHTTPSPages(body: String, expected: [RuleID]) {
        let observations = MixedContentCheck().check(F.page(html: F.document(body: body)))
        #expect(observations.map(\.ruleID) == expected)
        let overHTTP = MixedContentCheck().check(F.page(url: "http://provider.test/", html: F.document(body: body)))
        #expect(overHTTP.isEmpty, "an http page cannot have mixed content")
    }

    @Test(arguments: [
        ("<script src=\"https://cdn.test/lib.js\"></script>", 1),
        ("<link rel=stylesheet href=\"https://cdn.test/a.css\">", 1),
        ("<script src=\"/local.js\"></script>", 0),
        (
            "<script src=\"https://cdn.test/lib.js\" integrity=\"sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC\"></script>",
            0
        ),
        ("<script src=\"https://cdn.test/lib.js\" integrity=\"md5-abc\"></script>", 1),
        ("<script src=\"https://cdn.test/lib.js\" integrity=\"sha256-tooShort\"></script>", 1),
        ("<img src=\"https://cdn.test/a.png\" alt=a>", 0),
    ])
    func crossOriginScriptsNeedIntegrity(body: String, failures: Int) {
        let observations = SubresourceIntegrityCheck().check(F.page(html: F.document(body: body)))
        #expect(observations.count == failures)
        #expect(observations.allSatisfy { $0.ruleID == HeaderRules.subresourceIntegrityMissing })
    }

    @Test func plainHTTPPagesShouldRedirect() {
        let served = HTTPSRedirectCheck().check(F.page(url: "http://provider.test/"))
        #expect(served.map(\.ruleID) == [HeaderRules.httpsRedirectMissing])
        #expect(HTTPSRedirectCheck().check(F.page(url: "https://provider.test/")).isEmpty)
        let json = F.page(url: "http://provider.test/api", headers: [("Content-Type", "application/json")], html: "{}")
        #expect(HTTPSRedirectCheck().check(json).isEmpty)
        let afterRedirects = HTTPSRedirectCheck().check(F.page(url: "http://provider.test/", hops: 3))
        #expect(afterRedirects.first?.evidence.summary.contains("after 2 redirect(s)") == true)
    }
}
