import Crawl
import Foundation
import Testing

@Suite struct FrontierTests {
    func url(_ path: String) -> URL { URL(string: "http://e.com\(path)")! }

    @Test func dedupesAcrossQueuedAndDone() {
        var frontier = Frontier()
        let result1 = frontier.add(url("/a"), depth: 0, priority: .entry)
        #expect(result1)
        let result2 = frontier.add(url("/a"), depth: 3, priority: .link)
        #expect(!result2)
        #expect(frontier.next()?.url == url("/a"))
        let result3 = frontier.add(url("/a"), depth: 1, priority: .link)
        #expect(!result3, "a fetched URL is still seen")
        #expect(frontier.hasSeen(url("/a")))
        #expect(!frontier.hasSeen(url("/b")))
        #expect(frontier.seenCount == 1)
        #expect(frontier.queuedCount == 0)
    }

    @Test func priorityFirstThenBreadthFirst() {
        var frontier = Frontier()
        frontier.add(url("/l1"), depth: 1, priority: .link, referrer: url("/"))
        frontier.add(url("/s1"), depth: 0, priority: .sitemap)
        frontier.add(url("/l2"), depth: 1, priority: .link)
        frontier.add(url("/e1"), depth: 0, priority: .entry)
        frontier.add(url("/l3"), depth: 2, priority: .link)
        frontier.add(url("/s2"), depth: 0, priority: .sitemap)
        var order: [String] = []
        while let entry = frontier.next() { order.append(entry.url.path) }
        #expect(order == ["/e1", "/s1", "/s2", "/l1", "/l2", "/l3"])
        #expect(frontier.next() == nil)
    }

    @Test func entryKeepsDepthPriorityAndReferrer() throws {
        var frontier = Frontier()
        frontier.add(url("/x"), depth: 4, priority: .link, referrer: url("/r"))
        let next = frontier.next()
        let entry = try #require(next)
        #expect(entry == FrontierEntry(url: url("/x"), depth: 4, priority: .link, referrer: url("/r")))
    }

    @Test func drainReturnsWhatIsLeftInOrder() {
        var frontier = Frontier()
        for index in 0..<5 { frontier.add(url("/l\(index)"), depth: 1, priority: .link) }
        frontier.add(url("/e"), depth: 0, priority: .entry)
        _ = frontier.next()
        let drained = frontier.drain().map(\.url.path)
        #expect(drained == ["/l0", "/l1", "/l2", "/l3", "/l4"])
        #expect(frontier.queuedCount == 0)
        #expect(frontier.next() == nil)
        #expect(frontier.hasSeen(url("/l3")), "drained URLs stay seen")
    }

    @Test func markSeenPreventsQueueing() {
        var frontier = Frontier()
        let result4 = frontier.markSeen(url("/redirected"))
        #expect(result4)
        let result5 = frontier.markSeen(url("/redirected"))
        #expect(!result5)
        let result6 = frontier.add(url("/redirected"), depth: 1, priority: .link)
        #expect(!result6)
        #expect(frontier.queuedCount == 0)
    }

    @Test func fullQueueRefusesAndCounts() {
        var frontier = Frontier(maxQueued: 2)
        let result7 = frontier.add(url("/1"), depth: 0, priority: .link)
        #expect(result7)
        let result8 = frontier.add(url("/2"), depth: 0, priority: .link)
        #expect(result8)
        let result9 = frontier.add(url("/3"), depth: 0, priority: .link)
        #expect(!result9)
        #expect(frontier.droppedCount == 1)
        #expect(!frontier.hasSeen(url("/3")))
        _ = frontier.next()
        let result10 = frontier.add(url("/3"), depth: 0, priority: .link)
        #expect(result10)
    }

    @Test func hundredThousandURLsInterleavedStayFIFO() {
        var frontier = Frontier()
        let clock = ContinuousClock()
        var popped = 0
        var inOrder = true
        let elapsed = clock.measure {
            for index in 0..<100_000 {
                frontier.add(url("/page/\(index)"), depth: 1, priority: .link)
                frontier.add(url("/page/\(index / 2)"), depth: 1, priority: .link)  // duplicates
                if index % 3 == 0, let entry = frontier.next() {
                    inOrder = inOrder && entry.url.path == "/page/\(popped)"
                    popped += 1
                }
            }
        }
        #expect(inOrder)
        #expect(frontier.seenCount == 100_000)
        #expect(frontier.queuedCount == 100_000 - popped)
        #expect(elapsed < .seconds(60), "bounded, not a benchmark")
    }

    @Test func compactSetStaysSmall() {
        var set = CompactURLSet()
        for index in 0..<100_000 { set.insert(url("/p/\(index)")) }
        #expect(set.count == 100_000)
        #expect(set.contains(url("/p/99999")))
        #expect(!set.contains(url("/p/100000")))
        let bytesPerURL = Double(set.storageBytes) / Double(set.count)
        #expect(bytesPerURL <= 22)
        #expect(bytesPerURL >= 10)
    }
}
