public import Foundation
public import PortcullisCore

/// Writes reports of a scan into a directory, one file per format.
public enum ReportWriter {
    /// Renders `result` in each of `formats` into `directory`, creating the directory.
    ///
    /// Each format is written once even if listed twice; files are named by ``ReportFormat/fileName``.
    /// Formats render side by side on the machine's cores, each streaming into a temporary file that is renamed
    /// into place when complete, so a reader never sees half a report and a failure leaves no partial file.
    /// `options` (the gate threshold, the baseline) are passed to every format that uses them.
    /// - Returns: The files written, in the order of `formats`.
    /// - Throws: ``ReportWriteError`` for the first format (in `formats` order) that could not be rendered or
    ///   written, or when the directory cannot be created.
    public static func write(
        _ result: ScanResult,
        formats: [ReportFormat],
        to directory: URL,
        options: ReportOptions = ReportOptions()
    ) throws(ReportWriteError) -> [URL] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportWriteError(path: directory.path, reason: "cannot create directory: \(error)")
        }
        var seen = Set<ReportFormat>()
        let unique = formats.filter { seen.insert($0).inserted }
        let outcomes = Outcomes(count: unique.count)
        DispatchQueue.concurrentPerform(iterations: unique.count) { index in
            let file = directory.appendingPathComponent(unique[index].fileName)
            do throws(ReportWriteError) {
                try write(result, format: unique[index], options: options, to: file)
                outcomes.set(index, nil)
            } catch {
                outcomes.set(index, error)
            }
        }
        if let failure = outcomes.firstError { throw failure }
        return unique.map { directory.appendingPathComponent($0.fileName) }
    }

    /// Streams one format into a temporary file beside `file`, then renames it over `file`.
    private static func write(
        _ result: ScanResult,
        format: ReportFormat,
        options: ReportOptions,
        to file: URL
    ) throws(ReportWriteError) {
        let temporary = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).\(UUID().uuidString).partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary.path)
        else {
            throw ReportWriteError(path: file.path, reason: "cannot create file")
        }
        defer { try? FileManager.default.removeItem(at: temporary) }
        // Closed exactly once, whatever happens: a second close could hit a descriptor another thread just opened.
        let written = Result { () throws(ReportWriteError) in
            let stream = ReportStream(writingTo: handle, path: file.path)
            do {
                try format.write(result, options: options, to: stream)
            } catch {
                throw ReportWriteError(path: file.path, reason: "cannot render \(format.rawValue) report: \(error)")
            }
            try stream.flush()
        }
        let closed = Result { try handle.close() }
        try written.get()
        if case .failure(let error) = closed {
            throw ReportWriteError(path: file.path, reason: "cannot write report: \(error)")
        }
        // rename(2) replaces an existing report atomically; Foundation's replaceItemAt needs one to exist.
        guard rename(temporary.path, file.path) == 0 else {
            throw ReportWriteError(path: file.path, reason: "cannot write report: \(String(cString: strerror(errno)))")
        }
    }

    /// Each format's error (or none), filled in from several threads.
    private final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: [ReportWriteError?]

        init(count: Int) { errors = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ error: ReportWriteError?) {
            lock.withLock { errors[index] = error }
        }

        var firstError: ReportWriteError? {
            lock.withLock { errors.lazy.compactMap { $0 }.first }
        }
    }
}
