public import CheckSupport
public import PortcullisCore
import PortcullisHTML

/// Fails an HTML page that is served without any enforced Content-Security-Policy.
///
/// A report-only policy does not count (it blocks nothing); a `<meta http-equiv>` policy does.
public struct ContentSecurityPolicyPresenceCheck: PageCheck {
    public init() {}

    public var rules: [RuleID] { [HeaderRules.cspMissing] }

    public func check(_ page: Page) -> [Observation] {
        guard page.isServed, page.exchange.isHTML else { return [] }
        let enforced = page.response.values(of: "Content-Security-Policy").filter { !$0.isBlank }
        if !enforced.isEmpty {
            return [.passed(HeaderRules.cspMissing, at: page.url, "Content-Security-Policy header present")]
        }
        if page.metaPolicies.contains(where: { !$0.isBlank }) {
            return [.passed(HeaderRules.cspMissing, at: page.url, "Content-Security-Policy set by <meta http-equiv>")]
        }
        let reportOnly = page.response.values(of: "Content-Security-Policy-Report-Only")
        let summary =
            reportOnly.isEmpty
            ? "No Content-Security-Policy header or <meta http-equiv> policy on this HTML page"
            : "Only Content-Security-Policy-Report-Only is sent; it reports but enforces nothing"
        return [
            .failed(
                HeaderRules.cspMissing,
                at: page.url,
                summary,
                snippet: reportOnly.first.map { "Content-Security-Policy-Report-Only: \($0)" }
            )
        ]
    }
}

extension Page {
    /// The policies of `<meta http-equiv="Content-Security-Policy">` elements in the document head.
    var metaPolicies: [String] {
        guard let document else { return [] }
        return document.elements(named: "meta").filter { element in
            element.attribute("http-equiv")?.lowercased() == "content-security-policy"
                && element.ancestors.contains { $0.name == "head" }
        }.compactMap { $0.attribute("content") }
    }
}

extension String {
    /// Whether the string is empty or only ASCII whitespace (an empty header value means nothing).
    var isBlank: Bool { allSatisfy { $0 == " " || $0 == "\t" } }
}
