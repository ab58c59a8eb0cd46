import Foundation
import Scanning

/// What the process knows about the terminal it writes to.
enum Terminal {
    /// Whether `handle` is a terminal a person watches.
    static func isInteractive(_ handle: FileHandle) -> Bool { isatty(handle.fileDescriptor) == 1 }

    /// Whether ANSI colours are welcome on `handle` (a terminal, `NO_COLOR` unset, `TERM` not `dumb`).
    static func supportsColor(_ handle: FileHandle) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        return isInteractive(handle) && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }
}

/// A single self-overwriting progress line on stderr, for people watching a long scan.
final class ProgressLine: Sendable {
    let enabled: Bool

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ progress: ScanProgress) {
        guard enabled else { return }
        let line = "\r\u{1B}[2Kscanned \(progress.done)/\(progress.total), failed \(progress.failed)"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
