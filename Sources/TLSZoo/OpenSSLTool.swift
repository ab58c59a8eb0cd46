public import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs `/usr/bin/openssl` subcommands (key and certificate generation) synchronously with a bounded wait.
public enum OpenSSLTool {
    /// Why an `openssl` invocation or a server start failed.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, with the command.
        public var description: String

        /// Creates a failure with `description`.
        public init(description: String) { self.description = description }
    }

    /// Path of the `openssl` executable.
    public static let path = "/usr/bin/openssl"

    /// Runs `openssl arguments…`, throwing when it exits non-zero or outlives `timeout` seconds.
    public static func run(_ arguments: [String], timeout: TimeInterval = 20) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(5_000) }
        if process.isRunning {
            process.terminate()
            throw Failure(description: "openssl \(arguments.first ?? "") timed out")
        }
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.availableData.prefix(2_000), as: UTF8.self)
            throw Failure(
                description:
                    "openssl \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(message)"
            )
        }
    }
}
