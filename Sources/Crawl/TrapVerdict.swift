/// Why a URL is refused as a likely crawler trap, or a page as a near-duplicate.
public struct TrapVerdict: Sendable, Hashable, CustomStringConvertible {
    /// `repeated-path-segments`, `growing-query`, `calendar`, `too-long-url` or `duplicate-content`.
    public var kind: String
    /// What was seen, for the report.
    public var detail: String

    public init(kind: String, detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { "\(kind): \(detail)" }

    public static let repeatedPathSegments = "repeated-path-segments"
    public static let growingQuery = "growing-query"
    public static let calendar = "calendar"
    public static let tooLongURL = "too-long-url"
    public static let duplicateContent = "duplicate-content"
}
