/// One thing wrong (or worth knowing) about a response's security headers or cookies, with a stable kind the
/// check layer maps to a rule and a human-readable detail carrying the evidence.
public struct HeaderProblem: Sendable, Hashable, Codable {
    /// Which problem this is; the raw value is stable and suitable for rule ids.
    public var kind: HeaderProblemKind
    /// Evidence and explanation, for reports (header values are truncated to keep reports small).
    public var detail: String

    /// Creates a problem of `kind` with `detail`.
    public init(_ kind: HeaderProblemKind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// `value` shortened to at most `limit` characters for evidence text.
    static func excerpt(_ value: String, limit: Int = 120) -> String {
        value.count <= limit ? value : String(value.prefix(limit)) + "…"
    }
}

/// Every problem the header analysers report. Raw values are stable identifiers.
public enum HeaderProblemKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// HTTPS response without Strict-Transport-Security.
    case hstsMissing = "hsts-missing"
    /// The first HSTS field does not conform to RFC 6797 §6.1 and is ignored.
    case hstsInvalid = "hsts-invalid"
    /// HSTS sent over plain HTTP, where UAs ignore it (RFC 6797 §8.1).
    case hstsOverPlainHTTP = "hsts-over-plain-http"
    /// Several HSTS fields; only the first is processed (RFC 6797 §8.1).
    case hstsMultipleFields = "hsts-multiple-fields"
    /// `max-age=0`: HSTS is switched off (RFC 6797 §6.1.1).
    case hstsDisabled = "hsts-max-age-zero"
    /// `max-age` below six months (15768000 s).
    case hstsMaxAgeBelowSixMonths = "hsts-max-age-below-six-months"
    /// `max-age` at least six months but below one year (31536000 s).
    case hstsMaxAgeBelowOneYear = "hsts-max-age-below-one-year"
    /// An enforced policy without `includeSubDomains`.
    case hstsNoIncludeSubDomains = "hsts-no-include-subdomains"
    /// `preload` set without max-age ≥ one year and `includeSubDomains`.
    case hstsPreloadNotEligible = "hsts-preload-not-eligible"
    /// Neither X-Frame-Options nor an enforced `frame-ancestors`.
    case xfoMissing = "xfo-missing"
    /// X-Frame-Options value not recognised (or `ALLOWALL`): no protection.
    case xfoInvalid = "xfo-invalid"
    /// Several distinct X-Frame-Options values; browsers block framing.
    case xfoConflicting = "xfo-conflicting-values"
    /// `ALLOW-FROM`: obsolete, ignored by browsers, no protection.
    case xfoAllowFrom = "xfo-allow-from"
    /// X-Frame-Options present but superseded by `frame-ancestors`.
    case xfoIgnoredByFrameAncestors = "xfo-ignored-by-frame-ancestors"
    /// No X-Content-Type-Options.
    case nosniffMissing = "nosniff-missing"
    /// X-Content-Type-Options whose first value is not `nosniff`.
    case nosniffInvalid = "nosniff-invalid"
    /// No Referrer-Policy header or meta referrer (UA default applies).
    case referrerPolicyMissing = "referrer-policy-missing"
    /// Referrer-Policy with no recognised token.
    case referrerPolicyInvalid = "referrer-policy-invalid"
    /// Effective policy sends full URLs cross-origin (`unsafe-url`, `no-referrer-when-downgrade`).
    case referrerPolicyUnsafe = "referrer-policy-unsafe"
    /// Effective policy sends the origin everywhere (`origin`, `origin-when-cross-origin`).
    case referrerPolicyLeaksOrigin = "referrer-policy-leaks-origin"
    /// A Referrer-Policy token that was skipped.
    case referrerPolicyUnknownToken = "referrer-policy-unknown-token"
    /// Permissions-Policy is not a structured-field dictionary; the header is void.
    case permissionsPolicyInvalid = "permissions-policy-invalid"
    /// A Permissions-Policy member with allowlist entries that were dropped.
    case permissionsPolicyInvalidMember = "permissions-policy-invalid-member"
    /// Cross-Origin-Opener-Policy invalid (falls back to `unsafe-none`).
    case coopInvalid = "coop-invalid"
    /// Cross-Origin-Embedder-Policy invalid (falls back to `unsafe-none`).
    case coepInvalid = "coep-invalid"
    /// Cross-Origin-Resource-Policy not an exact known value (allows all).
    case corpInvalid = "corp-invalid"
    /// Expect-CT, Public-Key-Pins(-Report-Only) or Feature-Policy present.
    case deprecatedHeader = "deprecated-header"
    /// X-XSS-Protection with a value other than `0`.
    case xssProtectionEnabled = "x-xss-protection-enabled"
    /// Server/X-Powered-By-style header revealing a version.
    case informationLeak = "information-leak"
    /// Session cookie set on a response without `no-store` or `private`.
    case sessionCookieCacheable = "session-cookie-cacheable"
    /// Set-Cookie line browsers ignore.
    case cookieMalformed = "cookie-malformed"
    /// Cookie without `Secure` set over HTTPS.
    case cookieMissingSecure = "cookie-missing-secure"
    /// Session-like cookie without `HttpOnly`.
    case cookieMissingHttpOnly = "cookie-missing-httponly"
    /// Cookie without `SameSite`.
    case cookieSameSiteMissing = "cookie-samesite-missing"
    /// Cookie with a `SameSite` value other than Strict/Lax/None.
    case cookieSameSiteInvalid = "cookie-samesite-invalid"
    /// `SameSite=None` without `Secure` (rejected by browsers).
    case cookieSameSiteNoneWithoutSecure = "cookie-samesite-none-without-secure"
    /// `__Host-` cookie without Secure, with Domain, or with Path other than `/`.
    case cookieHostPrefixViolation = "cookie-host-prefix-violation"
    /// `__Secure-` cookie without Secure or from an insecure origin.
    case cookieSecurePrefixViolation = "cookie-secure-prefix-violation"
    /// `Domain` is a parent of the request host, so all its subdomains get the cookie.
    case cookieDomainTooBroad = "cookie-domain-too-broad"
    /// `Domain` does not domain-match the request host (cookie rejected).
    case cookieDomainMismatch = "cookie-domain-mismatch"
}
