import Foundation
import HeaderAnalysis
import PortcullisCore
import Testing

/// Bounded fuzzing of every parser with hostile values: random bytes (lossily decoded, as the HTTP layer does),
/// control characters, unbalanced quotes, megabyte values and thousands of directives. Nothing may crash and
/// everything must finish quickly.
@Suite struct FuzzTests {
    /// A small deterministic generator so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    static let names = [
        "Strict-Transport-Security", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy",
        "Permissions-Policy", "Cross-Origin-Opener-Policy", "Cross-Origin-Embedder-Policy",
        "Cross-Origin-Resource-Policy", "X-XSS-Protection", "Server", "Cache-Control", "Set-Cookie",
    ]

    static let fragments = [
        "max-age=", "\"", "\\", ";", ",", "=", "(", ")", " ", "\t", "\u{0}", "\u{7F}", "\r\n", "nosniff", "deny",
        "same-origin", "self", "*", "__Host-", "SameSite=", "Secure", "é", "\u{FFFD}", "1.2", "/", "?", "'",
    ]

    /// Runs every analyser over `headers`, returning a value so the work is not optimised away.
    static func analyseAll(_ headers: [HeaderField]) -> Int {
        var count = 0
        count += StrictTransportSecurity(headers: headers, isHTTPS: true).problems.count
        count += FrameOptions(headers: headers, enforcedFrameAncestors: false).problems.count
        count += ContentTypeOptions(headers: headers).problems.count
        count += ReferrerPolicy(headers: headers, metaValues: headers.map(\.value)).problems.count
        count += PermissionsPolicy(headers: headers).problems.count
        count += CrossOriginOpenerPolicy(headers: headers).problems.count
        count += CrossOriginEmbedderPolicy(headers: headers).problems.count
        count += CrossOriginResourcePolicy(headers: headers).problems.count
        count += DeprecatedHeaders(headers: headers).problems.count
        count += InformationLeaks(headers: headers).problems.count
        count += SessionCacheControl(headers: headers).problems.count
        for line in FieldValues.values("Set-Cookie", in: headers) {
            count += CookieAnalysis(line: line, requestHost: "www.a.example", isHTTPS: true).problems.count
        }
        count +=
            Observatory.grade(
                Observatory.Input(
                    httpsHeaders: headers,
                    setCookieLines: FieldValues.values("Set-Cookie", in: headers)
                )
            ).score
        return count
    }

    @Test func randomValuesNeverCrash() {
        var generator = SplitMix(state: 0x5EED)
        for _ in 0..<3000 {
            var headers: [HeaderField] = []
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let value: String
                if Bool.random(using: &generator) {
                    let bytes = (0..<Int.random(in: 0...80, using: &generator)).map { _ in
                        UInt8.random(in: 0...255, using: &generator)
                    }
                    value = String(decoding: bytes, as: UTF8.self)
                } else {
                    value = (0..<Int.random(in: 0...30, using: &generator)).map { _ in
                        Self.fragments.randomElement(using: &generator) ?? ""
                    }.joined()
                }
                headers.append(HeaderField(name: Self.names.randomElement(using: &generator) ?? "", value: value))
            }
            #expect(Self.analyseAll(headers) >= 0)
        }
    }

    /// Hostile values, generated in the test so the test log stays readable.
    enum HugeValue: String, CaseIterable, Sendable {
        case megabyte, megabyteOfQuotes, directives, dictionaryMembers, listMembers, escapes, cookieAttributes

        var value: String {
            switch self {
            case .megabyte: String(repeating: "a", count: 1 << 20)
            case .megabyteOfQuotes: String(repeating: "\"", count: 1 << 20)
            case .directives: String(repeating: "max-age=1;", count: 100_000)
            case .dictionaryMembers: String(repeating: "x=(self \"https://a\"), ", count: 20_000)
            case .listMembers: String(repeating: "deny, ", count: 100_000)
            case .escapes: "\"" + String(repeating: "\\\"", count: 300_000)
            case .cookieAttributes: String(repeating: "a=b; Domain=x; Path=/; ", count: 40_000)
            }
        }
    }

    @Test(arguments: HugeValue.allCases)
    func hugeValuesFinishQuickly(kind: HugeValue) {
        let value = kind.value
        let started = Date()
        let headers = Self.names.map { HeaderField(name: $0, value: value) }
        _ = Self.analyseAll(headers)
        #expect(Date().timeIntervalSince(started) < 20, "took \(Date().timeIntervalSince(started)) s")
    }

    @Test func thousandsOfFieldLines() {
        let started = Date()
        let headers = (0..<5000).map { HeaderField(name: Self.names[$0 % Self.names.count], value: "v\($0); a=\"b") }
        _ = Self.analyseAll(headers)
        #expect(Date().timeIntervalSince(started) < 20)
    }
}
