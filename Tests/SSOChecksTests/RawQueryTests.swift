import Foundation
import SSOChecks
import Testing

@Suite("Raw query strings")
struct RawQueryTests {
    @Test("duplicates and order survive a parse and an encode")
    func roundTrip() {
        let parameters = RawQuery.parse("a=1&redirect_uri=https%3A%2F%2Fx%2Fcb&a=2&b=&c")
        #expect(parameters.map(\.name) == ["a", "redirect_uri", "a", "b", "c"])
        #expect(parameters[1].value == "https://x/cb")
        #expect(RawQuery.encode(parameters) == "a=1&redirect_uri=https%3A%2F%2Fx%2Fcb&a=2&b=&c=")
    }

    @Test("plus reads as a space, and escaping keeps only unreserved characters")
    func escaping() {
        #expect(RawQuery.parse("q=a+b%20c")[0].value == "a b c")
        #expect(RawQuery.escape("a b/é~") == "a%20b%2F%C3%A9~")
    }
}
