import Foundation
import HeaderAnalysis
import PortcullisCore
import TLSChecks

/// What an entry page's exchange says about transport security, for the TLS host probe's HSTS cross-check:
/// the HSTS policy of an HTTPS origin's own first response, and whether a plain-HTTP entry moves to HTTPS.
struct TransportSecurity: Sendable, Hashable {
    /// The origin the entry URL belongs to.
    var origin: Origin
    /// For an HTTPS entry: the Strict-Transport-Security its first response carries.
    var hsts: HSTSFact?
    /// For an HTTP entry: whether its first response redirects to HTTPS on the same host.
    var redirectsToHTTPS: Bool?

    /// Reads the first hop of `exchange` (the entry URL's own answer, before any redirect).
    init?(_ exchange: Exchange) {
        guard let first = exchange.hops.first, let origin = Origin(exchange.requestURL) else { return nil }
        self.origin = origin
        switch origin.scheme {
        case "https":
            let policy = StrictTransportSecurity(headers: first.headers, isHTTPS: true)
            hsts = policy.isEnforced ? .maxAge(Int(clamping: policy.maxAge ?? 0)) : .missing
        case "http":
            let target = first.location.flatMap { URL(string: $0, relativeTo: exchange.requestURL)?.absoluteURL }
            redirectsToHTTPS =
                first.isRedirect && target?.scheme?.lowercased() == "https"
                && target?.host(percentEncoded: false)?.lowercased()
                    == exchange.requestURL.host(percentEncoded: false)?.lowercased()
        default:
            return nil
        }
    }
}
