import Foundation
import PortcullisHTML
import Testing

@Suite struct XPathTests {
    let document = HTMLDocument(
        html: """
            <html><head><title>T</title><meta name="robots" content="noindex"></head>
            <body>
            <img src="a.png" alt="A"><img src="b.png"><IMG SRC="c.png" ALT="">
            <form method="get" action="/s"><input type="password" name="p"></form>
            </body></html>
            """
    )

    @Test func selectsElements() throws {
        let images = try document.select("//img")
        #expect(images.map { $0.attribute("src") } == ["a.png", "b.png", "c.png"])
        let missingAlt = try document.select("//img[not(@alt)]")
        #expect(missingAlt.count == 1)
        #expect(missingAlt.first?.attribute("src") == "b.png")
    }

    @Test func upperCaseMarkupIsLowerCasedForXPath() throws {
        #expect(try document.select("//IMG").isEmpty)
        #expect(try document.select("//img[@alt='']").count == 1)
    }

    @Test func nonElementResultsAreIgnoredBySelect() throws {
        #expect(try document.select("//img/@src").isEmpty)
        #expect(try document.select("count(//img)").isEmpty)
        #expect(try document.select("//title/text()").isEmpty)
    }

    @Test func evaluateReturnsValuesOfEveryKind() throws {
        guard case .number(let count) = try document.evaluate("count(//img)") else {
            Issue.record("expected a number")
            return
        }
        #expect(count == 3)
        guard case .boolean(let hasGetForm) = try document.evaluate("boolean(//form[@method='get'])") else {
            Issue.record("expected a boolean")
            return
        }
        #expect(hasGetForm)
        guard case .string(let title) = try document.evaluate("string(//title)") else {
            Issue.record("expected a string")
            return
        }
        #expect(title == "T")
        guard case .nodeSet(let elements, let strings) = try document.evaluate("//meta/@content | //title") else {
            Issue.record("expected a node set")
            return
        }
        #expect(elements.map(\.name) == ["title"])
        #expect(strings == ["T", "noindex"])
    }

    @Test(arguments: ["//img[", "", "//*[unknown-function()]", "///", "count(", "$undefined", "//a\u{0}b"])
    func invalidXPathThrows(expression: String) {
        #expect(throws: HTMLError.self) {
            _ = try document.select(expression)
        }
        do {
            _ = try document.select(expression)
        } catch {
            #expect(error.code == .invalidXPath)
            #expect(!error.reason.isEmpty)
        }
    }

    @Test func emptyDocumentSelectsNothing() throws {
        let empty = HTMLDocument(data: Data())
        #expect(empty.root == nil)
        #expect(try empty.select("//*").isEmpty)
    }

    @Test func runawayExpressionHitsTheOperationLimit() throws {
        let rows = String(repeating: "<p>x</p>", count: 2_000)
        let big = HTMLDocument(html: "<body>\(rows)</body>")
        let clock = ContinuousClock()
        let start = clock.now
        let error = #expect(throws: HTMLError.self) {
            _ = try big.evaluate("count(//p[count(//p[count(//p) > 0]) > 0])")
        }
        #expect(error?.code == .xpathLimitExceeded)
        #expect(clock.now - start < .seconds(30))
    }

    @Test func errorDescriptionNamesCodeAndExpression() {
        let error = HTMLError(code: .invalidXPath, reason: "Invalid expression", context: "//img[")
        #expect(error.description == "invalid-xpath: Invalid expression (//img[)")
        #expect(
            HTMLError(code: .xpathFailed, reason: "r", context: String(repeating: "a", count: 500)).context.count == 201
        )
    }
}
