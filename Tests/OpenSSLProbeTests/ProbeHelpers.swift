import Foundation
import OpenSSLProbe
import TLSZoo

/// Shared steps of the libssl probe tests: start a server, probe it, stop it.
enum ProbeHelpers {
    /// Generous per-connection budget: tests must not fail because the machine is busy.
    static let options = OpenSSLProbeOptions(timeout: 10, useSystemTrust: false)

    /// `localhost` on 127.0.0.1 at `port`.
    static func endpoint(_ port: Int, name: String = "localhost") -> OpenSSLEndpoint {
        OpenSSLEndpoint(serverName: name, address: "127.0.0.1", port: port)
    }

    /// Starts `s_server` with `certificate` and `arguments`, runs `body` against it, stops it, and prints the time.
    static func withServer<Value>(
        _ certificate: GeneratedCertificate,
        _ arguments: [String],
        label: String,
        _ body: (OpenSSLEndpoint) async throws -> Value
    ) async throws -> Value {
        let server = try OpenSSLServer(certificate: certificate, arguments: arguments)
        defer { server.stop() }
        let start = ContinuousClock.now
        let value = try await body(endpoint(server.port))
        print("\(label) \(arguments.joined(separator: " ")): \(ContinuousClock.now - start)")
        return value
    }
}
