import PortcullisHTML
import Testing

/// The CSS subset used by suppressions, translated to XPath and run by libxml2 on one document.
@Suite struct CSSSelectorTests {
    static let html = """
        <html><body>
        <header id="top"><img id="logo" class="brand logo" src="/l.png"><nav><a id="n1" href="/">Home</a></nav></header>
        <main><p id="p1" lang="en-GB">One</p><p id="p2" data-x="a'b">Two</p>
        <ul><li id="l1">a</li><li id="l2">b</li><li id="l3">c</li></ul>
        <img id="hero" class="hero" src="/hero.jpg" alt=""></main>
        </body></html>
        """

    @Test(arguments: [
        ("img", ["logo", "hero"]),
        ("#logo", ["logo"]),
        ("img.logo", ["logo"]),
        (".brand.logo", ["logo"]),
        ("header img", ["logo"]),
        ("header > nav > a", ["n1"]),
        ("body > img", []),
        ("main img, header img", ["hero", "logo"]),
        ("[alt]", ["hero"]),
        ("img[src$='.jpg']", ["hero"]),
        ("img[src^=\"/l\"]", ["logo"]),
        ("[class~=hero]", ["hero"]),
        ("p[lang|=en]", ["p1"]),
        ("p[data-x=\"a'b\"]", ["p2"]),
        ("li:first-child", ["l1"]),
        ("li:last-child", ["l3"]),
        ("li:nth-of-type(2)", ["l2"]),
        ("ul > *:nth-child(3)", ["l3"]),
    ])
    func selects(_ selector: String, ids: [String]) throws {
        let xpath = try CSSSelector.xpath(selector)
        let found = try HTMLDocument(html: Self.html).select(xpath).compactMap { $0.attribute("id") }
        #expect(Set(found) == Set(ids), "\(selector) → \(xpath)")
    }

    @Test(arguments: ["", "a + b", "p ~ p", "img:hover", "[", "#", "li:nth-child(odd)", "div )"])
    func refusesWhatItDoesNotSupport(_ selector: String) {
        #expect(throws: HTMLError.self) { try CSSSelector.xpath(selector) }
    }
}
