import Foundation
import PortcullisHTML
import Testing

@Suite struct CSSPathTests {
    static let page = """
        <html><body>
        <main>
        <div><img src=1></div>
        <div><img src=2><img src=3><span><img src=4></span></div>
        </main>
        <section id="hero"><img src=5><img src=6></section>
        <p id="dup"><a href=x>x</a></p><p id="dup"><a href=y>y</a></p>
        <ul id="9lives"><li>a</li></ul>
        </body></html>
        """

    @Test func siblingsGetNthOfType() throws {
        let document = HTMLDocument(html: Self.page)
        let paths = document.elements(named: "img").map(\.cssPath)
        #expect(
            paths == [
                "html > body > main > div:nth-of-type(1) > img",
                "html > body > main > div:nth-of-type(2) > img:nth-of-type(1)",
                "html > body > main > div:nth-of-type(2) > img:nth-of-type(2)",
                "html > body > main > div:nth-of-type(2) > span > img",
                "#hero > img:nth-of-type(1)",
                "#hero > img:nth-of-type(2)",
            ]
        )
    }

    @Test func duplicateAndNonSimpleIDsAreNotAnchors() throws {
        let document = HTMLDocument(html: Self.page)
        #expect(
            document.elements(named: "a").map(\.cssPath) == [
                "html > body > p:nth-of-type(1) > a", "html > body > p:nth-of-type(2) > a",
            ]
        )
        #expect(try #require(document.elements(named: "li").first).cssPath == "html > body > ul > li")
        #expect(try #require(document.element(id: "hero")).cssPath == "#hero")
        #expect(try #require(document.element(id: "dup")).attribute("href") == nil)
        #expect(try #require(document.element(id: "dup")).children.first?.attribute("href") == "x")
    }

    @Test func pathsAreStableAcrossParses() {
        let first = HTMLDocument(html: Self.page).elements().map(\.cssPath)
        let second = HTMLDocument(html: Self.page).elements().map(\.cssPath)
        #expect(first == second)
    }

    @Test func pathsAreUniqueWithinTheDocument() {
        let paths = HTMLDocument(html: Self.page).elements().map(\.cssPath)
        #expect(Set(paths).count == paths.count)
    }

    @Test(arguments: [10, 40, 70, 200])
    func directScanAndParentIndexAgree(siblings: Int) throws {
        let children = (0..<siblings).map { $0.isMultiple(of: 2) ? "<b>\($0)</b>" : "<i>\($0)</i>" }.joined()
        let document = HTMLDocument(html: "<div>\(children)</div>")
        let italics = document.elements(named: "i")
        let last = try #require(italics.last)
        #expect(last.cssPath == "html > body > div > i:nth-of-type(\(siblings / 2))")
        #expect(italics.first?.cssPath == "html > body > div > i:nth-of-type(1)")
        let all = document.elements()
        #expect(Set(all.map(\.cssPath)).count == all.count)
    }

    @Test func pathsAreUniqueOnAWideDocument() {
        let rows = (0..<3_000).map { "<li><a href=\"/\($0)\">\($0)</a></li>" }.joined()
        let document = HTMLDocument(html: "<ul>\(rows)</ul><ul><li>z</li></ul>")
        let paths = document.elements(named: "a").map(\.cssPath)
        #expect(Set(paths).count == 3_000)
        #expect(paths.last == "html > body > ul:nth-of-type(1) > li:nth-of-type(3000) > a")
    }
}

/// The snapshot's memoised paths are exactly the element paths.
@Suite struct SnapshotPathTests {
    @Test func snapshotPathsEqualElementPaths() {
        let html = """
            <html><body><div id="a"><p>1</p><p>2<span>x</span><span id="dup">y</span></p></div>
            <div><ul><li>a</li><li id="dup">b</li><li>c</li></ul><img id="9bad"></div>
            <section><div id="u"><em>z</em></div></section></body></html>
            """
        let document = HTMLDocument(html: html)
        let snapshot = DocumentSnapshot(document)
        // Ask in reverse order too, so memoised parents and fresh climbs both get checked.
        for index in snapshot.nodes.indices.reversed() {
            #expect(snapshot.path(index) == snapshot.element(index).cssPath)
        }
        #expect(snapshot.nodes.count > 15)
    }
}
