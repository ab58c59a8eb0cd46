import CertificateAnalysis
import Testing

/// RFC 6125 §6.4 / RFC 9525 §6.3 matching cases.
@Suite struct HostnameMatcherTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var host: String
        var names: [String]
        var ips: [String] = []
        var matches: Bool
        var testDescription: String { "\(host) vs \(names + ips) → \(matches)" }
    }

    static let cases: [Case] = [
        Case(host: "www.example.com", names: ["www.example.com"], matches: true),
        Case(host: "WWW.Example.COM", names: ["www.example.com"], matches: true),
        Case(host: "www.example.com.", names: ["www.example.com"], matches: true),
        Case(host: "www.example.com", names: ["www.example.com."], matches: true),
        Case(host: "foo.example.com", names: ["*.example.com"], matches: true),
        Case(host: "a.b.example.com", names: ["*.example.com"], matches: false),
        Case(host: "example.com", names: ["*.example.com"], matches: false),
        Case(host: "foo.example.com", names: ["f*.example.com"], matches: false),
        Case(host: "foo.example.com", names: ["*oo.example.com"], matches: false),
        Case(host: "foo.example.com", names: ["foo.*.com"], matches: false),
        Case(host: "example.com", names: ["*.com"], matches: false),
        Case(host: "xn--bcher-kva.example", names: ["xn--bcher-kva.example"], matches: true),
        Case(host: "xn--bcher-kva.example.com", names: ["*.example.com"], matches: true),
        Case(host: "bücher.example", names: ["xn--bcher-kva.example"], matches: false),
        Case(host: "127.0.0.1", names: ["127.0.0.1"], matches: false),
        Case(host: "127.0.0.1", names: [], ips: ["127.0.0.1"], matches: true),
        Case(host: "127.0.0.1", names: ["*.0.0.1"], matches: false),
        Case(host: "::1", names: [], ips: ["0:0:0:0:0:0:0:1"], matches: true),
        Case(host: "[::1]", names: [], ips: ["::1"], matches: true),
        Case(host: "localhost", names: [], ips: ["127.0.0.1"], matches: false),
        Case(host: "", names: [""], matches: false),
        Case(host: "a..example.com", names: ["a..example.com"], matches: false),
        Case(host: "other.example.com", names: ["www.example.com", "*.example.com"], matches: true),
    ]

    @Test(arguments: cases)
    func matching(testCase: Case) {
        #expect(
            HostnameMatcher.matches(testCase.host, names: testCase.names, ipAddresses: testCase.ips) == testCase.matches
        )
    }
}
