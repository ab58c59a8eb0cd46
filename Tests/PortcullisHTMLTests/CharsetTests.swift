import Foundation
import Testing

@testable import PortcullisHTML

@Suite struct CharsetTests {
    /// "Café" with é as the single Latin-1 byte 0xE9.
    static let latin1Cafe: [UInt8] = Array("<p id=t>Caf".utf8) + [0xE9] + Array("</p>".utf8)
    /// "Café" with é as the UTF-8 pair 0xC3 0xA9.
    static let utf8Cafe: [UInt8] = Array("<p id=t>Café</p>".utf8)

    private func text(_ document: HTMLDocument) throws -> String {
        try #require(document.element(id: "t")).textContent
    }

    @Test func httpCharsetDecodesLatin1() throws {
        let document = HTMLDocument(data: Data(Self.latin1Cafe), httpCharset: "ISO-8859-1")
        #expect(try text(document) == "Café")
        #expect(document.charset == "windows-1252")
        #expect(document.charsetSource == .httpHeader)
    }

    @Test func metaCharsetDecodesLatin1() throws {
        let bytes = Array("<head><meta charset=\"iso-8859-1\"></head>".utf8) + Self.latin1Cafe
        let document = HTMLDocument(data: Data(bytes))
        #expect(try text(document) == "Café")
        #expect(document.charsetSource == .metaTag)
    }

    @Test func httpEquivContentTypeDecodesLatin1() throws {
        let meta = "<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>"
        let document = HTMLDocument(data: Data(Array(meta.utf8) + Self.latin1Cafe))
        #expect(try text(document) == "Café")
        #expect(document.charset == "windows-1252")
        #expect(document.charsetSource == .metaTag)
    }

    @Test func httpCharsetBeatsMeta() throws {
        let bytes = Array("<meta charset=iso-8859-1>".utf8) + Self.utf8Cafe
        let document = HTMLDocument(data: Data(bytes), httpCharset: "utf-8")
        #expect(try text(document) == "Café")
        #expect(document.charset == "utf-8")
        #expect(document.charsetSource == .httpHeader)
    }

    @Test func metaBeatsDefault() throws {
        let bytes = Array("<meta charset=utf-8>".utf8) + Self.utf8Cafe
        let document = HTMLDocument(data: Data(bytes))
        #expect(try text(document) == "Café")
        #expect(document.charsetSource == .metaTag)
    }

    @Test func defaultIsUTF8() throws {
        let document = HTMLDocument(data: Data(Self.utf8Cafe))
        #expect(try text(document) == "Café")
        #expect(document.charset == "utf-8")
        #expect(document.charsetSource == .defaultUTF8)
    }

    @Test func latin1BytesWithoutDeclarationDoNotBecomeÉOrTruncate() throws {
        let bytes = Self.latin1Cafe + Array("<p id=after>after é</p>".utf8)
        let document = HTMLDocument(data: Data(bytes))
        let cafe = try text(document)
        #expect(cafe.hasPrefix("Caf"))
        #expect(cafe != "Café")
        #expect(try #require(document.element(id: "after")).textContent == "after é")
    }

    @Test func metaAfterFirst1024BytesIsIgnored() throws {
        let padding = "<!--" + String(repeating: "x", count: 1100) + "-->"
        let bytes = Array(padding.utf8) + Array("<meta charset=iso-8859-1>".utf8) + Self.utf8Cafe
        let document = HTMLDocument(data: Data(bytes))
        #expect(document.charsetSource == .defaultUTF8)
        #expect(try text(document) == "Café")
    }

    @Test func metaInsideCommentIsIgnored() {
        let document = HTMLDocument(data: Data("<!-- <meta charset=iso-8859-1> --><p>x</p>".utf8))
        #expect(document.charsetSource == .defaultUTF8)
    }

    @Test func unknownCharsetFallsBackAndIsRecorded() throws {
        let document = HTMLDocument(data: Data(Self.utf8Cafe), httpCharset: "x-made-up-charset")
        #expect(document.charset == "utf-8")
        #expect(document.charsetSource == .defaultUTF8)
        #expect(document.ignoredCharsets == ["x-made-up-charset"])
        #expect(try text(document) == "Café")
    }

    @Test func unknownHTTPCharsetFallsThroughToMeta() throws {
        let bytes = Array("<meta charset=iso-8859-1>".utf8) + Self.latin1Cafe
        let document = HTMLDocument(data: Data(bytes), httpCharset: "\"bogus\"")
        #expect(document.charsetSource == .metaTag)
        #expect(document.ignoredCharsets == ["bogus"])
        #expect(try text(document) == "Café")
    }

    @Test func byteOrderMarkWins() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Self.utf8Cafe
        let document = HTMLDocument(data: Data(bytes), httpCharset: "iso-8859-1")
        #expect(document.charsetSource == .byteOrderMark)
        #expect(try text(document) == "Café")
    }

    @Test func utf16LittleEndianWithByteOrderMark() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<p id=t>Café</p>".utf16 {
            bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let document = HTMLDocument(data: Data(bytes))
        #expect(document.charset == "utf-16le")
        #expect(try text(document) == "Café")
    }

    @Test func stringInitialiserIgnoresMetaCharset() throws {
        let document = HTMLDocument(html: "<meta charset=iso-8859-1><p id=t>Café</p>")
        #expect(try text(document) == "Café")
        #expect(document.charset == "utf-8")
        #expect(document.charsetSource == .defaultUTF8)
    }

    @Test(
        arguments: [
            ("text/html; charset=UTF-8", "UTF-8"),
            ("text/html;charset=\"utf-8\"", "utf-8"),
            ("text/html; charset = 'koi8-r' ; x=y", "koi8-r"),
            ("text/html", nil),
            ("charset=", nil),
        ] as [(String, String?)]
    )
    func charsetParameter(content: String, expected: String?) {
        #expect(MetaCharsetScanner.charsetParameter(in: content) == expected?.lowercased())
    }

    @Test func normalisationMapsAliases() {
        #expect(CharsetResolver.normalise(" \"UTF8\" ") == "utf-8")
        #expect(CharsetResolver.normalise("Latin1") == "windows-1252")
        #expect(CharsetResolver.normalise("Shift_JIS") == "shift_jis")
        #expect(CharsetResolver.normalise("  ") == nil)
    }

    @Test func metaUTF16IsReadAsUTF8() {
        let resolver = CharsetResolver(isSupported: { _ in true })
        let decision = resolver.resolve(data: Data("<meta charset=utf-16>".utf8), httpCharset: nil)
        #expect(decision == .init(charset: "utf-8", source: .metaTag, ignoredLabels: []))
    }

    @Test func truncatedMetaTagDoesNotCrash() {
        for end in 0..<40 {
            let bytes = Array("<meta http-equiv=\"content-type\" content=\"".utf8).prefix(end)
            #expect(MetaCharsetScanner.scan(bytes) == nil)
        }
    }
}
