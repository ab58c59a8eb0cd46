/// Flags for one cookie set by a response (RFC 6265bis; see `SetCookie.isSessionLike` for the session heuristic).
public struct CookieAnalysis: Sendable, Hashable {
    /// The parsed cookie, nil when the line was ignored as malformed.
    public var cookie: SetCookie?
    /// Problems found.
    public var problems: [HeaderProblem]

    /// Analyses one `Set-Cookie` line received from `requestHost` (lowercased host name) over HTTPS when
    /// `isHTTPS`.
    public init(line: String, requestHost: String, isHTTPS: Bool) {
        cookie = SetCookie(line)
        problems = []
        guard let cookie else {
            problems.append(
                HeaderProblem(
                    .cookieMalformed,
                    "Set-Cookie ignored by browsers (control characters, "
                        + "empty or oversized): \(HeaderProblem.excerpt(line))"
                )
            )
            return
        }
        let label = "Cookie \(HeaderProblem.excerpt(cookie.name, limit: 60))"
        let sameSiteNone = cookie.sameSite == SetCookie.SameSite.none
        if !cookie.secure && sameSiteNone {
            problems.append(
                HeaderProblem(
                    .cookieSameSiteNoneWithoutSecure,
                    "\(label) has SameSite=None without "
                        + "Secure; browsers reject it"
                )
            )
        } else if !cookie.secure && isHTTPS {
            problems.append(HeaderProblem(.cookieMissingSecure, "\(label) lacks the Secure flag"))
        }
        if cookie.isSessionLike && !cookie.httpOnly {
            problems.append(
                HeaderProblem(
                    .cookieMissingHttpOnly,
                    "\(label) looks like a session cookie and lacks "
                        + "HttpOnly"
                )
            )
        }
        switch cookie.sameSite {
        case nil:
            problems.append(HeaderProblem(.cookieSameSiteMissing, "\(label) has no SameSite attribute"))
        case .invalid(let value)?:
            problems.append(
                HeaderProblem(
                    .cookieSameSiteInvalid,
                    "\(label) has an invalid SameSite value "
                        + "'\(HeaderProblem.excerpt(value, limit: 40))'; browsers treat it as absent"
                )
            )
        default: break
        }
        prefixProblems(cookie, label: label, isHTTPS: isHTTPS)
        domainProblems(cookie, label: label, requestHost: requestHost.lowercased())
    }

    private mutating func prefixProblems(_ cookie: SetCookie, label: String, isHTTPS: Bool) {
        let lower = cookie.name.lowercased()
        if lower.hasPrefix("__host-") {
            if !cookie.secure || !isHTTPS || cookie.domain != nil || cookie.path != "/" {
                problems.append(
                    HeaderProblem(
                        .cookieHostPrefixViolation,
                        "\(label) uses the __Host- prefix but "
                            + "is not Secure from a secure origin with Path=/ and no Domain; browsers reject it"
                    )
                )
            }
        } else if lower.hasPrefix("__secure-"), !cookie.secure || !isHTTPS {
            problems.append(
                HeaderProblem(
                    .cookieSecurePrefixViolation,
                    "\(label) uses the __Secure- prefix but is "
                        + "not Secure from a secure origin; browsers reject it"
                )
            )
        }
    }

    private mutating func domainProblems(_ cookie: SetCookie, label: String, requestHost: String) {
        guard let domain = cookie.domain, !requestHost.isEmpty else { return }
        if domain == requestHost { return }
        if requestHost.hasSuffix("." + domain) {
            problems.append(
                HeaderProblem(
                    .cookieDomainTooBroad,
                    "\(label) has Domain=\(domain), a parent of "
                        + "\(requestHost): every subdomain of \(domain) receives it"
                )
            )
        } else {
            problems.append(
                HeaderProblem(
                    .cookieDomainMismatch,
                    "\(label) has Domain=\(domain), which does not "
                        + "domain-match \(requestHost); browsers reject it"
                )
            )
        }
    }
}
