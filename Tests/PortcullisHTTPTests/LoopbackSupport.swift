import DemoProviders
import Foundation
import PortcullisCore
import PortcullisHTTP

/// One provider zoo for the whole test process, started on first use (only ever on 127.0.0.1).
enum SharedZoo {
    private static let started = Task { try await DemoProviderZoo.start() }
    private static let caFile = Task { () throws -> String in
        let zoo = try await started.value
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("portcullis-http-tests-ca-\(getpid()).pem")
        try zoo.writeCACertificate(to: path)
        return path.path
    }

    /// The running zoo.
    static func zoo() async throws -> DemoProviderZoo {
        try await started.value
    }

    /// A PEM file with the zoo's CA certificate.
    static func caFilePath() async throws -> String {
        try await caFile.value
    }

    /// A fixture URL on the zoo's plain-HTTP fixture server.
    static func http(_ path: String) async throws -> URL {
        try await zoo().fixturesHTTP.appendingPathComponent(path)
    }

    /// A fixture URL on the zoo's HTTPS fixture server.
    static func https(_ path: String) async throws -> URL {
        try await zoo().fixturesHTTPS.appendingPathComponent(path)
    }
}

/// Limits small enough that no test can hang: short timeouts, a modest body cap.
func testLimits(
    totalTimeout: Double = 10,
    maxBodyBytes: Int = 1024 * 1024,
    maxRedirects: Int = 10,
    maxConcurrentRequests: Int = 8,
    maxConcurrentRequestsPerHost: Int = 4
) -> FetchLimits {
    FetchLimits(
        connectTimeout: 3,
        totalTimeout: totalTimeout,
        maxBodyBytes: maxBodyBytes,
        maxRedirects: maxRedirects,
        maxConcurrentRequests: maxConcurrentRequests,
        maxConcurrentRequestsPerHost: maxConcurrentRequestsPerHost
    )
}

/// Runs `body` with a fresh client and shuts it down afterwards.
func withClient<T>(
    _ configuration: HTTPClientConfiguration = HTTPClientConfiguration(limits: testLimits()),
    _ body: (HTTPClient) async throws -> T
) async throws -> T {
    let client = try HTTPClient(configuration: configuration)
    defer { client.shutdown() }
    return try await body(client)
}
