/// A failure in the HTML layer, e.g. an XPath expression libxml2 rejects.
///
/// A struct (code + reason + context) rather than an enum, so new codes never break callers.
public struct HTMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable, machine-readable failure kind.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The kebab-case identifier, e.g. `invalid-xpath`.
        public let rawValue: String

        /// Creates a code from its identifier.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The XPath expression does not compile or cannot be evaluated (syntax, unknown function, bad type).
        public static let invalidXPath = Code(rawValue: "invalid-xpath")
        /// The XPath evaluation took more operations than the safety limit allows.
        public static let xpathLimitExceeded = Code(rawValue: "xpath-limit-exceeded")
        /// libxml2 failed for a reason outside the expression (e.g. out of memory).
        public static let xpathFailed = Code(rawValue: "xpath-failed")

        /// The identifier.
        public var description: String { rawValue }
    }

    /// What went wrong, for programs.
    public let code: Code
    /// What went wrong, for people (libxml2's message when it gave one).
    public let reason: String
    /// The input concerned (e.g. the XPath expression), capped at 200 characters.
    public let context: String

    /// Creates an error; `context` is capped so hostile input cannot bloat logs.
    public init(code: Code, reason: String, context: String = "") {
        self.code = code
        self.reason = reason
        self.context = context.count > 200 ? String(context.prefix(200)) + "…" : context
    }

    /// `code: reason (context)`.
    public var description: String {
        context.isEmpty ? "\(code): \(reason)" : "\(code): \(reason) (\(context))"
    }
}
