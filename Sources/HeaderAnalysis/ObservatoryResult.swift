/// Result codes of Mozilla's MDN HTTP Observatory (algorithm version 6) with their score modifiers, taken from
/// `mdn/mdn-http-observatory` `src/grader/charts.js` (mirrored in `observatory-score-tables.json`). Case order
/// within a test is the Observatory's goodness order (best first), used to keep the worst result.
public enum ObservatoryResult: String, Sendable, Hashable, Codable, CaseIterable {
    /// Content Security Policy (CSP) implemented with default-src 'none', no 'unsafe' and form-action is set to
    /// 'none' or 'self'
    case cspImplementedWithNoUnsafeDefaultSrcNone = "csp-implemented-with-no-unsafe-default-src-none"
    /// Content Security Policy (CSP) implemented without 'unsafe-inline' or 'unsafe-eval'
    case cspImplementedWithNoUnsafe = "csp-implemented-with-no-unsafe"
    /// Content Security Policy (CSP) implemented with unsafe sources inside style-src. This includes 'unsafe-inline',
    /// data: or overly broad sources such as https. 'form-action' is set to 'self', 'none' or 'specific source'
    case cspImplementedWithUnsafeInlineInStyleSrcOnly = "csp-implemented-with-unsafe-inline-in-style-src-only"
    /// Content Security Policy (CSP) implemented, but secure site allows images or media to be loaded over HTTP
    case cspImplementedWithInsecureSchemeInPassiveContentOnly =
        "csp-implemented-with-insecure-scheme-in-passive-content-only"
    /// Content Security Policy (CSP) implemented, but allows 'unsafe-eval' and allows forms to be submitted to any
    /// source.
    case cspImplementedWithUnsafeEval = "csp-implemented-with-unsafe-eval"
    /// Content Security Policy (CSP) implemented unsafely. This includes 'unsafe-inline' or data: inside script-src,
    /// overly broad sources such as https: inside object-src or script-src, or not restricting the sources for
    /// object-src or script-src.
    case cspImplementedWithUnsafeInline = "csp-implemented-with-unsafe-inline"
    /// Content Security Policy (CSP) implemented, but secure site allows resources to be loaded over HTTP
    case cspImplementedWithInsecureScheme = "csp-implemented-with-insecure-scheme"
    /// Content Security Policy (CSP) header cannot be parsed successfully
    case cspHeaderInvalid = "csp-header-invalid"
    /// Content Security Policy (CSP) header not implemented
    case cspNotImplemented = "csp-not-implemented"
    /// Content Security Policy (CSP) reporting implemented only, with Content-Security-Policy-Report-Only header.
    case cspNotImplementedButReportingEnabled = "csp-not-implemented-but-reporting-enabled"
    /// Content Security Policy (CSP) implemented, but contains duplicate directives.
    case cspImplementedButDuplicateDirectives = "csp-implemented-but-duplicate-directives"
    /// All cookies use the Secure flag, session cookies use the HttpOnly flag, and cross-origin restrictions are in
    /// place via the SameSite flag.
    case cookiesSecureWithHttponlySessionsAndSamesite = "cookies-secure-with-httponly-sessions-and-samesite"
    /// All cookies use the Secure flag and all session cookies use the HttpOnly flag.
    case cookiesSecureWithHttponlySessions = "cookies-secure-with-httponly-sessions"
    /// No cookies detected
    case cookiesNotFound = "cookies-not-found"
    /// Cookies set without using the Secure flag, but transmission over HTTP prevented by HSTS.
    case cookiesWithoutSecureFlagButProtectedByHsts = "cookies-without-secure-flag-but-protected-by-hsts"
    /// Session cookie set without the Secure flag, but transmission over HTTP prevented by HSTS.
    case cookiesSessionWithoutSecureFlagButProtectedByHsts =
        "cookies-session-without-secure-flag-but-protected-by-hsts"
    /// Cookies set without using the Secure flag or set over HTTP.
    case cookiesWithoutSecureFlag = "cookies-without-secure-flag"
    /// Cookies use SameSite flag, but set to something other than Strict or Lax
    case cookiesSamesiteFlagInvalid = "cookies-samesite-flag-invalid"
    /// Anti-CSRF tokens set without using the SameSite flag.
    case cookiesAnticsrfWithoutSamesiteFlag = "cookies-anticsrf-without-samesite-flag"
    /// Session cookie set without using the HttpOnly flag.
    case cookiesSessionWithoutHttponlyFlag = "cookies-session-without-httponly-flag"
    /// Session cookie set without using the Secure flag or set over HTTP.
    case cookiesSessionWithoutSecureFlag = "cookies-session-without-secure-flag"
    /// Content is not visible via cross-origin resource sharing (CORS) files or headers.
    case corsNotImplemented = "cross-origin-resource-sharing-not-implemented"
    /// Public content is visible via cross-origin resource sharing (CORS) Access-Control-Allow-Origin header.
    case corsImplementedWithPublicAccess = "cross-origin-resource-sharing-implemented-with-public-access"
    /// Content is visible via cross-origin resource sharing (CORS) files or headers, but is restricted to specific
    /// domains.
    case corsImplementedWithRestrictedAccess = "cross-origin-resource-sharing-implemented-with-restricted-access"
    /// Content is visible via cross-origin resource sharing (CORS) file or headers, and credentials can be sent. Your
    /// site could be vulnerable to CSRF attacks.
    case corsImplementedWithUniversalAccess = "cross-origin-resource-sharing-implemented-with-universal-access"
    /// All hosts redirected to are in the HTTP Strict Transport Security (HSTS) preload list.
    case redirectionAllRedirectsPreloaded = "redirection-all-redirects-preloaded"
    /// Initial redirection is to HTTPS on same host, final destination is HTTPS
    case redirectionToHttps = "redirection-to-https"
    /// Not able to connect via HTTP, so no redirection necessary.
    case redirectionNotNeededNoHttp = "redirection-not-needed-no-http"
    /// Initial redirection from HTTP to HTTPS is to a different host, preventing HSTS.
    case redirectionOffHostFromHttp = "redirection-off-host-from-http"
    /// Redirects to HTTPS eventually, but initial redirection is to another HTTP URL.
    case redirectionNotToHttpsOnInitialRedirection = "redirection-not-to-https-on-initial-redirection"
    /// Redirects, but final destination is not an HTTPS URL.
    case redirectionNotToHttps = "redirection-not-to-https"
    /// Does not redirect to an HTTPS site.
    case redirectionMissing = "redirection-missing"
    /// Invalid certificate chain encountered during redirection.
    case redirectionInvalidCert = "redirection-invalid-cert"
    /// Referrer-Policy header set to no-referrer, same-origin, strict-origin or strict-origin-when-cross-origin.
    case referrerPolicyPrivate = "referrer-policy-private"
    /// Referrer-Policy header not implemented.
    case referrerPolicyNotImplemented = "referrer-policy-not-implemented"
    /// Referrer-Policy header set unsafely to origin, origin-when-cross-origin, unsafe-url or
    /// no-referrer-when-downgrade.
    case referrerPolicyUnsafe = "referrer-policy-unsafe"
    /// Referrer-Policy header cannot be recognized.
    case referrerPolicyHeaderInvalid = "referrer-policy-header-invalid"
    /// Preloaded via the HTTP Strict Transport Security (HSTS) preloading process.
    case hstsPreloaded = "hsts-preloaded"
    /// Strict-Transport-Security header set to a minimum of six months (15768000).
    case hstsImplementedMaxAgeAtLeastSixMonths = "hsts-implemented-max-age-at-least-six-months"
    /// Strict-Transport-Security header set to less than six months (15768000).
    case hstsImplementedMaxAgeLessThanSixMonths = "hsts-implemented-max-age-less-than-six-months"
    /// Strict-Transport-Security header not implemented.
    case hstsNotImplemented = "hsts-not-implemented"
    /// Strict-Transport-Security header cannot be recognized
    case hstsHeaderInvalid = "hsts-header-invalid"
    /// Strict-Transport-Security header cannot be set for sites not available over HTTPS.
    case hstsNotImplementedNoHttps = "hsts-not-implemented-no-https"
    /// Strict-Transport-Security header cannot be set, as site contains an invalid certificate chain.
    case hstsInvalidCert = "hsts-invalid-cert"
    /// Subresource Integrity (SRI) is implemented and all scripts are loaded from a similar origin.
    case sriImplementedAndAllScriptsLoadedSecurely = "sri-implemented-and-all-scripts-loaded-securely"
    /// Subresource Integrity (SRI) is implemented and all scripts are loaded securely.
    case sriImplementedAndExternalScriptsLoadedSecurely = "sri-implemented-and-external-scripts-loaded-securely"
    /// Subresource Integrity (SRI) is only needed for HTML resources.
    case sriNotImplementedResponseNotHtml = "sri-not-implemented-response-not-html"
    /// Subresource Integrity (SRI) is not needed since site contains no script tags.
    case sriNotImplementedButNoScriptsLoaded = "sri-not-implemented-but-no-scripts-loaded"
    /// Subresource Integrity (SRI) not implemented, but all scripts are loaded from a similar origin.
    case sriNotImplementedButAllScriptsLoadedFromSecureOrigin =
        "sri-not-implemented-but-all-scripts-loaded-from-secure-origin"
    /// Subresource Integrity (SRI) not implemented, but all external scripts are loaded over HTTPS.
    case sriNotImplementedButExternalScriptsLoadedSecurely = "sri-not-implemented-but-external-scripts-loaded-securely"
    /// Subresource Integrity (SRI) implemented, but external scripts are loaded over HTTP or they use
    /// protocol-relative URLs via src="//...".
    case sriImplementedButExternalScriptsNotLoadedSecurely = "sri-implemented-but-external-scripts-not-loaded-securely"
    /// Subresource Integrity (SRI) not implemented, and external scripts are loaded over HTTP or they use
    /// protocol-relative URLs via src="//...".
    case sriNotImplementedAndExternalScriptsNotLoadedSecurely =
        "sri-not-implemented-and-external-scripts-not-loaded-securely"
    /// X-Content-Type-Options header set to nosniff.
    case xContentTypeOptionsNosniff = "x-content-type-options-nosniff"
    /// X-Content-Type-Options header not implemented.
    case xContentTypeOptionsNotImplemented = "x-content-type-options-not-implemented"
    /// X-Content-Type-Options header cannot be recognized.
    case xContentTypeOptionsHeaderInvalid = "x-content-type-options-header-invalid"
    /// X-Frame-Options (XFO) implemented via the CSP frame-ancestors directive.
    case xFrameOptionsImplementedViaCsp = "x-frame-options-implemented-via-csp"
    /// X-Frame-Options (XFO) header set to SAMEORIGIN or DENY.
    case xFrameOptionsSameoriginOrDeny = "x-frame-options-sameorigin-or-deny"
    /// X-Frame-Options (XFO) header uses ALLOW-FROM uri directive.
    case xFrameOptionsAllowFromOrigin = "x-frame-options-allow-from-origin"
    /// X-Frame-Options (XFO) header not implemented.
    case xFrameOptionsNotImplemented = "x-frame-options-not-implemented"
    /// X-Frame-Options (XFO) header cannot be recognized.
    case xFrameOptionsHeaderInvalid = "x-frame-options-header-invalid"
    /// Cross-Origin-Resource-Policy (CORP) header cannot be recognized.
    case corpHeaderInvalid = "corp-header-invalid"
    /// Cross Origin Resource Policy (CORP) implemented, but allows cross-origin resource sharing by default.
    case corpImplementedWithCrossOrigin = "corp-implemented-with-cross-origin"
    /// Cross Origin Resource Policy (CORP) implemented, prevents leaks into cross-origin contexts.
    case corpImplementedWithSameOrigin = "corp-implemented-with-same-origin"
    /// Cross Origin Resource Policy (CORP) implemented, prevents leaks into cross-site contexts.
    case corpImplementedWithSameSite = "corp-implemented-with-same-site"
    /// Cross Origin Resource Policy (CORP) is not implemented (defaults to cross-origin).
    case corpNotImplemented = "corp-not-implemented"
    /// Cross-Origin-Embedder-Policy header set to require-corp, restricting loading cross-origin resources.
    case coepImplementedWithRequireCorp = "coep-implemented-with-require-corp"
    /// Cross-Origin-Embedder-Policy header set to credentialless, allowing loading cross-origin resources but without
    /// sending credentials in the requests.
    case coepImplementedWithCredentialless = "coep-implemented-with-credentialless"
    /// Cross-Origin-Embedder-Policy header set to unsafe-none, allowing loading cross-origin resources, which is the
    /// default value.
    case coepImplementedWithUnsafeNone = "coep-implemented-with-unsafe-none"
    /// Cross-Origin-Embedder-Policy header not implemented.
    case coepNotImplemented = "coep-not-implemented"
    /// Cross-Origin-Embedder-Policy header cannot be recognized.
    case coepHeaderInvalid = "coep-header-invalid"
    /// Cross-Origin-Opener-Policy header set to same-origin, enforcing site isolation from the opener.
    case coopImplementedWithSameOrigin = "coop-implemented-with-same-origin"
    /// Cross-Origin-Opener-Policy header set to same-origin-allow-popups, enforcing site isolation from the opener
    /// but allowing trusted resources such as for OAuth or payments.
    case coopImplementedWithSameOriginAllowPopups = "coop-implemented-with-same-origin-allow-popups"
    /// Cross-Origin-Opener-Policy header set to noopener-allow-popups, enforcing site isolation from the opener even
    /// if they are same origin.
    case coopImplementedWithNoopenerAllowPopups = "coop-implemented-with-noopener-allow-popups"
    /// Cross-Origin-Opener-Policy header set to unsafe-none, the document permits sharing its browsing context group
    /// with any other document, and may therefore be unsafe.
    case coopImplementedWithUnsafeNone = "coop-implemented-with-unsafe-none"
    /// Cross-Origin-Opener-Policy header not implemented.
    case coopNotImplemented = "coop-not-implemented"
    /// Cross-Origin-Opener-Policy header cannot be recognized.
    case coopHeaderInvalid = "coop-header-invalid"
    /// Claims to be html, but cannot be parsed.
    case htmlNotParseable = "html-not-parseable"

    /// The score modifier the Observatory adds for this result.
    public var modifier: Int {
        Self.modifiers[self] ?? 0
    }

    /// Whether the Observatory counts the result as a pass (modifier ≥ 0).
    public var passes: Bool { modifier >= 0 }

    private static let modifiers: [Self: Int] = [
        .cspImplementedWithNoUnsafeDefaultSrcNone: 10, .cspImplementedWithNoUnsafe: 5,
        .cspImplementedWithInsecureSchemeInPassiveContentOnly: -10, .cspImplementedWithUnsafeEval: -10,
        .cspImplementedWithUnsafeInline: -20, .cspImplementedWithInsecureScheme: -20, .cspHeaderInvalid: -25,
        .cspNotImplemented: -25, .cspNotImplementedButReportingEnabled: -25,
        .cookiesSecureWithHttponlySessionsAndSamesite: 5, .cookiesWithoutSecureFlagButProtectedByHsts: -5,
        .cookiesSessionWithoutSecureFlagButProtectedByHsts: -10, .cookiesWithoutSecureFlag: -20,
        .cookiesSamesiteFlagInvalid: -20, .cookiesAnticsrfWithoutSamesiteFlag: -20,
        .cookiesSessionWithoutHttponlyFlag: -30, .cookiesSessionWithoutSecureFlag: -40,
        .corsImplementedWithUniversalAccess: -50, .redirectionOffHostFromHttp: -5,
        .redirectionNotToHttpsOnInitialRedirection: -10, .redirectionNotToHttps: -20, .redirectionMissing: -20,
        .redirectionInvalidCert: -20, .referrerPolicyPrivate: 5, .referrerPolicyUnsafe: -5,
        .referrerPolicyHeaderInvalid: -5, .hstsPreloaded: 5, .hstsImplementedMaxAgeLessThanSixMonths: -10,
        .hstsNotImplemented: -20, .hstsHeaderInvalid: -20, .hstsNotImplementedNoHttps: -20, .hstsInvalidCert: -20,
        .sriImplementedAndAllScriptsLoadedSecurely: 5, .sriImplementedAndExternalScriptsLoadedSecurely: 5,
        .sriNotImplementedButExternalScriptsLoadedSecurely: -5, .sriImplementedButExternalScriptsNotLoadedSecurely: -20,
        .sriNotImplementedAndExternalScriptsNotLoadedSecurely: -50, .xContentTypeOptionsNotImplemented: -5,
        .xContentTypeOptionsHeaderInvalid: -5, .xFrameOptionsImplementedViaCsp: 5, .xFrameOptionsSameoriginOrDeny: 5,
        .xFrameOptionsNotImplemented: -20, .xFrameOptionsHeaderInvalid: -20, .corpHeaderInvalid: -5,
        .corpImplementedWithSameOrigin: 10, .corpImplementedWithSameSite: 10, .coepImplementedWithRequireCorp: 10,
        .coepImplementedWithCredentialless: 10, .coepHeaderInvalid: -5, .coopImplementedWithSameOrigin: 10,
        .coopImplementedWithSameOriginAllowPopups: 10, .coopImplementedWithNoopenerAllowPopups: 10,
        .coopHeaderInvalid: -5, .htmlNotParseable: -20,
    ]
}
