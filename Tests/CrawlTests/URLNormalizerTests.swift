import Crawl
import Foundation
import Testing

@Suite struct URLNormalizerTests {
    let normalizer = URLNormalizer()

    func normalized(_ text: String) -> String? {
        URL(string: text).flatMap { normalizer.normalize($0) }?.absoluteString
    }

    @Test(
        "Normalises to one canonical form",
        arguments: [
            ("HTTP://Example.COM:80/a/./b/../c?x=1#f", "http://example.com/a/c?x=1"),
            ("https://example.com:443", "https://example.com/"),
            ("https://example.com:8443/", "https://example.com:8443/"),
            ("http://example.com:443/", "http://example.com:443/"),
            ("http://example.com/%7euser/", "http://example.com/~user/"),
            ("http://example.com/%41%62c", "http://example.com/Abc"),
            ("http://example.com/a%2fb", "http://example.com/a%2Fb"),
            ("http://example.com/a%2Fb", "http://example.com/a%2Fb"),
            ("http://example.com/%ff", "http://example.com/%FF"),
            ("http://example.com/a/%2e%2E/b", "http://example.com/b"),
            ("http://example.com/a/b/..", "http://example.com/a/"),
            ("http://example.com/../../x", "http://example.com/x"),
            ("http://example.com/a//b", "http://example.com/a//b"),
            ("http://example.com/?", "http://example.com/"),
            ("http://example.com/p?q=%7e%2f", "http://example.com/p?q=~%2F"),
            ("http://user:secret@example.com/", "http://example.com/"),
            ("http://example.com./", "http://example.com/"),
            ("http://[::1]:443/", "http://[::1]:443/"),
            ("https://[::1]:443/", "https://[::1]/"),
            ("http://[0:0:0:0:0:0:0:1]/", "http://[::1]/"),
            ("http://[2001:DB8::0:1]/", "http://[2001:db8::1]/"),
            ("http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/"),
            ("http://127.1/", "http://127.0.0.1/"),
            ("http://0x7f.0.0.1/", "http://127.0.0.1/"),
            ("http://2130706433/", "http://127.0.0.1/"),
            ("http://0177.0.0.1/", "http://127.0.0.1/"),
            ("http://example.com/caf%C3%A9", "http://example.com/caf%C3%A9"),
            ("http://example.com/a?b=1&a=2", "http://example.com/a?b=1&a=2"),
        ]
    )
    func normalises(input: String, expected: String) {
        #expect(normalized(input) == expected)
    }

    @Test(
        "Refuses what cannot be crawled",
        arguments: [
            "javascript:alert(1)", "mailto:a@example.com", "data:text/html,hi", "ftp://example.com/",
            "file:///etc/passwd", "http:///", "http://exa mple.com/", "http://example.com:99999/",
            "http://example.com:8o/", "http://256.0.0.1/", "http://1.2.3.4.5/", "http://[::1/", "http://[zz::1]/",
            "http://[1:2:3:4:5:6:7:8:9]/", "http://ex*ample.com/", "tel:+441234",
        ]
    )
    func refuses(input: String) {
        let viaResolve = normalizer.resolve(input, against: URL(string: "http://base.example/dir/page")!)
        #expect(viaResolve == nil, "resolve(\(input)) gave \(String(describing: viaResolve))")
    }

    @Test(
        "Resolves references like a browser (RFC 3986 §5.4 plus WHATWG pre-processing)",
        arguments: [
            ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"),
            ("//g", "http://g/"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q"), ("g#s", "http://a/b/c/g"), (";x", "http://a/b/c/;x"),
            ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("..", "http://a/b/"), ("../g", "http://a/b/g"),
            ("../..", "http://a/"), ("../../g", "http://a/g"), ("../../../g", "http://a/g"),
            ("/./g", "http://a/g"), ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."), ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"), ("g;x=1/../y", "http://a/b/c/y"), ("g?y/./x", "http://a/b/c/g?y/./x"),
            ("http:g", "http://a/b/c/g"), ("  g\n  ", "http://a/b/c/g"), ("g\th", "http://a/b/c/gh"),
            ("\\g\\h", "http://a/g/h"), ("a b", "http://a/b/c/a%20b"), ("é", "http://a/b/c/%C3%A9"),
            ("%zz", "http://a/b/c/%25zz"), ("HTTPS://B:443/x", "https://b/x"), ("https:b/x", "https://b/x"),
            ("///x/y", "http://x/y"), ("q?a b=<c>", "http://a/b/c/q?a%20b=%3Cc%3E"),
        ]
    )
    func resolves(reference: String, expected: String) {
        let base = URL(string: "http://a/b/c/d;p?q")!
        #expect(normalizer.resolve(reference, against: base)?.absoluteString == expected)
    }

    @Test func unicodeHostIsEncodedWithIDNA() {
        let url = normalizer.resolve("http://Bücher.example/ü", against: URL(string: "http://a/")!)
        #expect(url?.absoluteString == "http://xn--bcher-kva.example/%C3%BC")
    }

    @Test func sortsQueryKeysStablyWhenAsked() {
        let sorting = URLNormalizer(sortsQueryKeys: true)
        let url = sorting.normalize(URL(string: "http://e.com/?b=2&a=1&b=1&a")!)
        #expect(url?.absoluteString == "http://e.com/?a=1&a&b=2&b=1")
        #expect(normalizer.normalize(URL(string: "http://e.com/?b=2&a=1")!)?.absoluteString == "http://e.com/?b=2&a=1")
    }

    @Test func normalisationIsIdempotent() throws {
        let inputs = [
            "HTTP://Example.COM:80/a/./b/../c?x=1#f", "http://e.com/%7e/%2f/%ff/a%20b", "http://[::FFFF:1.2.3.4]:8080/",
            "http://e.com/q?x=%41&y=é",
        ]
        for input in inputs {
            let parsed = try #require(URL(string: input))
            let once = try #require(normalizer.normalize(parsed))
            #expect(normalizer.normalize(once) == once)
        }
    }

    @Test func veryLongInputIsRefusedNotSlow() {
        let base = URL(string: "http://a/")!
        let long = "/" + String(repeating: "a/", count: 100_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(normalizer.resolve(long, against: base) == nil) }
        #expect(elapsed < .seconds(30))
        let justUnder = "/" + String(repeating: "a", count: 30_000)
        #expect(normalizer.resolve(justUnder, against: base) != nil)
    }

    @Test func manyDotSegmentsStayBounded() {
        let base = URL(string: "http://a/x/")!
        let reference = String(repeating: "../", count: 5000) + "g"
        #expect(normalizer.resolve(reference, against: base)?.absoluteString == "http://a/g")
    }

    @Test func nonHTTPBaseResolvesOnlyAbsoluteReferences() {
        let base = URL(string: "mailto:x@example.com")!
        #expect(normalizer.resolve("page", against: base) == nil)
        #expect(normalizer.resolve("http://e.com/p", against: base)?.absoluteString == "http://e.com/p")
    }
}
