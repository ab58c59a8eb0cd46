/// Every policy that applies to one response (CSP3 §2.2.2, §8.1): header lines, comma-separated members of one
/// header value, Report-Only lines and `<meta http-equiv>` policies.
public struct PolicyList: Hashable, Sendable {
    /// All policies in delivery order (headers, report-only headers, then meta).
    public var policies: [Policy]

    /// Creates a list from parsed policies.
    public init(policies: [Policy]) {
        self.policies = policies
    }

    /// The policies that block (disposition `enforce`); report-only ones never count (CSP3 §3.2).
    public var enforced: [Policy] { policies.filter { $0.disposition == .enforce } }

    /// Whether at least one enforced policy exists.
    public var hasEnforcedPolicy: Bool { !enforced.isEmpty }

    /// Parses header field values and meta `content` values. Each header value is split on commas into separate
    /// policies (CSP3 §2.2.2 step 1, edge cases 1–2); policies without directives are dropped; meta policies are
    /// not comma-split and lose `frame-ancestors`, `report-uri` and `sandbox` (CSP3 §3.3, edge case 19).
    public static func parse(
        headerValues: [String],
        reportOnlyValues: [String] = [],
        metaValues: [String] = []
    ) -> PolicyList {
        var policies: [Policy] = []
        for (values, disposition) in [(headerValues, Policy.Disposition.enforce), (reportOnlyValues, .report)] {
            for value in values {
                for member in value.split(separator: ",", omittingEmptySubsequences: false) {
                    let policy = ContentSecurityPolicy.parse(String(member), disposition: disposition)
                    if !policy.directives.isEmpty { policies.append(policy) }
                }
            }
        }
        for value in metaValues {
            let policy = ContentSecurityPolicy.parse(value, disposition: .enforce, source: .meta)
            if !policy.directives.isEmpty { policies.append(policy) }
        }
        return PolicyList(policies: policies)
    }
}
