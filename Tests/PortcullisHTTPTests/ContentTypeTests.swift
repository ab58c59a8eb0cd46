import Testing

@testable import PortcullisHTTP

@Suite struct ContentTypeTests {
    @Test(arguments: [
        ("text/html; charset=utf-8", "utf-8"),
        ("text/html;CHARSET=ISO-8859-1", "iso-8859-1"),
        ("text/html; charset=\"windows-1252\"", "windows-1252"),
        ("text/html; foo=\"a;b\"; charset=utf-8", "utf-8"),
        ("text/plain; charset=\"a\\\"b\"", "a\"b"),
        ("text/html ; charset = utf-8 ", "utf-8"),
    ])
    func readsCharset(value: String, expected: String) {
        #expect(ContentType(parsing: value).charset == expected)
    }

    @Test(arguments: [
        "text/html", "text/html;", "text/html; charset=", "text/html; charset", ";;;=", "", "charset=utf-8",
    ])
    func noCharset(value: String) {
        #expect(ContentType(parsing: value).charset == nil)
    }

    @Test func mediaTypeIsLowerCasedWithoutParameters() {
        let type = ContentType(parsing: " Text/HTML ; Charset=UTF-8")
        #expect(type.mediaType == "text/html")
        #expect(type.parameters == [ContentType.Parameter(name: "charset", value: "UTF-8")])
    }
}
