public import CheckSupport
public import PortcullisCore

/// Fails an HTTPS response without `Strict-Transport-Security` (RFC 6797): without it a network attacker can
/// strip the first request of a visit down to plain HTTP.
///
/// The header is meaningless over plain HTTP (browsers ignore it there, RFC 6797 §8.1), so only HTTPS counts.
public struct StrictTransportSecurityPresenceCheck: PageCheck {
    public init() {}

    public var rules: [RuleID] { [HeaderRules.hstsMissing] }

    public func check(_ page: Page) -> [Observation] {
        guard page.isServed, page.isHTTPS else { return [] }
        let values = page.response.values(of: "Strict-Transport-Security")
        guard values.allSatisfy(\.isBlank) else {
            return [.passed(HeaderRules.hstsMissing, at: page.url, "Strict-Transport-Security present")]
        }
        return [
            .failed(HeaderRules.hstsMissing, at: page.url, "HTTPS response without a Strict-Transport-Security header")
        ]
    }
}
