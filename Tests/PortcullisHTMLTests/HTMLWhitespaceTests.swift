import PortcullisHTML
import Testing

@Suite("HTML whitespace helpers")
struct HTMLWhitespaceTests {
    @Test(
        "trimming removes only HTML's ASCII whitespace and keeps multi-byte text whole",
        arguments: [
            ("  a b  ", "a b"),
            ("\t\n\u{0C}\rx\r\n", "x"),
            ("", ""),
            ("   ", ""),
            ("é", "é"),
            (" café ", "café"),
            ("\u{00A0}x\u{00A0}", "\u{00A0}x\u{00A0}"),
            (" 👩‍👩‍👧 ", "👩‍👩‍👧"),
        ]
    )
    func trims(input: String, expected: String) {
        #expect(input.trimmingHTMLWhitespace() == expected)
        #expect(input[...].trimmingHTMLWhitespace() == expected)
    }

    @Test(
        "collapsing gives the same text as splitting on Character.isWhitespace",
        arguments: [
            "plain", "a  b", " lead", "trail ", "\tmany\n\n spaces\r\n here ", "", "   ", "a\u{0B}b", "x\r\ny",
            "non\u{00A0}breaking  space", "ünïcödé  text ", "\u{2003}em\u{2003}space", "a \u{3000} b",
        ]
    )
    func collapses(input: String) {
        let expected = input.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(input.collapsingWhitespace() == expected)
    }
}
