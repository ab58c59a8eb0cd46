import Foundation
public import PortcullisCore

/// A compiled regular expression from the scan configuration, compared by its text.
///
/// Matching searches anywhere in the normalised URL (anchor with `^` and `$` to match it whole).
public struct ScopePattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let regex: NSRegularExpression

    /// Compiles `pattern`; an invalid one is a configuration error naming `role` (e.g. "--exclude").
    public init(_ pattern: String, role: String) throws(PortcullisError) {
        do {
            regex = try NSRegularExpression(pattern: pattern)
        } catch {
            throw PortcullisError(.invalidConfiguration, "\(role): invalid regular expression '\(pattern)'")
        }
        self.pattern = pattern
    }

    /// Whether the pattern matches somewhere in `text`.
    public func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    public var description: String { pattern }

    public static func == (lhs: ScopePattern, rhs: ScopePattern) -> Bool { lhs.pattern == rhs.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }
}
