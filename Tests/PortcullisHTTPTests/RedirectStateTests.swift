import Foundation
import Testing

@testable import PortcullisHTTP

@Suite struct RedirectStateTests {
    private let base = URL(string: "http://127.0.0.1:8080/redirect/relative")!

    @Test(arguments: [
        ("../ok?x=1", "http://127.0.0.1:8080/ok?x=1"),
        ("/abs", "http://127.0.0.1:8080/abs"),
        ("next", "http://127.0.0.1:8080/redirect/next"),
        ("//127.0.0.1:9090/p", "http://127.0.0.1:9090/p"),
        ("https://example.invalid/x", "https://example.invalid/x"),
        ("?q=2", "http://127.0.0.1:8080/redirect/relative?q=2"),
        ("/a b", "http://127.0.0.1:8080/a%20b"),
    ])
    func resolvesLocationAgainstTheHop(location: String, expected: String) {
        #expect(RedirectState.target(of: location, relativeTo: base) == .url(URL(string: expected)!))
    }

    @Test(arguments: [nil, "", "   ", "file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:alert(1)", "http://"])
    func unusableLocations(location: String?) {
        guard case .unusable(let reason) = RedirectState.target(of: location, relativeTo: base) else {
            Issue.record("\(location ?? "nil") should not be followable")
            return
        }
        #expect(!reason.isEmpty)
    }

    @Test func enforcesTheLimit() throws {
        var state = RedirectState(initialURL: base, limit: 2)
        try state.follow(to: URL(string: "http://127.0.0.1:8080/1")!)
        try state.follow(to: URL(string: "http://127.0.0.1:8080/2")!)
        #expect(state.redirectCount == 2)
        #expect(throws: RedirectState.Failure.tooManyRedirects(limit: 2)) {
            try state.follow(to: URL(string: "http://127.0.0.1:8080/3")!)
        }
        #expect(state.visited.count == 3)
    }

    @Test func zeroLimitRefusesTheFirstRedirect() {
        var state = RedirectState(initialURL: base, limit: 0)
        #expect(throws: RedirectState.Failure.tooManyRedirects(limit: 0)) {
            try state.follow(to: URL(string: "http://127.0.0.1:8080/1")!)
        }
    }

    @Test func detectsLoopsIgnoringFragments() throws {
        var state = RedirectState(initialURL: base, limit: 10)
        let other = URL(string: "http://127.0.0.1:8080/b")!
        try state.follow(to: other)
        let back = URL(string: "http://127.0.0.1:8080/redirect/relative#frag")!
        #expect(throws: RedirectState.Failure.loop(back)) {
            try state.follow(to: back)
        }
        #expect(throws: RedirectState.Failure.loop(other)) {
            try state.follow(to: other)
        }
    }

    @Test(arguments: [
        (301, true), (302, true), (303, true), (307, true), (308, true), (300, false), (304, false), (200, false),
    ])
    func followableStatuses(status: Int, followable: Bool) {
        #expect(RedirectState.isFollowable(status: status) == followable)
    }
}
