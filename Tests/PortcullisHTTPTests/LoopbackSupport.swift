import DemoProviders
import Foundation
import PortcullisCore
import PortcullisHTTP

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

/// A TCP port on 127.0.0.1 that nothing listens on: bound, read back, closed.
func closedLoopbackPort() throws -> Int {
    #if canImport(Glibc)
    let socketType = Int32(SOCK_STREAM.rawValue)
    #else
    let socketType = SOCK_STREAM
    #endif
    let descriptor = socket(AF_INET, socketType, 0)
    guard descriptor >= 0 else { throw PortError() }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
            bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
        }
    }
    guard bound else { throw PortError() }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// A loopback port could not be found.
struct PortError: Error {}
