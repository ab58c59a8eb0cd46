public import CheckSupport
import Foundation
public import PortcullisCore

/// Fails an HTML page that any site may frame: neither `X-Frame-Options` (`DENY` / `SAMEORIGIN`) nor an
/// enforced CSP `frame-ancestors` directive is sent (clickjacking, CWE-1021).
///
/// `frame-ancestors` in `<meta>` policies is ignored by browsers, so only header policies count.
public struct AntiFramingCheck: PageCheck {
    public init() {}

    public var rules: [RuleID] { [HeaderRules.antiFramingMissing] }

    public func check(_ page: Page) -> [Observation] {
        guard page.isServed, page.exchange.isHTML else { return [] }
        let hasFrameAncestors = page.headerPolicyHasFrameAncestors
        if hasFrameAncestors {
            return [.passed(HeaderRules.antiFramingMissing, at: page.url, "CSP frame-ancestors present")]
        }
        let frameOptions = page.response.values(of: "X-Frame-Options")
        if XFrameOptions.blocksCrossOriginFraming(frameOptions) {
            return [.passed(HeaderRules.antiFramingMissing, at: page.url, "X-Frame-Options present")]
        }
        let summary =
            frameOptions.isEmpty
            ? "Neither X-Frame-Options nor CSP frame-ancestors is sent; any site can frame this page"
            : "X-Frame-Options has no valid value (DENY or SAMEORIGIN) and CSP frame-ancestors is absent"
        return [
            .failed(
                HeaderRules.antiFramingMissing,
                at: page.url,
                summary,
                snippet: frameOptions.isEmpty ? nil : "X-Frame-Options: \(frameOptions.joined(separator: ", "))"
            )
        ]
    }
}

/// The HTML standard's reading of `X-Frame-Options` (HTML §7.1.1 "check a navigation response's adherence").
enum XFrameOptions {
    /// Whether the header lines stop a cross-origin page from framing the response.
    ///
    /// Values are split on commas, trimmed and lower-cased. Several distinct values block when one of them is
    /// `deny`, `sameorigin` or `allowall`, and allow otherwise; a single `deny` or `sameorigin` blocks; anything
    /// else (`ALLOW-FROM`, `ALLOWALL`, typos) is ignored, which allows framing.
    static func blocksCrossOriginFraming(_ headerValues: [String]) -> Bool {
        guard !headerValues.isEmpty else { return false }
        let values = Set(
            headerValues.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }.map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }
        )
        let known: Set<String> = ["deny", "sameorigin", "allowall"]
        if values.count > 1 { return !values.isDisjoint(with: known) }
        return values.contains("deny") || values.contains("sameorigin")
    }
}
