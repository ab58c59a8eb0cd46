import Foundation
import PortcullisCore
import Testing

@testable import PortcullisHTTP

@Suite struct HTTPClientValidationTests {
    @Test(arguments: [
        ("file:///etc/passwd", "unsupported-scheme"),
        ("ftp://127.0.0.1/x", "unsupported-scheme"),
        ("mailto:a@b.c", "unsupported-scheme"),
        ("/relative/path", "invalid-url"),
        ("http:///nohost", "invalid-url"),
    ])
    func refusesURLsBeforeAnyIO(url: String, code: String) async throws {
        let client = try HTTPClient(configuration: HTTPClientConfiguration())
        defer { client.shutdown() }
        let error = await #expect(throws: HTTPError.self) { try await client.fetch(URL(string: url)!) }
        #expect(error?.code.rawValue == code)
        #expect(error?.hops.isEmpty == true)
    }

    @Test(arguments: [
        HeaderField(name: "", value: "x"),
        HeaderField(name: "Bad Name", value: "x"),
        HeaderField(name: "X-Split", value: "a\r\nInjected: yes"),
        HeaderField(name: "X-Nul", value: "a\u{0}b"),
        HeaderField(name: "X:Colon", value: "x"),
    ])
    func refusesHeadersThatWouldSplitTheRequest(header: HeaderField) {
        let url = URL(string: "http://127.0.0.1/")!
        #expect(throws: HTTPError.self) { try HTTPClient.headerLines([header], url: url) }
    }

    @Test func formatsHeaderLines() throws {
        let lines = try HTTPClient.headerLines(
            [HeaderField(name: "Authorization", value: "Bearer t"), HeaderField(name: "X-Empty", value: "")],
            url: URL(string: "http://127.0.0.1/")!
        )
        #expect(lines == ["Authorization: Bearer t", "X-Empty;"])
    }

    @Test(arguments: [
        ("http://Example.COM/a", "http://example.com:80"),
        ("https://example.com/a", "https://example.com:443"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
    ])
    func originKeys(url: String, key: String) {
        #expect(HTTPClient.originKey(URL(string: url)!) == key)
    }

    @Test func errorCodesHaveStableNames() {
        let codes: [HTTPError.Code] = [
            .invalidURL, .unsupportedScheme, .dns, .connectionRefused, .connectTimeout, .timeout, .tls,
            .tlsCertificate, .tooManyRedirects, .redirectLoop, .protocol, .cancelled, .internal,
        ]
        #expect(
            codes.map(\.rawValue) == [
                "invalid-url", "unsupported-scheme", "dns", "connection-refused", "connect-timeout", "timeout", "tls",
                "tls-certificate", "too-many-redirects", "redirect-loop", "protocol", "cancelled", "internal",
            ]
        )
        let error = HTTPError(code: .timeout, reason: "slow", url: URL(string: "http://127.0.0.1/")!)
        #expect(error.description == "timeout: slow [http://127.0.0.1/]")
    }

    @Test(.timeLimit(.minutes(1)))
    func fetchAfterShutdownFailsAtOnce() async throws {
        let client = try HTTPClient(configuration: HTTPClientConfiguration())
        client.shutdown()
        client.shutdown()
        let error = await #expect(throws: HTTPError.self) {
            try await client.fetch(URL(string: "http://127.0.0.1:9/")!)
        }
        #expect(error?.code == .cancelled)
    }
}
