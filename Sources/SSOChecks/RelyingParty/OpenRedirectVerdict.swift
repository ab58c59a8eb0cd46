import Foundation
import PortcullisCore

/// RP-17: does a return parameter send the browser off-site?
///
/// A Location is resolved the way browsers resolve it (WHATWG URL: tabs and newlines dropped, `\` read as `/`,
/// `//host` network-path references, `http:host` without slashes, userinfo `provider@evil`). It fails when it
/// lands on the probe's `.invalid` host; a redirect to another host that carries the target along (the identity
/// provider's logout with `post_logout_redirect_uri`) needs review; on-site, no redirect, or another host without
/// the target passes.
enum OpenRedirectVerdict {
    static func judge(_ response: ProbeResponse, parameter: String, providerOrigin: URL, at url: URL) -> Observation {
        let rule = RelyingPartyRules.openRedirect
        let key = (url.path.isEmpty ? "/" : url.path) + " " + parameter
        func make(_ outcome: Observation.Outcome, _ reason: String) -> Observation {
            CallbackJudge.make(rule, outcome, reason, response, url, key: key)
        }
        guard response.failure == nil else { return make(.needsReview, "No response") }
        let targetHost = URL(string: CallbackJudge.offSiteTarget)?.host() ?? "portcullis-open-redirect.invalid"
        guard response.isRedirect, let location = response.location else {
            if (200...299).contains(response.status), refreshes(response.text, to: targetHost) {
                return make(.failed, "\(parameter) sends the browser off-site through a meta refresh to \(targetHost)")
            }
            return make(.passed, "\(parameter) does not redirect (status \(response.status))")
        }
        let base = URL(string: response.requestURL) ?? url
        let host = resolvedHost(location, base: base)
        let ownHost = OriginComparison.host(of: providerOrigin) ?? ""
        guard let host, host != ownHost else {
            return make(.passed, "\(parameter) redirects on-site")
        }
        if host == targetHost || host.hasSuffix(".invalid") {
            return make(
                .failed,
                "\(parameter) redirects the browser off-site to \(host): an open redirect that phishing and token "
                    + "theft (redirect_uri chains) can use"
            )
        }
        if location.lowercased().contains(targetHost) || location.contains(RawQuery.escape(CallbackJudge.offSiteTarget))
        {
            return make(
                .needsReview,
                "\(parameter) redirects to \(host) and passes the off-site target along; whether \(host) honours it "
                    + "is the identity provider's logout check"
            )
        }
        return make(.passed, "\(parameter) redirects to \(host), not to the injected target")
    }

    /// The host a browser would go to for `location` from `base`, lowercased; nil when it stays on `base`'s host
    /// by a relative reference; a non-http scheme (`javascript:`, which browsers do not follow from a Location) is
    /// named in parentheses.
    static func resolvedHost(_ location: String, base: URL) -> String? {
        var text = location.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters))
        text.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        text = text.replacingOccurrences(of: "\\", with: "/")
        let baseScheme = base.scheme?.lowercased() ?? "https"
        var rest = Substring(text)
        if let colon = rest.firstIndex(of: ":"),
            rest[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }),
            rest.first?.isLetter == true
        {
            let scheme = rest[..<colon].lowercased()
            rest = rest[rest.index(after: colon)...]
            guard scheme == "http" || scheme == "https" else { return "(\(scheme): URL)" }
            if scheme == baseScheme && !rest.hasPrefix("//") { return nil }
            rest = rest.drop { $0 == "/" }
        } else if rest.hasPrefix("//") {
            rest = rest.drop { $0 == "/" }
        } else {
            return nil
        }
        var authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = String(authority)
        if host.hasPrefix("[") {
            host = String(host.prefix { $0 != "]" }) + "]"
        } else if let colon = host.firstIndex(of: ":") {
            host = String(host[..<colon])
        }
        host = (host.removingPercentEncoding ?? host).lowercased()
        if host.hasSuffix(".") { host.removeLast() }
        return host
    }

    private static func refreshes(_ html: String, to host: String) -> Bool {
        let lower = html.lowercased()
        guard let refresh = lower.range(of: "http-equiv=\"refresh\"") ?? lower.range(of: "http-equiv=refresh") else {
            return false
        }
        return lower[refresh.upperBound...].prefix(400).contains(host)
    }
}
