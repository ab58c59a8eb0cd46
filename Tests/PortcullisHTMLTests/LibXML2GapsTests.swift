import Foundation
import PortcullisHTML
import Testing

/// Pins where libxml2 2.9.14's HTML parser differs from an HTML5 parser, so checks can rely on the actual shape.
@Suite struct LibXML2GapsTests {
    @Test func templateContentIsOrdinaryChildren() throws {
        let document = HTMLDocument(html: "<body><template><img src=t></template></body>")
        let image = try #require(document.elements(named: "img").first)
        #expect(image.parent?.name == "template")
        #expect(try document.select("//img[not(ancestor::template)]").isEmpty)
    }

    @Test func noImpliedTbody() throws {
        let document = HTMLDocument(html: "<table><tr><td>1</td></tr></table>")
        #expect(document.elements(named: "tbody").isEmpty)
        #expect(try #require(document.elements(named: "tr").first).parent?.name == "table")
    }

    @Test func sourceIsNotVoid() throws {
        let document = HTMLDocument(html: "<video><source src=a.mp4><img src=b.png></video>")
        #expect(try #require(document.elements(named: "img").first).parent?.name == "source")
    }

    @Test func trackIsNotVoid() throws {
        let document = HTMLDocument(html: "<video><track src=a.vtt><img src=b.png></video>")
        #expect(try #require(document.elements(named: "img").first).parent?.name == "track")
    }

    @Test func svgNamesAreLowerCasedWithoutNamespaces() throws {
        let document = HTMLDocument(
            html: "<svg viewBox='0 0 1 1'><foreignObject><p>x</p></foreignObject><linearGradient/></svg>"
        )
        let svg = try #require(document.elements(named: "svg").first)
        #expect(svg.attribute("viewbox") == "0 0 1 1")
        #expect(svg.attributes.map(\.name) == ["viewbox"])
        #expect(svg.children.map(\.name) == ["foreignobject", "lineargradient"])
        #expect(try document.select("//svg").count == 1)
    }

    @Test func sectioningElementsDoNotCloseParagraphs() throws {
        let document = HTMLDocument(html: "<p>a<section>b</section><main>c</main><nav>d</nav>")
        let paragraph = try #require(document.elements(named: "p").first)
        #expect(paragraph.children.map(\.name) == ["section", "main", "nav"])
    }

    @Test func divClosesParagraph() throws {
        let document = HTMLDocument(html: "<p>a<div>b</div>")
        #expect(try #require(document.elements(named: "div").first).parent?.name == "body")
    }

    @Test func html5OnlyEntitiesStayLiteral() throws {
        let document = HTMLDocument(html: "<p id=t>&check; &hellip; &nbsp;</p>")
        #expect(try #require(document.element(id: "t")).textContent == "&check; \u{2026} \u{00A0}")
    }

    @Test func headAndBodyAreImplied() throws {
        let document = HTMLDocument(html: "<title>t</title><p>x</p>")
        #expect(document.root?.name == "html")
        #expect(document.head?.children.map(\.name) == ["title"])
        #expect(document.body?.children.map(\.name) == ["p"])
    }

    @Test func textOnlyInputGetsBodyButNoHead() throws {
        let document = HTMLDocument(html: "just text")
        #expect(document.head == nil)
        #expect(document.body?.textContent == "just text")
    }

    @Test func scriptTextIsRaw() throws {
        let document = HTMLDocument(html: "<script id=s>if (a < b && c) { x = '<p>'; }</script>")
        #expect(try #require(document.element(id: "s")).textContent == "if (a < b && c) { x = '<p>'; }")
        #expect(document.elements(named: "p").isEmpty)
    }

    @Test func duplicateAttributesKeepTheFirst() throws {
        let document = HTMLDocument(html: "<img id=t src=first SRC=second alt=x>")
        let image = try #require(document.element(id: "t"))
        #expect(image.attribute("src") == "first")
        #expect(image.attributes.map(\.name) == ["id", "src", "alt"])
    }

    @Test func metaInBodyStaysInBody() throws {
        let document = HTMLDocument(html: "<body><p>x</p><meta http-equiv=Content-Security-Policy content=x></body>")
        #expect(try #require(document.elements(named: "meta").first).parent?.name == "body")
    }
}
