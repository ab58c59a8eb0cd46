/// A report could not be written: where, and why.
public struct ReportWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file or directory that could not be written.
    public var path: String
    /// What went wrong, for people.
    public var reason: String

    /// Creates an error for `path` with a human-readable `reason`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }
}
