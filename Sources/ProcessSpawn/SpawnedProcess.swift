public import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`, its standard input `/dev/null` or a pipe held open, its output in
/// files.
///
/// Foundation's `Process.run()` on Linux crashes intermittently (an over-read in `findMaximumOpenFromProcSelfFD`,
/// swift-corelibs-foundation #5472, still in Swift 6.3.1) when the parent holds many descriptors, which is exactly
/// what a test suite full of loopback servers does; every child Portcullis and its tests start goes through here.
public final class SpawnedProcess: @unchecked Sendable {
    /// What the child reads on standard input.
    public enum Input: Sendable {
        /// `/dev/null`: the child sees end of file at once.
        case null
        /// A pipe the parent keeps open until the child is reaped, for programs that stop at end of input
        /// (such as `openssl s_server`).
        case heldOpen
    }

    /// Why a child could not be started.
    public struct LaunchError: Error, CustomStringConvertible {
        /// The `errno` value.
        public var code: Int32
        /// The program that could not be started.
        public var executable: String
        /// `cannot start PROGRAM: reason`.
        public var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
    }

    /// The child's process id.
    public let pid: pid_t
    private let lock = NSLock()
    private var exitStatus: Int32?
    private var inputPipe: Int32?

    /// Starts `executable` (looked up in `PATH` when it has no slash) with `arguments`, standard output to
    /// `outputPath` and standard error to `errorPath` (the same file when equal; `/dev/null` when nil).
    public init(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String? = nil,
        input: Input = .null,
        outputPath: String?,
        errorPath: String?
    ) throws(LaunchError) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeEnds: [Int32] = [-1, -1]
        switch input {
        case .null:
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        case .heldOpen:
            // Both ends close on exec, so other children do not inherit them; dup2 onto 0 clears the flag for this
            // one. (glibc's pipe2 is not exported to Swift.)
            guard pipe(&pipeEnds) == 0 else { throw LaunchError(code: errno, executable: executable) }
            for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
        }
        let flags = O_WRONLY | O_CREAT | O_TRUNC
        posix_spawn_file_actions_addopen(&actions, 1, outputPath ?? "/dev/null", flags, 0o600)
        if let errorPath, errorPath == outputPath {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, errorPath ?? "/dev/null", flags, 0o600)
        }
        // Nothing else of this process leaks into the child: an inherited socket would keep a connection (or a
        // listening port) open after this process closed it, so a server would wait for a client that has left.
        if let closeFrom = Self.closeFrom { _ = closeFrom(&actions, 3) }
        // GNU env changes the directory for the child (glibc's addchdir action is not exported to Swift).
        let command = currentDirectory.map { ["env", "--chdir=\($0)", executable] } ?? [executable]
        let argv = (command + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var child: pid_t = 0
        let code = posix_spawnp(&child, command[0], &actions, nil, argv, envp)
        if input == .heldOpen { close(pipeEnds[0]) }
        guard code == 0 else {
            if input == .heldOpen { close(pipeEnds[1]) }
            throw LaunchError(code: code, executable: executable)
        }
        pid = child
        inputPipe = input == .heldOpen ? pipeEnds[1] : nil
    }

    deinit {
        if let inputPipe { close(inputPipe) }
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34 and later, declared only under `_GNU_SOURCE`,
    /// so looked up at run time), which closes every descriptor from a number on in the child.
    private static let closeFrom: CloseFrom? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: CloseFrom.self)
    }()

    /// The exit status once the child has ended (128 + signal when a signal ended it), nil while it runs.
    public func poll() -> Int32? {
        lock.withLock {
            if let exitStatus { return exitStatus }
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
            return reaped(status)
        }
    }

    /// Whether the child is still running.
    public var isRunning: Bool { poll() == nil }

    /// Kills the child with SIGKILL (which cannot be ignored) and reaps it; returns its status (128 + 9 when the
    /// kill ended it).
    @discardableResult public func kill() -> Int32 {
        lock.withLock {
            if let exitStatus { return exitStatus }
            _ = Glibc.kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
            return reaped(status)
        }
    }

    /// Waits up to `timeout` seconds for the child to end, polling; nil when it is still running.
    public func wait(timeout: Double) -> Int32? {
        let deadline = ContinuousClock.now + .seconds(timeout)
        while true {
            if let status = poll() { return status }
            if ContinuousClock.now > deadline { return nil }
            usleep(5_000)
        }
    }

    /// Waits up to `timeout` seconds without blocking a thread; nil when it is still running.
    public func waitAsync(timeout: Double) async throws -> Int32? {
        let deadline = ContinuousClock.now + .seconds(timeout)
        while true {
            if let status = poll() { return status }
            if ContinuousClock.now > deadline { return nil }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Records a reaped status and closes the input pipe; called with the lock held.
    private func reaped(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        exitStatus = code
        if let inputPipe { close(inputPipe) }
        inputPipe = nil
        return code
    }
}
