public import Foundation
import ProcessSpawn

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
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("openssl-\(UUID().uuidString).err")
        defer { try? FileManager.default.removeItem(at: errors) }
        let process: SpawnedProcess
        do {
            process = try SpawnedProcess(path, arguments, outputPath: nil, errorPath: errors.path)
        } catch {
            throw Failure(description: error.description)
        }
        guard let status = process.wait(timeout: timeout) else {
            process.kill()
            throw Failure(description: "openssl \(arguments.first ?? "") timed out")
        }
        guard status == 0 else {
            let message = String(decoding: ((try? Data(contentsOf: errors)) ?? Data()).prefix(2_000), as: UTF8.self)
            throw Failure(description: "openssl \(arguments.joined(separator: " ")) exited \(status): \(message)")
        }
    }
}
