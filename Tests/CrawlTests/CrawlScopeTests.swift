import Crawl
import Foundation
import PortcullisCore
import Testing

@Suite struct CrawlScopeTests {
    let entries = [URL(string: "https://www.shop.example.com/start")!]

    func scope(_ kind: CrawlScope.Kind, include: [String] = [], exclude: [String] = []) throws -> CrawlScope {
        try CrawlScope(kind: kind, entries: entries, include: include, exclude: exclude)
    }

    @Test(
        "Each kind accepts and refuses",
        arguments: [
            (CrawlScope.Kind.origin, "https://www.shop.example.com/other", true),
            (.origin, "https://WWW.shop.example.com:443/x", true),
            (.origin, "http://www.shop.example.com/x", false),
            (.origin, "https://www.shop.example.com:8443/x", false),
            (.origin, "https://shop.example.com/x", false),
            (.host, "http://www.shop.example.com:8080/x", true),
            (.host, "https://shop.example.com/x", false),
            (.domain, "https://example.com/", true),
            (.domain, "http://cdn.example.com/x", true),
            (.domain, "https://badexample.com/", false),
            (.domain, "https://example.com.evil.net/", false),
            (.prefix(URL(string: "https://www.shop.example.com/start")!), "https://www.shop.example.com/start/a", true),
            (.prefix(URL(string: "https://www.shop.example.com/start")!), "https://www.shop.example.com/other", false),
            (.regex("/start|/docs/"), "https://anything.example.net/docs/1", true),
            (.regex("/start|/docs/"), "https://www.shop.example.com/other", false),
            (.origin, "javascript:alert(1)", false),
            (.regex(".*"), "ftp://www.shop.example.com/", false),
        ]
    )
    func kinds(kind: CrawlScope.Kind, candidate: String, expected: Bool) throws {
        #expect(try scope(kind).contains(try #require(URL(string: candidate))) == expected)
    }

    @Test func includeAndExclude() throws {
        let scoped = try scope(.origin, include: ["/start", "/docs/"], exclude: ["/docs/private", "\\.pdf$"])
        func check(_ path: String) -> Bool { scoped.contains(URL(string: "https://www.shop.example.com\(path)")!) }
        #expect(check("/start"))
        #expect(check("/docs/a"))
        #expect(!check("/other"))
        #expect(!check("/docs/private/x"))
        #expect(!check("/docs/a.pdf"))
    }

    @Test func internalIPLiteralsOnlyWhenDeclared() throws {
        let wide = try scope(.regex("."))
        #expect(!wide.contains(URL(string: "http://127.0.0.1/admin")!))
        #expect(!wide.contains(URL(string: "http://2130706433/admin")!))
        #expect(!wide.contains(URL(string: "http://[::1]/")!))
        #expect(!wide.contains(URL(string: "http://169.254.169.254/latest/meta-data")!))
        #expect(!wide.contains(URL(string: "http://10.1.2.3/")!))
        #expect(wide.contains(URL(string: "http://93.184.216.34/")!))
        let loopback = try CrawlScope(kind: .origin, entries: [URL(string: "http://127.0.0.1:8080/")!])
        #expect(loopback.contains(URL(string: "http://127.0.0.1:8080/page")!))
        #expect(!loopback.contains(URL(string: "http://127.0.0.1:9090/page")!))
        let byDomain = try CrawlScope(kind: .domain, entries: [URL(string: "http://10.0.0.5/")!])
        #expect(byDomain.contains(URL(string: "http://10.0.0.5/x")!))
        #expect(!byDomain.contains(URL(string: "http://10.0.0.6/x")!))
    }

    @Test(
        "Registrable domain rule",
        arguments: [
            ("a.b.example.com", "example.com"), ("example.com", "example.com"), ("shop.bbc.co.uk", "bbc.co.uk"),
            ("www.example.de", "example.de"), ("localhost", "localhost"), ("x.y.z.example.org", "example.org"),
        ]
    )
    func registrable(host: String, expected: String) throws {
        let scoped = try CrawlScope(kind: .domain, entries: [URL(string: "https://\(host)/")!])
        #expect(scoped.contains(URL(string: "https://\(expected)/")!))
        #expect(scoped.contains(URL(string: "https://deep.sub.\(expected)/")!))
        #expect(!scoped.contains(URL(string: "https://other-\(expected)/")!))
    }

    @Test(
        "Parses --scope",
        arguments: [
            ("origin", CrawlScope.Kind.origin), (" HOST ", .host), ("domain", .domain),
            ("prefix:HTTPS://E.com/docs/", .prefix(URL(string: "https://e.com/docs/")!)),
            ("regex:^https://e\\.com/", .regex("^https://e\\.com/")),
        ]
    )
    func parses(text: String, expected: CrawlScope.Kind) throws {
        #expect(try CrawlScope.parseKind(text) == expected)
    }

    @Test(
        "Rejects bad --scope values",
        arguments: ["", "everything", "prefix:", "prefix:ftp://e.com/", "regex:", "regex:a("]
    )
    func rejectsBadScopes(text: String) {
        #expect(throws: PortcullisError.self) { try CrawlScope.parseKind(text) }
        do {
            _ = try CrawlScope.parseKind(text)
        } catch {
            #expect(error.code == .invalidConfiguration)
            #expect(!error.reason.isEmpty)
        }
    }

    @Test func invalidPatternsAreConfigurationErrors() {
        #expect(throws: PortcullisError(.invalidConfiguration, "")) { try scope(.origin, include: ["(unclosed"]) }
        #expect(throws: PortcullisError(.invalidConfiguration, "")) { try scope(.origin, exclude: ["[z-a]"]) }
        #expect(throws: PortcullisError(.invalidConfiguration, "")) { try scope(.regex("*bad")) }
        #expect(throws: PortcullisError(.invalidConfiguration, "")) {
            try scope(.prefix(URL(string: "mailto:x@e.com")!))
        }
    }

    @Test func scopesCompareByConfiguration() throws {
        #expect(try scope(.origin, exclude: ["a"]) == scope(.origin, exclude: ["a"]))
        #expect(try scope(.origin, exclude: ["a"]) != scope(.origin, exclude: ["b"]))
    }
}

@Suite struct IPAddressTests {
    @Test(
        "Parses and classifies literals",
        arguments: [
            ("127.0.0.1", "127.0.0.1", true), ("127.1", "127.0.0.1", true), ("0x7f000001", "127.0.0.1", true),
            ("10.0.0.1", "10.0.0.1", true), ("172.16.5.4", "172.16.5.4", true), ("172.32.0.1", "172.32.0.1", false),
            ("192.168.1.1", "192.168.1.1", true), ("169.254.169.254", "169.254.169.254", true),
            ("100.64.0.1", "100.64.0.1", true), ("0.0.0.0", "0.0.0.0", true), ("8.8.8.8", "8.8.8.8", false),
            ("[::1]", "::1", true), ("::", "::", true), ("fe80::1", "fe80::1", true), ("fd00::5", "fd00::5", true),
            ("::ffff:10.1.2.3", "::ffff:a01:203", true), ("::ffff:8.8.8.8", "::ffff:808:808", false),
            // 2001:db8::/32 is the documentation range: never a real target, so internal.
            ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1", true), ("2606:4700::1111", "2606:4700::1111", false),
        ]
    )
    func classifies(literal: String, canonical: String, isInternal: Bool) throws {
        let address = try #require(IPAddress(literal))
        #expect(address.description == canonical)
        #expect(address.isInternal == isInternal)
    }

    @Test(
        "Refuses non-addresses",
        arguments: ["example.com", "", "1.2.3.256", "1::2::3", "12345::", "::g", "1.2.3.4.5"]
    )
    func refuses(literal: String) {
        #expect(IPAddress(literal) == nil)
    }
}
