import CSP
import Foundation
import Testing

/// Hostile input: random bytes and directive soup never crash and stay within time.
@Suite struct CSPFuzzTests {
    /// A small deterministic generator so failures reproduce.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "script-src", "default-src", "'self'", "'none'", "'unsafe-inline'", "'nonce-", "'sha256-", "*", "https:",
        "*.example.com", ";", ",", " ", "'", "\u{0}", "\t", "é", "http://[::1]:*", "report-uri", "'strict-dynamic'",
        "object-src", "base-uri", "//*", "data:", "8.8.8.8", "\u{FFFD}", ":", "/", "=",
    ]

    @Test func randomBytesAndDirectiveSoup() {
        var generator = Generator(state: 42)
        let evaluator = Evaluator(bypassLists: CSPBypassLists(jsonp: ["//a.example/x"], angular: [], flash: []))
        let start = Date()
        for iteration in 0..<2_000 {
            let text: String
            if iteration.isMultiple(of: 2) {
                let bytes = (0..<Int.random(in: 0..<300, using: &generator)).map { _ in
                    UInt8.random(in: 0...255, using: &generator)
                }
                text = String(decoding: bytes, as: UTF8.self)
            } else {
                text = (0..<Int.random(in: 0..<60, using: &generator)).map { _ in
                    Self.pieces.randomElement(using: &generator)!
                }
                .joined()
            }
            let list = PolicyList.parse(headerValues: [text], reportOnlyValues: [text], metaValues: [text])
            _ = evaluator.evaluate(list, checks: .withStrictCSP)
            for policy in list.policies { _ = evaluator.evaluate(policy, checks: .withStrictCSP) }
        }
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test func megabyteValueAndThousandsOfDirectivesAreBounded() {
        let evaluator = Evaluator(bypassLists: .empty)
        let start = Date()
        let long = "script-src " + String(repeating: "https://a.example ", count: 60_000)
        let many = (0..<5_000).map { "x\($0)-src 'self'" }.joined(separator: "; ")
        let unbalanced = "script-src '" + String(repeating: "a", count: 1_000_000)
        for text in [long, many, unbalanced] {
            let policy = ContentSecurityPolicy.parse(text)
            #expect(policy.directives.count <= ContentSecurityPolicy.maximumDirectives)
            _ = evaluator.evaluate(policy, checks: .withStrictCSP)
        }
        #expect(ContentSecurityPolicy.parse(many).notes.contains { $0.kind == .truncated })
        #expect(Date().timeIntervalSince(start) < 20)
    }
}
