import AccessibilityChecks
import PortcullisCore
import Testing

@Suite struct DocumentLanguageRulesTests {
    typealias F = DocumentFixtures

    static let cases: [DocumentCase] = [
        .init("html-has-lang", .passed, html: "<html lang=en><body>x</body></html>"),
        .init("html-has-lang", .failed, html: "<html><body>x</body></html>"),
        .init("html-has-lang", .failed, html: "<html lang=\"\"><body>x</body></html>"),
        .init("html-has-lang", .failed, html: "<html lang=\" \"><body>x</body></html>"),
        .init("html-has-lang", .failed, html: "<html xml:lang=\"en\"><body>x</body></html>"),
        .init("html-has-lang", .inapplicable, html: "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>x</text></svg>"),
        .init("html-lang-valid", .passed, html: "<html lang=FR></html>"),
        .init("html-lang-valid", .passed, html: "<html lang=en-US-GB></html>"),
        .init("html-lang-valid", .passed, html: "<html lang=fil></html>"),
        .init("html-lang-valid", .passed, html: "<html lang=zh-Hant-TW></html>"),
        .init("html-lang-valid", .failed, html: "<html lang=em-US></html>"),
        .init("html-lang-valid", .failed, html: "<html lang=\"#1\"></html>"),
        .init("html-lang-valid", .failed, html: "<html lang=eng></html>"),
        .init("html-lang-valid", .failed, html: "<html lang=i-lux></html>"),
        .init("html-lang-valid", .failed, html: "<html lang=english></html>"),
        .init("html-lang-valid", .failed, html: "<html lang=\"en--US\"></html>"),
        .init("html-lang-valid", .failed, html: "<html lang=en xml:lang=xx></html>"),
        .init("html-lang-valid", .inapplicable, html: "<html lang=\"  \"></html>"),
        .init("html-lang-valid", .inapplicable, html: "<html></html>"),
        .init("html-xml-lang-mismatch", .passed, html: "<html lang=en-US xml:lang=en-GB></html>"),
        .init("html-xml-lang-mismatch", .failed, html: "<html lang=en xml:lang=fr></html>"),
        .init("html-xml-lang-mismatch", .inapplicable, html: "<html lang=en></html>"),
        .init("html-xml-lang-mismatch", .inapplicable, html: "<html lang=en xml:lang=bogus></html>"),
        .init("valid-lang", .passed, "<article lang=en>Tiki bar</article>"),
        .init("valid-lang", .passed, "<p lang=EN>x</p><blockquote lang=fr-CH>y</blockquote>"),
        .init("valid-lang", .passed, "<article lang=invalid><div lang=en>Text of the div</div></article>"),
        .init("valid-lang", .failed, "<article lang=dutch>Zij liepen</article>"),
        .init("valid-lang", .failed, "<article lang=\"  \">Text</article>"),
        .init("valid-lang", .failed, "<article lang=english><p aria-hidden=true>Hidden from AT, visible</p></article>"),
        .init("valid-lang", .failed, "<article lang=en><div lang=invalid>Inner text</div></article>"),
        .init("valid-lang", .failed, "<div lang=invalid><img src=a.png alt=\"Fireworks\"></div>"),
        .init("valid-lang", .failed, "<p lang=eng>I love ACT rules</p>"),
        .init("valid-lang", .inapplicable, "<article lang=\"\">Text</article>"),
        .init("valid-lang", .inapplicable, "<p lang=hidden><span style=\"display: none\">Text</span></p>"),
        .init("valid-lang", .inapplicable, "<div lang=invalid><img src=a.png alt=\"\"></div>"),
        .init("valid-lang", .inapplicable, "<div lang=invalid></div>"),
        .init("valid-lang", .inapplicable, "<div lang=invalid hidden>Text</div>"),
    ]

    @Test(arguments: cases)
    func outcome(_ testCase: DocumentCase) {
        #expect(F.outcome(testCase.rule, html: testCase.html) == testCase.expected)
    }

    @Test func failureNamesTheValueAndTheElement() throws {
        let html = F.document("<main><p lang=dutch>Zij liepen</p></main>")
        let observation = try #require(F.observations("a11y.valid-lang", html: html).first)
        #expect(observation.outcome == .failed)
        #expect(observation.evidence.summary.contains("dutch"))
        #expect(observation.evidence.snippet?.contains("<p lang=\"dutch\">") == true)
        let path = try #require(observation.elementPath)
        #expect(path.hasSuffix("p"))
        #expect(observation.key == path, "the same element in a shared layout aggregates over pages")
    }

    @Test func onlyTheNearestLangAncestorOwnsText() {
        let html = F.document("<div lang=bad1><p lang=bad2>a</p><p lang=en>b</p>c</div>")
        let failed = F.observations("a11y.valid-lang", html: html).filter { $0.outcome == .failed }
        #expect(failed.count == 2)
        #expect(failed.map(\.evidence.summary).allSatisfy { $0.contains("bad") })
    }
}
