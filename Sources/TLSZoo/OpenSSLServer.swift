public import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An `openssl s_server` on a free loopback port; `stop()` (or deinit) kills it.
public final class OpenSSLServer: @unchecked Sendable {
    /// The loopback TCP port the server accepts on.
    public let port: Int
    /// The file the server's stdout and stderr go to.
    public let log: URL
    private let process: Process
    private let input = Pipe()
    private let lock = NSLock()
    private var stopped = false

    /// Starts `openssl s_server -accept PORT -cert … -key … arguments…` and, unless `waits` is false, waits until it
    /// accepts connections (callers that start many servers at once pass `false`, then call `waitUntilListening`).
    public init(certificate: GeneratedCertificate, arguments: [String], waits: Bool = true) throws {
        port = try FreePort.loopback()
        log = certificate.directory.appendingPathComponent("s_server-\(port).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: OpenSSLTool.path)
        process.arguments =
            ["s_server", "-accept", String(port), "-cert", certificate.certificatePath, "-key", certificate.keyPath]
            + arguments
        let output = try FileHandle(forWritingTo: log)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        try? output.close()
        if waits { try waitUntilListening(timeout: 10) }
    }

    /// Kills the server (SIGKILL cannot be ignored, so the wait that follows is bounded) and reaps it.
    public func stop() {
        lock.lock()
        let first = !stopped
        stopped = true
        lock.unlock()
        guard first else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
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
