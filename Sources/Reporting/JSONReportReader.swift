public import Foundation
public import PortcullisCore

/// Reads a saved Portcullis JSON report back into the ``ScanResult`` it was rendered from.
///
/// The inverse of ``JSONReporter``: `portcullis report` re-renders saved scans in other formats and
/// `portcullis diff` / `--baseline` compare them, all without rescanning. Any report of the same major
/// schema version is accepted (minor versions only add fields); derived fields (the summary) are recomputed
/// rather than trusted. Rendering the result again gives the same JSON.
public enum JSONReportReader {
    /// Decodes `data`, the contents of a JSON report read from `file` (used only in messages).
    ///
    /// - Throws: ``ReportReadError`` naming `file` when the data is not JSON, is truncated, comes from another
    ///   major schema version, or has a field of the wrong type or value (with its coding path).
    public static func read(_ data: Data, file: String) throws(ReportReadError) -> ScanResult {
        let decoder = JSONDecoder()
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch {
            throw readError(error, file: file)
        }
        let supported = JSONReporter.schemaVersion
        guard major(of: header.schemaVersion) == major(of: supported) else {
            throw ReportReadError(
                file: file,
                codingPath: "schemaVersion",
                reason: "report schema version \(header.schemaVersion) is not supported: "
                    + "this Portcullis reads major version \(major(of: supported)) (writes \(supported))"
            )
        }
        let document: JSONReportDocument
        do {
            document = try decoder.decode(JSONReportDocument.self, from: data)
        } catch {
            throw readError(error, file: file)
        }
        return try ScanResultBuilder(file: file).result(from: document)
    }

    /// Reads the JSON report at `url`.
    ///
    /// - Throws: ``ReportReadError`` when the file cannot be read or its contents are not a valid report.
    public static func read(contentsOf url: URL) throws(ReportReadError) -> ScanResult {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ReportReadError(file: url.path, reason: "cannot read file: \(error.localizedDescription)")
        }
        return try read(data, file: url.path)
    }

    /// Just enough of a report to know which version it claims to be.
    private struct Header: Decodable {
        var schemaVersion: String
    }

    private static func major(of version: String) -> String {
        String(version.split(separator: ".", maxSplits: 1).first ?? Substring(version))
    }

    /// Turns a decoding failure into a message naming the file and, where known, the coding path.
    static func readError(_ error: any Error, file: String) -> ReportReadError {
        guard let error = error as? DecodingError else {
            return ReportReadError(file: file, reason: "not a Portcullis JSON report: \(error.localizedDescription)")
        }
        switch error {
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return ReportReadError(file: file, reason: "not valid JSON (truncated or corrupted file)")
            }
            return ReportReadError(
                file: file,
                codingPath: path(context.codingPath),
                reason: context.debugDescription
            )
        case .keyNotFound(let key, let context):
            return ReportReadError(
                file: file,
                codingPath: path(context.codingPath + [key]),
                reason: "required field is missing"
            )
        case .typeMismatch(let type, let context):
            return ReportReadError(
                file: file,
                codingPath: path(context.codingPath),
                reason: "expected \(typeName(type))"
            )
        case .valueNotFound(let type, let context):
            return ReportReadError(
                file: file,
                codingPath: path(context.codingPath),
                reason: "expected \(typeName(type)), found null"
            )
        @unknown default:
            return ReportReadError(file: file, reason: "not a Portcullis JSON report: \(error)")
        }
    }

    /// A coding path as `findings[3].severity`.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") ? "an array" : name.hasPrefix("Dictionary") ? "an object" : name
        }
    }
}
