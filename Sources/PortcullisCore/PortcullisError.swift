/// An error raised by Portcullis itself: a code to branch on, a reason for people, and where it arose.
///
/// Only ``code`` takes part in equality, so tests can compare against `PortcullisError(code: ...)`.
public struct PortcullisError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure, extensible without breaking callers.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A rule or profile file is malformed or inconsistent.
        public static let invalidRuleFile = Code(rawValue: "invalid-rule-file")
        /// A profile refers to something unknown or is malformed.
        public static let invalidProfile = Code(rawValue: "invalid-profile")
        /// The checks and the catalog disagree (unknown id emitted, rule without check).
        public static let catalogMismatch = Code(rawValue: "catalog-mismatch")
        /// The scan configuration (plan, flags) is invalid.
        public static let invalidConfiguration = Code(rawValue: "invalid-configuration")
        /// A file could not be read or written.
        public static let io = Code(rawValue: "io")
    }

    public var code: Code
    /// What went wrong, written for the person who has to fix it.
    public var reason: String
    /// The file the problem is in, when it comes from a file the user supplied.
    public var file: String?
    /// The 1-based line in ``file``, when known.
    public var line: Int?

    public init(_ code: Code, _ reason: String, file: String? = nil, line: Int? = nil) {
        self.code = code
        self.reason = reason
        self.file = file
        self.line = line
    }

    public var description: String {
        switch (file, line) {
        case (let file?, let line?): return "\(file):\(line): \(reason)"
        case (let file?, nil): return "\(file): \(reason)"
        default: return reason
        }
    }

    public static func == (lhs: PortcullisError, rhs: PortcullisError) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
