import Foundation
import PortcullisCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What every benchmark needs: CPU and memory figures from `getrusage`, durations in seconds, tools on the
/// `PATH`, bounded child processes and integer options.
enum BenchmarkSupport {
    /// User plus system CPU seconds of this process or of its waited-for children.
    static func cpuSeconds(children: Bool) -> Double {
        let usage = resourceUsage(children: children)
        func value(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return value(usage.ru_utime) + value(usage.ru_stime)
    }

    /// The peak resident set size of this process (or the largest of its waited-for children) in kilobytes.
    ///
    /// Linux reports `ru_maxrss` in kilobytes, macOS in bytes; the result is kilobytes on both.
    static func peakRSSKilobytes(children: Bool = false) -> Int {
        let value = Int(resourceUsage(children: children).ru_maxrss)
        #if canImport(Darwin)
        return value / 1024
        #else
        return value
        #endif
    }

    private static func resourceUsage(children: Bool) -> rusage {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t((children ? RUSAGE_CHILDREN : RUSAGE_SELF).rawValue), &usage)
        #else
        getrusage(children ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage)
        #endif
        return usage
    }

    /// A duration in seconds, as a Double.
    static func seconds(_ duration: Duration) -> Double {
        duration.seconds
    }

    /// The integer after `name` in `arguments`, if any.
    static func intOption(_ name: String, in arguments: [String]) -> Int? {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
        return Int(arguments[index + 1])
    }

    /// The full path of `tool` on the `PATH`, or `nil` when it is not installed.
    static func which(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    /// Waits for `process` at most `timeout` seconds, then terminates it (and kills it two seconds later if it
    /// is still running); returns whether it ended by itself in time.
    @discardableResult
    static func wait(for process: Process, timeout: Double) -> Bool {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while process.isRunning, ContinuousClock.now < deadline {
            usleep(10_000)
        }
        guard process.isRunning else {
            process.waitUntilExit()
            return true
        }
        process.terminate()
        for _ in 0..<200 where process.isRunning {
            usleep(10_000)
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return false
    }
}
