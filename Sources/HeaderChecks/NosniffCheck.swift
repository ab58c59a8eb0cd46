public import CheckSupport
import Foundation
public import PortcullisCore

/// Fails a response whose `X-Content-Type-Options` is missing or is not `nosniff`.
///
/// Per the Fetch standard only the first comma-separated value counts, compared case-insensitively after
/// trimming whitespace.
public struct NosniffCheck: PageCheck {
    public init() {}

    public var rules: [RuleID] { [HeaderRules.nosniffMissing] }

    public func check(_ page: Page) -> [Observation] {
        guard page.isServed else { return [] }
        let values = page.response.values(of: "X-Content-Type-Options")
        guard let combined = values.isEmpty ? nil : values.joined(separator: ",") else {
            return [.failed(HeaderRules.nosniffMissing, at: page.url, "No X-Content-Type-Options header")]
        }
        let first = combined.split(separator: ",", omittingEmptySubsequences: false).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        if first == "nosniff" {
            return [.passed(HeaderRules.nosniffMissing, at: page.url, "X-Content-Type-Options: nosniff")]
        }
        return [
            .failed(
                HeaderRules.nosniffMissing,
                at: page.url,
                "X-Content-Type-Options is present but its first value is not 'nosniff'",
                snippet: "X-Content-Type-Options: \(combined)",
                key: "invalid"
            )
        ]
    }
}
