public import Foundation
public import PortcullisCore

/// RURI: the authorization endpoint must match `redirect_uri` exactly (RFC 9700 §4.1.3): these are the tampered
/// requests that test it, and the verdict on each answer.
public enum RedirectURITampering {
    /// The foreign host used by the tampering variants (RFC 6761: never resolves).
    public static let foreignHost = "evil.invalid"

    /// Variants of the legitimate request (its parameters, with our own fresh state): redirect_uri with path suffix,
    /// appended path segment, trailing slash, added query, fragment, case change (host and path), other port,
    /// `host.evil.invalid` suffix, `host@evil.invalid` userinfo, encoded `%2F..` traversal, http downgrade, foreign
    /// host, `javascript:` URI; and the redirect_uri parameter duplicated (legit+foreign, foreign+legit) — raw query
    /// strings so duplicates survive. Variants that would equal the legitimate URI are left out; none without a
    /// `redirect_uri` parameter.
    public static func variants(legitimate: [QueryParameter]) -> [TamperedAuthorizationRequest] {
        guard let index = legitimate.firstIndex(where: { $0.name == "redirect_uri" }) else { return [] }
        let legit = legitimate[index].value
        var result: [TamperedAuthorizationRequest] = []
        for (name, smuggled) in smuggledURIs(for: legit) where smuggled != legit {
            var parameters = legitimate
            parameters[index].value = smuggled
            result.append(.init(name: name, rawQuery: RawQuery.encode(parameters), smuggledRedirectURI: smuggled))
        }
        let foreign = foreignURI(for: legit)
        var legitFirst = legitimate
        legitFirst.insert(QueryParameter("redirect_uri", foreign), at: index + 1)
        var foreignFirst = legitimate
        foreignFirst.insert(QueryParameter("redirect_uri", foreign), at: index)
        result.append(
            .init(name: "duplicate-legit-first", rawQuery: RawQuery.encode(legitFirst), smuggledRedirectURI: foreign)
        )
        result.append(
            .init(
                name: "duplicate-foreign-first",
                rawQuery: RawQuery.encode(foreignFirst),
                smuggledRedirectURI: foreign
            )
        )
        return result
    }

    /// RURI verdict for one variant, given the legitimate request's response (`baseline`, normally the login page).
    /// Failed: a Location to the smuggled URI (any Location leaving to the smuggled host/scheme), or a page that
    /// posts or refreshes to it. Needs review: the same answer as the baseline (the login page) — the IdP may
    /// validate only after login; say so. Passed: an error (4xx, or a page different from the login page, or a
    /// redirect to an error on the IdP itself).
    public static func judge(
        _ variant: TamperedAuthorizationRequest,
        response: ProbeResponse,
        baseline: ProbeResponse,
        endpoint: URL
    ) -> Observation {
        let legit = URL(string: baseline.requestURL).flatMap { RawQuery.parameters(of: $0) }?
            .first { $0.name == "redirect_uri" }?.value
        let smuggled = variant.smuggledRedirectURI
        func verdict(_ outcome: Observation.Outcome, _ why: String) -> Observation {
            Observation(
                ruleID: IdentityProviderRule.redirectURITampering,
                outcome: outcome,
                url: endpoint,
                evidence: Evidence(
                    summary: "Tampered redirect_uri (\(variant.name)) \(smuggled): \(why). \(response.evidence)",
                    snippet: response.location.map { "Location: \(SecretMasker.maskParameters(in: $0))" }
                ),
                key: variant.name
            )
        }
        if let failure = response.failure {
            return verdict(.needsReview, "no response (\(failure)), so no verdict")
        }
        if let target = LocationTarget.resolve(response) {
            if leads(to: target, smuggled: smuggled, legitimate: legit) {
                return verdict(.failed, "the identity provider redirected to the tampered URI")
            }
            if ResponseSimilarity.sameAnswer(response, baseline) {
                return verdict(.needsReview, sameAsBaseline)
            }
            if LocationTarget.isOn(endpoint, target) {
                return verdict(.passed, "refused: redirected within the identity provider, not to the tampered URI")
            }
            return verdict(.needsReview, "redirected elsewhere, neither to the tampered URI nor within the provider")
        }
        if PageTargets.sendsBrowser(to: smuggled, in: response.text) {
            return verdict(.failed, "the page posts or refreshes to the tampered URI (form_post or meta refresh)")
        }
        if ResponseSimilarity.sameAnswer(response, baseline) {
            return verdict(.needsReview, sameAsBaseline)
        }
        if response.status >= 400 {
            return verdict(.passed, "refused with status \(response.status)")
        }
        if (200...299).contains(response.status) {
            return verdict(.passed, "refused: an error page different from the login page")
        }
        return verdict(.needsReview, "status \(response.status) without a Location")
    }

    private static let sameAsBaseline =
        "answered like the legitimate request (the login page): the identity provider may check redirect_uri only "
        + "after login, so this is not confirmed; log in with a test account to confirm"

    /// Whether `target` goes to the smuggled URI: the same scheme, authority and path with its query and fragment,
    /// or the smuggled scheme or host where that differs from the legitimate one.
    static func leads(to target: String, smuggled: String, legitimate: String?) -> Bool {
        guard let location = RedirectURIText(target), let tampered = RedirectURIText(smuggled) else {
            return target.hasPrefix(smuggled)
        }
        let legit = legitimate.flatMap(RedirectURIText.init)
        if location.scheme.lowercased() == tampered.scheme.lowercased(), location.authority == tampered.authority,
            location.path == tampered.path
        {
            let sent = Set(RawQuery.parse(tampered.query ?? "").map { "\($0.name)=\($0.value)" })
            let received = Set(RawQuery.parse(location.query ?? "").map { "\($0.name)=\($0.value)" })
            let fragmentKept = tampered.fragment.map { location.fragment?.contains($0) ?? false } ?? true
            if sent.isSubset(of: received) && fragmentKept { return true }
        }
        let schemeChanged = tampered.scheme.lowercased() != legit?.scheme.lowercased()
        if schemeChanged, location.scheme.lowercased() == tampered.scheme.lowercased(),
            tampered.host == nil || location.host == tampered.host
        {
            return true
        }
        if let host = tampered.host, host != legit?.host, location.host == host { return true }
        return false
    }

    private static func smuggledURIs(for legit: String) -> [(String, String)] {
        var result: [(String, String)] = []
        if let parts = RedirectURIText(legit), parts.authority != nil {
            func with(_ change: (inout RedirectURIText) -> Void) -> String {
                var copy = parts
                change(&copy)
                return copy.text
            }
            let path = parts.path
            result.append(("path-suffix", with { $0.path = (path.isEmpty ? "/" : path) + "evil" }))
            result.append(("appended-path", with { $0.path = MetadataReader.dropping("/", from: path) + "/evil" }))
            if path.count > 1 {
                result.append(
                    ("trailing-slash", with { $0.path = path.hasSuffix("/") ? String(path.dropLast()) : path + "/" })
                )
            }
            result.append(("added-query", with { $0.query = ($0.query.map { $0 + "&" } ?? "") + "evil=1" }))
            result.append(("fragment", with { $0.fragment = "evil" }))
            result.append(("host-case", with { $0.authority = swapCase(ofHostIn: $0.authority ?? "") }))
            result.append(("path-case", with { $0.path = path.uppercased() }))
            result.append(("other-port", with { $0.authority = otherPort($0.authority ?? "") }))
            result.append(("host-suffix", with { $0.authority = hostSuffixed($0.authority ?? "") }))
            result.append(("userinfo", with { $0.authority = ($0.hostPort ?? "") + "@" + foreignHost }))
            result.append(("encoded-traversal", with { $0.path = path + "%2F..%2F..%2Fevil" }))
            if parts.scheme.lowercased() == "https" {
                result.append(("http-downgrade", with { $0.scheme = "http" }))
            }
        }
        result.append(("foreign-host", foreignURI(for: legit)))
        result.append(("javascript-uri", "javascript:alert(document.domain)//"))
        return result
    }

    /// `https://evil.invalid` with the legitimate path, the smuggled value of foreign and duplicate variants.
    static func foreignURI(for legit: String) -> String {
        let path = RedirectURIText(legit)?.path ?? ""
        return "https://\(foreignHost)" + (path.isEmpty ? "/" : path)
    }

    private static func splitHostPort(_ authority: String) -> (userinfo: String, host: String, port: String) {
        var rest = Substring(authority)
        var userinfo = ""
        if let at = rest.lastIndex(of: "@") {
            userinfo = String(rest[...at])
            rest = rest[rest.index(after: at)...]
        }
        let hostEnd = rest.hasPrefix("[") ? rest.firstIndex(of: "]").map { rest.index(after: $0) } : nil
        let searchFrom = hostEnd ?? rest.startIndex
        if let colon = rest[searchFrom...].firstIndex(of: ":") {
            return (userinfo, String(rest[..<colon]), String(rest[colon...]))
        }
        return (userinfo, String(rest), "")
    }

    private static func swapCase(ofHostIn authority: String) -> String {
        let (userinfo, host, port) = splitHostPort(authority)
        let swapped = host == host.uppercased() ? host.lowercased() : host.uppercased()
        return userinfo + swapped + port
    }

    private static func otherPort(_ authority: String) -> String {
        let (userinfo, host, port) = splitHostPort(authority)
        return userinfo + host + (port == ":8443" ? ":9443" : ":8443")
    }

    private static func hostSuffixed(_ authority: String) -> String {
        let (userinfo, host, port) = splitHostPort(authority)
        return userinfo + host + "." + foreignHost + port
    }
}

/// Where an HTML page sends the browser by itself: auto-posted forms and meta refreshes.
enum PageTargets {
    /// Whether `html` has a form action or meta refresh to `uri` (raw or with `&amp;`).
    static func sendsBrowser(to uri: String, in html: String) -> Bool {
        let candidates = [uri, uri.replacingOccurrences(of: "&", with: "&amp;")].filter { !$0.isEmpty }
        let lower = html.lowercased()
        for candidate in Set(candidates) {
            let needle = candidate.lowercased()
            for prefix in ["action=\"", "action='", "action=", "url=", "url='", "url=\""]
            where lower.contains(prefix + needle) {
                return true
            }
        }
        return false
    }
}
