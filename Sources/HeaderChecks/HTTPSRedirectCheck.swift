public import CheckSupport
import Foundation
public import PortcullisCore

/// Fails an HTML page served over plain HTTP instead of redirecting to HTTPS: everything on it, the links to the
/// login and the cookies it sets can be read and rewritten by anyone on the network (OWASP ASVS V9.1.1).
///
/// The HTTPS page a redirect leads to is checked like any other page, so a redirect target without HSTS is
/// reported by the HSTS rule.
public struct HTTPSRedirectCheck: PageCheck {
    public init() {}

    public var rules: [RuleID] { [HeaderRules.httpsRedirectMissing] }

    public func check(_ page: Page) -> [Observation] {
        guard page.url.scheme?.lowercased() == "http", page.exchange.isHTML,
            (200...299).contains(page.response.status)
        else { return [] }
        let redirectedFrom = page.exchange.hops.count > 1 ? " (after \(page.exchange.hops.count - 1) redirect(s))" : ""
        return [
            .failed(
                HeaderRules.httpsRedirectMissing,
                at: page.url,
                "The page is served over plain HTTP\(redirectedFrom) instead of redirecting to HTTPS"
            )
        ]
    }
}
