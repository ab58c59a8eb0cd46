import Foundation
import Reporting
import Scanning
import Synchronization

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

/// Progress on stderr: on a terminal, one self-updating line per provider (pages done, queued, errors, pages/s);
/// otherwise a plain line per provider every ten seconds and when it finishes, for CI logs.
final class ProgressBoard: Sendable {
    /// How progress is shown.
    enum Mode {
        case live
        case plain
        case off
    }

    private struct Board {
        var lines: [(provider: String, text: String)] = []
        var drawnLines = 0
        var lastDraw: ContinuousClock.Instant?
    }

    let mode: Mode
    private let board = Mutex(Board())
    private let plainTimes = Mutex<[String: ContinuousClock.Instant]>([:])

    init(mode: Mode) { self.mode = mode }

    func update(_ progress: ScanProgress) {
        switch mode {
        case .off: return
        case .plain: plain(progress)
        case .live: live(progress)
        }
    }

    private func plain(_ progress: ScanProgress) {
        let now = ContinuousClock.now
        let due = plainTimes.withLock { times -> Bool in
            guard progress.finished || times[progress.provider].map({ now - $0 > .seconds(10) }) ?? false else {
                if times[progress.provider] == nil { times[progress.provider] = now }
                return false
            }
            times[progress.provider] = now
            return true
        }
        guard due else { return }
        let line =
            "\(progress.finished ? "crawled" : "crawling") \(progress.provider): \(progress.pages) pages, "
            + "\(progress.queued) queued, \(progress.errors) errors, "
            + String(format: "%.1f pages/s", progress.pagesPerSecond)
        FileHandle.standardError.write(Data((TerminalText.clean(line) + "\n").utf8))
    }

    private func live(_ progress: ScanProgress) {
        let text =
            "\(progress.provider): \(progress.pages) pages, \(progress.queued) queued, \(progress.errors) errors, "
            + String(format: "%.1f pages/s", progress.pagesPerSecond) + (progress.finished ? ", done" : "")
        let now = ContinuousClock.now
        let output = board.withLock { board -> String? in
            if let index = board.lines.firstIndex(where: { $0.provider == progress.provider }) {
                board.lines[index].text = text
            } else {
                board.lines.append((progress.provider, text))
            }
            let due = progress.finished || board.lastDraw.map { now - $0 > .milliseconds(100) } ?? true
            guard due else { return nil }
            board.lastDraw = now
            let up = board.drawnLines > 0 ? "\u{1B}[\(board.drawnLines)A" : ""
            board.drawnLines = board.lines.count
            return up + board.lines.map { "\r\u{1B}[2K" + TerminalText.clean($0.text) + "\n" }.joined()
        }
        if let output { FileHandle.standardError.write(Data(output.utf8)) }
    }
}

/// Scanned text made safe for a terminal.
enum TerminalText {
    static func clean(_ text: String) -> String { TerminalSanitizer.neutralize(text) }
}
