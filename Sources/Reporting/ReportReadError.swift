/// Why a saved Portcullis JSON report could not be read back: the file, and what is wrong with it.
///
/// Saved reports are hand-edited, truncated and produced by other versions; each of those ends here with a
/// message a person can act on, never a crash.
public struct ReportReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or other source name) the report came from.
    public var file: String
    /// Where in the document the problem is, such as `findings[3].severity`; empty when it is the whole file.
    public var codingPath: String
    /// What is wrong, for people.
    public var reason: String

    /// Creates an error for `file`, at `codingPath` within the document.
    public init(file: String, codingPath: String = "", reason: String) {
        self.file = file
        self.codingPath = codingPath
        self.reason = reason
    }

    /// `file: at path: reason`, or `file: reason` when the whole file is at fault.
    public var description: String {
        codingPath.isEmpty ? "\(file): \(reason)" : "\(file): at \(codingPath): \(reason)"
    }
}
