import Crawl
import Foundation
import Testing

@Suite struct TrapGuardTests {
    func url(_ path: String) -> URL { URL(string: "http://e.com\(path)")! }

    /// Feeds URLs in order, each referred by the previous one; returns the first verdict and its index.
    func firstVerdict(_ paths: [String], guard trapGuard: inout TrapGuard) -> (Int, TrapVerdict)? {
        var referrer: URL?
        for (index, path) in paths.enumerated() {
            if let verdict = trapGuard.verdict(for: url(path), referrer: referrer) { return (index, verdict) }
            referrer = url(path)
        }
        return nil
    }

    @Test func benignURLsPass() {
        var trapGuard = TrapGuard()
        var paths = (1...24).map { "/products/\($0)" }
        paths += ["/articles/17", "/search?q=shoes&page=2", "/a/b/c/d/e/f", "/2024", "/archive/2024/report.pdf"]
        paths += (1...30).map { "/list?page=\($0)" }
        paths += ["/docs/a/docs/b/docs/c", "/x/x/x"]
        #expect(firstVerdict(paths, guard: &trapGuard) == nil)
    }

    @Test(
        "Repeated path segments",
        arguments: ["/a/b/a/b/a/b/a/b", "/x/x/x/x", "/img/img/img/img/logo.png"]
    )
    func repeatedSegments(path: String) throws {
        var trapGuard = TrapGuard()
        let found = trapGuard.verdict(for: url(path), referrer: nil)
        let verdict = try #require(found)
        #expect(verdict.kind == TrapVerdict.repeatedPathSegments)
        #expect(verdict.detail.contains("4 times"))
    }

    @Test func tooLongURL() throws {
        var trapGuard = TrapGuard(maxURLLength: 100)
        #expect(trapGuard.verdict(for: url("/" + String(repeating: "a", count: 80)), referrer: nil) == nil)
        let found = trapGuard.verdict(for: url("/" + String(repeating: "a", count: 90)), referrer: nil)
        let verdict = try #require(found)
        #expect(verdict.kind == TrapVerdict.tooLongURL)
    }

    @Test func everGrowingQueryIsStoppedAtTheSecondGrowth() throws {
        var trapGuard = TrapGuard()
        let chain = ["/s?a=1", "/s?a=1&a=1", "/s?a=1&a=1&a=1", "/s?a=1&a=1&a=1&a=1"]
        let (index, verdict) = try #require(firstVerdict(chain, guard: &trapGuard))
        #expect(index == 2)
        #expect(verdict.kind == TrapVerdict.growingQuery)
    }

    @Test func oneRefinementOfAQueryPasses() {
        var trapGuard = TrapGuard()
        #expect(trapGuard.verdict(for: url("/shop?cat=1&sort=price"), referrer: url("/shop?cat=1")) == nil)
        #expect(trapGuard.verdict(for: url("/shop?cat=2"), referrer: url("/shop?cat=1&sort=price")) == nil)
        #expect(trapGuard.verdict(for: url("/other?cat=1&x=2"), referrer: url("/shop?cat=1&sort=price")) == nil)
    }

    @Test func tooManyQueryParameters() throws {
        var trapGuard = TrapGuard(maxQueryParameters: 4)
        #expect(trapGuard.verdict(for: url("/p?a=1&b=2&c=3&d=4"), referrer: nil) == nil)
        let found = trapGuard.verdict(for: url("/p?a=1&b=2&c=3&d=4&e=5"), referrer: nil)
        let verdict = try #require(found)
        #expect(verdict.kind == TrapVerdict.growingQuery)
        #expect(verdict.detail.contains("5 query parameters"))
    }

    @Test(
        "Calendars stop after maxCalendarPages distinct dates per template",
        arguments: [
            { (month: Int) in "/\(2024 + month / 12)/\(String(format: "%02d", month % 12 + 1))/" },
            { (month: Int) in "/calendar/\(2024 + month / 12)-\(month % 12 + 1)" },
            { (month: Int) in "/events?date=\(2024 + month / 12)-\(String(format: "%02d", month % 12 + 1))-01" },
            { (month: Int) in "/cal?month=\(month % 12 + 1)&year=\(2024 + month / 12)&view=grid" },
        ] as [@Sendable (Int) -> String]
    )
    func calendar(make: @Sendable (Int) -> String) throws {
        var trapGuard = TrapGuard(maxCalendarPages: 20)
        let paths = (0..<40).map(make)
        let (index, verdict) = try #require(firstVerdict(paths, guard: &trapGuard))
        #expect(index == 20)
        #expect(verdict.kind == TrapVerdict.calendar)
        #expect(trapGuard.verdict(for: url(paths[3]), referrer: nil) == nil, "an already admitted date still passes")
    }

    @Test func calendarTemplatesAreSeparate() {
        var trapGuard = TrapGuard(maxCalendarPages: 2)
        let paths = ["/a/2024/01/", "/a/2024/02/", "/b/2024/01/", "/b/2024/02/", "/a/2024/02/x", "/a/2024/03/x"]
        #expect(firstVerdict(paths, guard: &trapGuard) == nil)
        #expect(trapGuard.verdict(for: url("/a/2024/03/"), referrer: nil)?.kind == TrapVerdict.calendar)
    }

    @Test func duplicateContentAfterNormalisation() throws {
        var trapGuard = TrapGuard()
        let first = Data(
            "<html><body><h1>Calendar</h1><p>2024-05-01</p><input value=\"a8f3k2j4h5g6f7d8s9\"></body>".utf8
        )
        let same = Data(
            "<html>\n  <body><h1>Calendar</h1>\n<p>2024-05-01</p><input value=\"zz93kdj38fj29dk3la\"></body>".utf8
        )
        let different = Data("<html><body><h1>Contact</h1></body>".utf8)
        #expect(trapGuard.recordContent(first, url: url("/cal/2024-05-01")) == nil)
        let found = trapGuard.recordContent(same, url: url("/cal/2031-12-24"))
        let verdict = try #require(found)
        #expect(verdict.kind == TrapVerdict.duplicateContent)
        #expect(trapGuard.recordContent(different, url: url("/contact")) == nil)
        let product1 = Data("<html><body><h1>Product 1</h1><a href=/products/2>next</a></body>".utf8)
        let product2 = Data("<html><body><h1>Product 2</h1><a href=/products/3>next</a></body>".utf8)
        #expect(trapGuard.recordContent(product1, url: url("/products/1")) == nil)
        #expect(trapGuard.recordContent(product2, url: url("/products/2")) == nil, "a catalogue is not a trap")
        #expect(trapGuard.recordContent(Data(" \n\t".utf8), url: url("/blank")) == nil)
        #expect(trapGuard.recordContent(Data(), url: url("/empty")) == nil)
        #expect(trapGuard.recordContent(Data(), url: url("/empty2")) == nil, "empty content is never a duplicate")
    }

    @Test func theSamePageOnAnotherOriginIsNotADuplicate() {
        var trapGuard = TrapGuard()
        let page = Data("<html><body><h1>News</h1></body></html>".utf8)
        #expect(trapGuard.recordContent(page, url: URL(string: "http://example.com/news")!) == nil)
        #expect(trapGuard.recordContent(page, url: URL(string: "https://example.com/news")!) == nil)
        #expect(trapGuard.recordContent(page, url: URL(string: "https://example.com/news2")!) != nil)
    }

    @Test func largeBodyIsHashedWithinBounds() {
        var trapGuard = TrapGuard()
        let big = Data(repeating: 0x61, count: 5_000_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(trapGuard.recordContent(big, url: url("/big")) == nil)
            #expect(trapGuard.recordContent(big, url: url("/big2"))?.kind == TrapVerdict.duplicateContent)
        }
        #expect(elapsed < .seconds(30))
    }

    @Test func endlessUniqueURLsKeepStateBounded() {
        var trapGuard = TrapGuard()
        for index in 0..<20_000 {
            _ = trapGuard.verdict(for: url("/t\(index)/2024/05/"), referrer: nil)
        }
        #expect(trapGuard.verdict(for: url("/t1/2024/06/"), referrer: nil) == nil)
        #expect(trapGuard.maxCalendarTemplates == 4096)
    }
}
