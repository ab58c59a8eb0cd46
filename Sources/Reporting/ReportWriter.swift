public import Foundation
public import PortcullisCore

/// Writes reports of a scan into a directory, one file per format.
public enum ReportWriter {
    /// Renders `result` in each of `formats` and writes it atomically to `directory`, creating the directory.
    ///
    /// Each format is written once even if listed twice; files are named by ``ReportFormat/fileName``.
    /// `options` (such as the gate threshold) are passed to every format that uses them.
    /// - Returns: The files written, in the order of `formats`.
    /// - Throws: ``ReportWriteError`` when the directory cannot be created or a report cannot be rendered or written.
    public static func write(
        _ result: ScanResult,
        formats: [ReportFormat],
        to directory: URL,
        options: ReportOptions = ReportOptions()
    ) throws -> [URL] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportWriteError(path: directory.path, reason: "cannot create directory: \(error)")
        }
        var seen = Set<ReportFormat>()
        var written: [URL] = []
        for format in formats where seen.insert(format).inserted {
            let file = directory.appendingPathComponent(format.fileName)
            let data: Data
            do {
                data = try format.render(result, options: options)
            } catch {
                throw ReportWriteError(path: file.path, reason: "cannot render \(format.rawValue) report: \(error)")
            }
            do {
                try data.write(to: file, options: .atomic)
            } catch {
                throw ReportWriteError(path: file.path, reason: "cannot write report: \(error)")
            }
            written.append(file)
        }
        return written
    }
}
