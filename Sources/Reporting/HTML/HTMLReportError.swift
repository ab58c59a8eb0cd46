/// Why the HTML audit report could not be rendered: the template file is unreadable or is not valid Mustache.
///
/// A struct with the offending file and a reason, so the CLI can print one clear line instead of crashing.
public struct HTMLReportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The template file (or `built-in`) the problem is in.
    public var file: String
    /// The line of the template the problem is on, when the parser could tell.
    public var line: Int?
    /// What is wrong, for people.
    public var reason: String

    /// Creates an error naming `file`, an optional `line` and the `reason`.
    public init(file: String, line: Int? = nil, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `file:line: reason`, the shape compilers use, so editors can jump to it.
    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }
}
