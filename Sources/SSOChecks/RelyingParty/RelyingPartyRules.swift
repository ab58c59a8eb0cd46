public import PortcullisCore

/// The rule ids the relying-party judges emit; titles, severities and references live in `Rules/sso-rp.yaml`.
public enum RelyingPartyRules {
    /// RP-01: an anonymous GET of a protected page is not redirected to the authorization endpoint.
    public static let noLoginRedirect: RuleID = "sso.rp.no-login-redirect"
    /// RP-02: the authorization endpoint is not https.
    public static let endpointNotHTTPS: RuleID = "sso.rp.authorization-endpoint-not-https"
    /// RP-03: `response_type` other than `code` (implicit or hybrid flow).
    public static let implicitOrHybrid: RuleID = "sso.rp.implicit-or-hybrid-flow"
    /// Policy requires pushed authorization requests and the redirect is not one.
    public static let parNotUsed: RuleID = "sso.rp.par-not-used"
    /// RP-05: no `state`.
    public static let stateMissing: RuleID = "sso.rp.state-missing"
    /// RP-05: `state` below 128 bits of estimated entropy.
    public static let stateWeak: RuleID = "sso.rp.state-weak"
    /// RP-05: the same `state` in two samples.
    public static let stateReused: RuleID = "sso.rp.state-reused"
    /// RP-06: no `nonce` where one is needed.
    public static let nonceMissing: RuleID = "sso.rp.nonce-missing"
    /// RP-06: `nonce` below 128 bits of estimated entropy.
    public static let nonceWeak: RuleID = "sso.rp.nonce-weak"
    /// RP-06: the same `nonce` in two samples.
    public static let nonceReused: RuleID = "sso.rp.nonce-reused"
    /// RP-07: no PKCE `code_challenge`.
    public static let pkceMissing: RuleID = "sso.rp.pkce-missing"
    /// RP-07: `code_challenge_method` is not `S256`.
    public static let pkceNotS256: RuleID = "sso.rp.pkce-not-s256"
    /// RP-07: `code_challenge` is not 43 base64url characters.
    public static let pkceMalformed: RuleID = "sso.rp.pkce-malformed"
    /// RP-07: the same `code_challenge` in two samples.
    public static let pkceReused: RuleID = "sso.rp.pkce-reused"
    /// RP-08: `redirect_uri` is not https.
    public static let redirectURINotHTTPS: RuleID = "sso.rp.redirect-uri-not-https"
    /// RP-08: `redirect_uri` is not on the provider's own origin.
    public static let redirectURIForeign: RuleID = "sso.rp.redirect-uri-foreign-origin"
    /// RP-08: `redirect_uri` carries a fragment.
    public static let redirectURIFragment: RuleID = "sso.rp.redirect-uri-fragment"
    /// RP-08: `redirect_uri` is not one the plan registers.
    public static let redirectURIUnregistered: RuleID = "sso.rp.redirect-uri-unregistered"
    /// RP-09: a secret, token or code verifier in the redirect URL.
    public static let secretInURL: RuleID = "sso.rp.secret-in-url"
    /// RP-11: the cookie binding `state` lacks Secure, HttpOnly or SameSite.
    public static let stateCookieInsecure: RuleID = "sso.rp.state-cookie-insecure"
    /// RP-12: the callback accepts a forged `state`.
    public static let forgedState: RuleID = "sso.rp.callback-accepts-forged-state"
    /// RP-13: the callback accepts a missing `state`.
    public static let missingState: RuleID = "sso.rp.callback-accepts-missing-state"
    /// RP-14: the callback reflects `error_description` unescaped.
    public static let reflectedError: RuleID = "sso.rp.callback-reflects-error"
    /// RP-15: the callback's Referrer-Policy lets codes leak in Referer.
    public static let referrerPolicy: RuleID = "sso.rp.callback-referrer-policy"
    /// RP-16: a wrong `iss` is treated like a missing one (no mix-up defence).
    public static let mixUp: RuleID = "sso.rp.mix-up-not-detected"
    /// RP-17: a return parameter redirects off-site.
    public static let openRedirect: RuleID = "sso.rp.open-redirect"

    /// Every relying-party rule id, for catalog consistency checks.
    public static let all: [RuleID] = [
        noLoginRedirect, endpointNotHTTPS, implicitOrHybrid, parNotUsed, stateMissing, stateWeak, stateReused,
        nonceMissing, nonceWeak, nonceReused, pkceMissing, pkceNotS256, pkceMalformed, pkceReused,
        redirectURINotHTTPS, redirectURIForeign, redirectURIFragment, redirectURIUnregistered, secretInURL,
        stateCookieInsecure, forgedState, missingState, reflectedError, referrerPolicy, mixUp, openRedirect,
    ]
}
