public import Foundation
import ProcessSpawn

/// Runs a child process to completion with ``ProcessSpawn/SpawnedProcess`` (never Foundation's `Process`, which
/// crashes intermittently on Linux), its output captured in files, its time bounded.
public enum ChildProcess {
    /// How a child ended and what it printed.
    public struct Result: Sendable {
        /// The exit status; 128 + signal when a signal ended it; -1 when it was killed for running too long.
        public var status: Int32
        /// What it wrote to standard output.
        public var output: Data
        /// What it wrote to standard error.
        public var errorOutput: Data
    }

    /// Starts `executable` with `arguments`, waits for it (polling, so an async caller never blocks a thread),
    /// and kills it after `timeout` seconds.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String? = nil,
        timeout: Double
    ) async throws -> Result {
        let started = try Started(executable, arguments, environment: environment, currentDirectory: currentDirectory)
        let status = try await started.process.waitAsync(timeout: timeout)
        return started.result(status ?? killed(started.process))
    }

    /// ``run(_:_:environment:currentDirectory:timeout:)`` for synchronous callers: waits on the calling thread.
    public static func runBlocking(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        timeout: Double
    ) throws -> Result {
        let started = try Started(executable, arguments, environment: environment, currentDirectory: nil)
        return started.result(started.process.wait(timeout: timeout) ?? killed(started.process))
    }

    /// Kills a child that ran too long; -1 says so.
    private static func killed(_ process: SpawnedProcess) -> Int32 {
        process.kill()
        return -1
    }

    /// A running child and the folder its output goes to.
    private final class Started {
        let process: SpawnedProcess
        let scratch: URL

        init(
            _ executable: String,
            _ arguments: [String],
            environment: [String: String],
            currentDirectory: String?
        ) throws {
            scratch = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            do {
                process = try SpawnedProcess(
                    executable,
                    arguments,
                    environment: environment,
                    currentDirectory: currentDirectory,
                    outputPath: scratch.appendingPathComponent("out").path,
                    errorPath: scratch.appendingPathComponent("err").path
                )
            } catch {
                try? FileManager.default.removeItem(at: scratch)
                throw error
            }
        }

        deinit { try? FileManager.default.removeItem(at: scratch) }

        func result(_ status: Int32) -> Result {
            Result(
                status: status,
                output: (try? Data(contentsOf: scratch.appendingPathComponent("out"))) ?? Data(),
                errorOutput: (try? Data(contentsOf: scratch.appendingPathComponent("err"))) ?? Data()
            )
        }
    }
}
