import DemoProviders
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fixture server (the provider zoo) running in a child process, `portcullis-bench http --serve-zoo`.
///
/// Serving from another process keeps the server's CPU and memory out of the benchmark's own `getrusage`
/// figures. The child prints its fixture URL on one line and stops when its stdin closes, so it also ends when
/// the benchmark dies.
struct ZooChild {
    let process: Process
    let input: Pipe
    let baseURL: URL

    /// Why the child could not be started.
    struct StartError: Error, CustomStringConvertible {
        var description: String
    }

    /// The command-line flag that puts `portcullis-bench http` in serve mode.
    static let serveFlag = "--serve-zoo"
    /// The longest line the child may print before its URL is considered missing.
    private static let maxLineBytes = 1_024

    /// Starts the child with a benchmark site of `siteSize` pages (`/site/0` ... `/site/<siteSize - 1>`).
    static func start(siteSize: Int = 2_000) throws -> ZooChild {
        let process = Process()
        process.executableURL = selfExecutable()
        process.arguments = ["http", serveFlag, "--site-size", "\(siteSize)"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line = Data()
        while line.count < maxLineBytes {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        guard let url = URL(string: String(decoding: line, as: UTF8.self)), url.host == "127.0.0.1" else {
            process.terminate()
            process.waitUntilExit()
            throw StartError(description: "the zoo child printed no loopback URL")
        }
        return ZooChild(process: process, input: input, baseURL: url)
    }

    /// Closes the child's stdin (its signal to stop) and waits up to five seconds before terminating it.
    func stop() {
        try? input.fileHandleForWriting.close()
        for _ in 0..<500 where process.isRunning {
            usleep(10_000)
        }
        if process.isRunning {
            process.terminate()
        }
        process.waitUntilExit()
    }

    /// The child side: serve the zoo (`--site-size N`, default 2,000), print the fixture URL, exit when the
    /// parent closes stdin.
    static func serve(arguments: [String]) async throws {
        let siteSize = BenchmarkSupport.intOption("--site-size", in: arguments) ?? 2_000
        let zoo = try await DemoProviderZoo.start(siteSize: siteSize)
        FileHandle.standardOutput.write(Data((zoo.fixturesHTTP.absoluteString + "\n").utf8))
        await Task.detached {
            _ = FileHandle.standardInput.readDataToEndOfFile()
        }.value
        try await zoo.shutdown()
    }

    /// This benchmark's own executable, for starting children of it.
    static func selfExecutable() -> URL {
        let path =
            FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : CommandLine.arguments[0]
        return URL(fileURLWithPath: path).resolvingSymlinksInPath()
    }
}
