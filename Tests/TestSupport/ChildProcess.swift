public import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a child process with `posix_spawn` directly, its output captured in files.
///
/// Foundation's `Process.run()` on Linux crashes intermittently (an over-read in `findMaximumOpenFromProcSelfFD`,
/// swift-corelibs-foundation #5472, still in Swift 6.3.1), and the test suite starts hundreds of children
/// while holding many sockets open: the launches the tests make go through here instead.
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

    /// Why a child could not be started.
    public struct LaunchError: Error, CustomStringConvertible {
        /// The `errno` `posix_spawn` returned.
        public var code: Int32
        /// The program that could not be started.
        public var executable: String
        public var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
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
        let deadline = ContinuousClock.now + .seconds(timeout)
        while true {
            if let status = started.poll() { return started.result(status) }
            if ContinuousClock.now > deadline { return started.result(started.kill()) }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// ``run(_:_:environment:currentDirectory:timeout:)`` for synchronous callers: waits on the calling thread.
    public static func runBlocking(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        timeout: Double
    ) throws -> Result {
        let started = try Started(executable, arguments, environment: environment, currentDirectory: nil)
        let deadline = ContinuousClock.now + .seconds(timeout)
        while true {
            if let status = started.poll() { return started.result(status) }
            if ContinuousClock.now > deadline { return started.result(started.kill()) }
            usleep(10_000)
        }
    }

    /// A running child and the files its output goes to.
    private final class Started {
        let pid: pid_t
        let scratch: URL

        init(
            _ executable: String,
            _ arguments: [String],
            environment: [String: String],
            currentDirectory: String?
        )
            throws
        {
            scratch = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            let flags = O_WRONLY | O_CREAT | O_TRUNC
            posix_spawn_file_actions_addopen(&actions, 1, scratch.appendingPathComponent("out").path, flags, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, scratch.appendingPathComponent("err").path, flags, 0o600)
            // GNU env changes the directory for the child (glibc's addchdir action is not exported to Swift).
            let command = currentDirectory.map { ["env", "--chdir=\($0)", executable] } ?? [executable]
            let argv = (command + arguments).map { strdup($0) } + [nil]
            let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer { for pointer in argv + envp { free(pointer) } }
            var child: pid_t = 0
            let code = posix_spawnp(&child, command[0], &actions, nil, argv, envp)
            guard code == 0 else {
                try? FileManager.default.removeItem(at: scratch)
                throw LaunchError(code: code, executable: executable)
            }
            pid = child
        }

        deinit { try? FileManager.default.removeItem(at: scratch) }

        /// The exit status once the child has ended, nil while it runs.
        func poll() -> Int32? {
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
            let signal = status & 0x7F
            return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        }

        /// Kills the child and reaps it; -1 says it was killed for running too long.
        func kill() -> Int32 {
            _ = Glibc.kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
            return -1
        }

        func result(_ status: Int32) -> Result {
            Result(
                status: status,
                output: (try? Data(contentsOf: scratch.appendingPathComponent("out"))) ?? Data(),
                errorOutput: (try? Data(contentsOf: scratch.appendingPathComponent("err"))) ?? Data()
            )
        }
    }
}
