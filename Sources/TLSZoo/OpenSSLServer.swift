public import Foundation
import ProcessSpawn

/// An `openssl s_server` on a free loopback port; `stop()` (or deinit) kills it.
public final class OpenSSLServer: @unchecked Sendable {
    /// The loopback TCP port the server accepts on.
    public let port: Int
    /// The file the server's stdout and stderr go to.
    public let log: URL
    private let process: SpawnedProcess

    /// Starts `openssl s_server -accept PORT -cert … -key … arguments…` and, unless `waits` is false, waits until it
    /// accepts connections (callers that start many servers at once pass `false`, then call `waitUntilListening`).
    public init(certificate: GeneratedCertificate, arguments: [String], waits: Bool = true) throws {
        port = try FreePort.loopback()
        log = certificate.directory.appendingPathComponent("s_server-\(port).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        do {
            // s_server stops at the end of its input, so its input is a pipe held open while it runs.
            process = try SpawnedProcess(
                OpenSSLTool.path,
                [
                    "s_server", "-accept", String(port), "-cert", certificate.certificatePath, "-key",
                    certificate.keyPath,
                ]
                    + arguments,
                input: .heldOpen,
                outputPath: log.path,
                errorPath: log.path
            )
        } catch {
            throw OpenSSLTool.Failure(description: error.description)
        }
        if waits { try waitUntilListening(timeout: 10) }
    }

    /// Kills the server (SIGKILL cannot be ignored, so the wait that follows is bounded) and reaps it.
    public func stop() {
        process.kill()
    }

    deinit { stop() }

    /// The server's log so far, for failure messages.
    public var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Waits until the server accepts connections; throws when it exits first or `timeout` seconds pass.
    public func waitUntilListening(timeout: TimeInterval) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard process.isRunning else { throw OpenSSLTool.Failure(description: "s_server exited: \(output)") }
            if FreePort.isAccepting(port) { return }
            usleep(10_000)
        }
        throw OpenSSLTool.Failure(description: "s_server did not listen on \(port) within \(timeout) s")
    }
}
