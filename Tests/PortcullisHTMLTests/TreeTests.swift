import Foundation
import PortcullisHTML
import Testing

@Suite struct TreeTests {
    let document = HTMLDocument(
        html: """
            <!DOCTYPE html>
            <html lang="en">
            <head><title>Hello &amp; welcome</title></head>
            <body class="home">
            <main id="content">
            <h1 title="A &quot;quoted&quot; &lt;title&gt;">Hi <em>there</em></h1>
            <!-- a comment -->
            <input type="checkbox" disabled data-X="1" data-empty>
            </main>
            </body>
            </html>
            """
    )

    @Test func rootHeadAndBody() throws {
        #expect(document.root?.name == "html")
        #expect(document.root?.attribute("lang") == "en")
        #expect(document.head?.name == "head")
        #expect(document.body?.attribute("class") == "home")
        #expect(document.root?.parent == nil)
    }

    @Test func elementsInDocumentOrder() {
        let names = document.elements().map(\.name)
        #expect(names == ["html", "head", "title", "body", "main", "h1", "em", "input"])
        #expect(document.elements(named: "em").count == 1)
        #expect(document.elements(named: "EM").count == 1)
        #expect(document.elements(named: "video").isEmpty)
    }

    @Test func attributesAreCaseInsensitiveAndDecoded() throws {
        let heading = try #require(document.elements(named: "h1").first)
        #expect(heading.attribute("TITLE") == "A \"quoted\" <title>")
        let input = try #require(document.elements(named: "input").first)
        // Pinned: libxml2 fills HTML boolean attributes with their own name; other value-less ones are "".
        #expect(input.attribute("disabled") == "disabled")
        #expect(input.attribute("data-empty") == "")
        #expect(input.hasAttribute("Disabled"))
        #expect(!input.hasAttribute("checked"))
        #expect(input.attribute("checked") == nil)
        #expect(input.attribute("data-x") == "1")
        #expect(input.attributes.map(\.name) == ["type", "disabled", "data-x", "data-empty"])
        #expect(input.attributes.map(\.value) == ["checkbox", "disabled", "1", ""])
    }

    @Test func parentChildrenAncestors() throws {
        let em = try #require(document.elements(named: "em").first)
        #expect(em.parent?.name == "h1")
        #expect(em.ancestors.map(\.name) == ["h1", "main", "body", "html"])
        let main = try #require(document.element(id: "content"))
        #expect(main.children.map(\.name) == ["h1", "input"])
        #expect(main.descendants().map(\.name) == ["h1", "em", "input"])
        #expect(main.descendants(named: "em").count == 1)
    }

    @Test func childNodesInterleaveTextAndElements() throws {
        let heading = try #require(document.elements(named: "h1").first)
        #expect(heading.childNodes.count == 2)
        guard case .text(let text) = heading.childNodes.first else {
            Issue.record("expected text first")
            return
        }
        #expect(text == "Hi ")
        let main = try #require(document.element(id: "content"))
        #expect(main.childNodes.contains(.comment(" a comment ")))
    }

    @Test func textContent() throws {
        #expect(try #require(document.elements(named: "title").first).textContent == "Hello & welcome")
        #expect(try #require(document.elements(named: "h1").first).textContent == "Hi there")
    }

    @Test func lineNumbers() throws {
        #expect(try #require(document.elements(named: "h1").first).line == 6)
        #expect(try #require(document.elements(named: "input").first).line == 8)
    }

    @Test func lineNumbersStopAt65535() throws {
        let page = HTMLDocument(html: String(repeating: "<p>x</p>\n", count: 70_000) + "<b id=t>x</b>")
        #expect(page.elements(named: "p")[100].line == 101)
        // Pinned: libxml2's HTML parser keeps line numbers in 16 bits.
        #expect(try #require(page.element(id: "t")).line == 65_535)
    }

    @Test func identityHashing() throws {
        let first = try #require(document.elements(named: "em").first)
        let second = try #require(document.select("//em").first)
        #expect(first == second)
        #expect(Set([first, second]).count == 1)
        #expect(first != first.parent)
    }

    @Test func elementKeepsDocumentAlive() throws {
        func makeElement() -> HTMLElement? {
            HTMLDocument(html: "<p id=x>kept <b>alive</b></p>").element(id: "x")
        }
        let element = try #require(makeElement())
        #expect(element.textContent == "kept alive")
        #expect(element.children.first?.name == "b")
    }

    @Test func startTagSnippetEscapesAndKeepsOrder() throws {
        let heading = try #require(document.elements(named: "h1").first)
        #expect(heading.startTagSnippet == "<h1 title=\"A &quot;quoted&quot; &lt;title&gt;\">")
        let input = try #require(document.elements(named: "input").first)
        #expect(input.startTagSnippet == "<input type=\"checkbox\" disabled=\"disabled\" data-x=\"1\" data-empty=\"\">")
    }

    @Test func startTagSnippetIsCapped() throws {
        let long = String(repeating: "v", count: 10_000)
        let page = HTMLDocument(html: "<div a=\"\(long)\" b=\"\(long)\" c=\"\(long)\">x</div>")
        let snippet = try #require(page.elements(named: "div").first).startTagSnippet
        #expect(snippet.count <= 250)
        #expect(snippet.hasPrefix("<div a=\"vvv"))
        #expect(snippet.hasSuffix("…>"))
    }

    @Test func outerHTMLIsCapped() throws {
        let heading = try #require(document.elements(named: "h1").first)
        #expect(heading.outerHTML().hasPrefix("<h1 title="))
        #expect(heading.outerHTML().hasSuffix("<em>there</em></h1>"))
        let capped = heading.outerHTML(maxLength: 10)
        #expect(capped.count == 10)
        #expect(capped.hasSuffix("…"))
        #expect(heading.outerHTML(maxLength: 0) == "")
    }
}
