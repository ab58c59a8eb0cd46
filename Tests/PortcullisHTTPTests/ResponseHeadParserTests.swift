import PortcullisCore
import Testing

@testable import PortcullisHTTP

@Suite struct ResponseHeadParserTests {
    private func parse(_ lines: [String]) -> ResponseHeadParser {
        var parser = ResponseHeadParser()
        for line in lines {
            parser.consume(line: line)
        }
        return parser
    }

    @Test func keepsDuplicatesInWireOrderWithNamesAsSpelled() throws {
        let parser = parse([
            "HTTP/1.1 200 OK\r\n", "Set-Cookie: a=1\r\n", "X-Custom: a\r\n", "set-cookie: b=2\r\n",
            "x-custom: b\r\n", "\r\n",
        ])
        let head = try #require(parser.finalHead)
        #expect(head.status == 200)
        #expect(head.httpVersion == "HTTP/1.1")
        #expect(
            head.headers == [
                HeaderField(name: "Set-Cookie", value: "a=1"), HeaderField(name: "X-Custom", value: "a"),
                HeaderField(name: "set-cookie", value: "b=2"), HeaderField(name: "x-custom", value: "b"),
            ]
        )
    }

    @Test func trimsValueWhitespaceButKeepsInnerSpaces() throws {
        let head = try #require(
            parse(["HTTP/1.1 200 OK", "X-A: \t one  two \t", "X-Empty:", "X-Colon: a:b"]).finalHead
        )
        #expect(head.headers.map(\.value) == ["one  two", "", "a:b"])
    }

    @Test func joinsObsFoldContinuationLines() throws {
        let head = try #require(
            parse(["HTTP/1.1 200 OK", "X-Folded: first", " second", "\tthird", "X-Next: n"]).finalHead
        )
        #expect(
            head.headers == [
                HeaderField(name: "X-Folded", value: "first second third"), .init(name: "X-Next", value: "n"),
            ]
        )
    }

    @Test func setsAsideLinesWithoutAColonOrName() throws {
        let head = try #require(
            parse(["HTTP/1.1 200 OK", " fold with nothing before", "no colon here", ": no name", "X-Ok: yes"]).finalHead
        )
        #expect(head.headers == [HeaderField(name: "X-Ok", value: "yes")])
        #expect(head.ignoredLines == [" fold with nothing before", "no colon here", ": no name"])
    }

    @Test func finalHeadSkipsInformationalResponses() throws {
        let parser = parse([
            "HTTP/1.1 103 Early Hints", "Link: </a.css>; rel=preload", "", "HTTP/1.1 404 Not Found", "X: y", "",
        ])
        #expect(parser.heads.count == 2)
        let head = try #require(parser.finalHead)
        #expect(head.status == 404)
        #expect(head.headers == [HeaderField(name: "X", value: "y")])
    }

    @Test func readsHTTP2StatusLines() throws {
        let head = try #require(parse(["HTTP/2 301 \r\n", "location: /x\r\n"]).finalHead)
        #expect(head.httpVersion == "HTTP/2")
        #expect(head.status == 301)
        #expect(head.headers == [HeaderField(name: "location", value: "/x")])
    }

    @Test func survivesGarbage() {
        let parser = parse(["junk before status", "HTTP/1.1 abc", "HTTP/", ":", "", "\r\n"])
        #expect(parser.strayLines == ["junk before status"])
        #expect(parser.heads.map(\.status) == [0, 0])
    }

    @Test func decodesLatin1BytesWhenNotUTF8() throws {
        var parser = ResponseHeadParser()
        parser.consume(bytes: Array("HTTP/1.1 200 OK\r\n".utf8))
        parser.consume(bytes: Array("X-Name: caf".utf8) + [0xE9] + Array("\r\n".utf8))
        parser.consume(bytes: Array("X-Utf8: caf\u{E9}\r\n".utf8))
        let head = try #require(parser.finalHead)
        #expect(head.headers.map(\.value) == ["caf\u{E9}", "caf\u{E9}"])
    }
}
