public import PortcullisCore

/// The rule ids the identity-provider judges emit (`Rules/sso-idp.yaml` describes each one).
public enum IdentityProviderRule {
    /// DISC-01: neither metadata document is a usable JSON object.
    public static let discoveryUnavailable: RuleID = "sso.idp.discovery-unavailable"
    /// DISC-02: the metadata's `issuer` is not byte-identical to the issuer URL used.
    public static let issuerMismatch: RuleID = "sso.idp.issuer-mismatch"
    /// DISC-03: an endpoint in the metadata is not https.
    public static let endpointNotHTTPS: RuleID = "sso.idp.endpoint-not-https"
    /// DISC-03: an endpoint in the metadata carries a query or a fragment.
    public static let endpointQueryOrFragment: RuleID = "sso.idp.endpoint-query-or-fragment"
    /// DISC-03: an endpoint in the metadata is on another host than the issuer (never fetched).
    public static let endpointForeignHost: RuleID = "sso.idp.endpoint-foreign-host"
    /// DISC-04: `jwks_uri` is missing, unreachable or not a JWK set.
    public static let jwksUnavailable: RuleID = "sso.idp.jwks-unavailable"
    /// DISC-05: the JWK set publishes private or symmetric key material.
    public static let jwksPrivateKey: RuleID = "sso.idp.jwks-private-key"
    /// DISC-06: the JWK set holds an RSA key under 2048 bits or an EC key on a non-NIST curve.
    public static let jwksWeakKey: RuleID = "sso.idp.jwks-weak-key"
    /// DISC-07: `none` is advertised as a signing algorithm.
    public static let algNone: RuleID = "sso.idp.alg-none"
    /// DISC-08: response types that issue access tokens in the front channel are advertised.
    public static let tokenResponseTypes: RuleID = "sso.idp.token-response-types"
    /// DISC-09: the resource owner password credentials grant is advertised.
    public static let passwordGrant: RuleID = "sso.idp.password-grant"
    /// DISC-10: PKCE `S256` is not advertised.
    public static let pkceS256Missing: RuleID = "sso.idp.pkce-s256-missing"
    /// DISC-10: PKCE `plain` is advertised.
    public static let pkcePlainAdvertised: RuleID = "sso.idp.pkce-plain-advertised"
    /// DISC-11: `authorization_response_iss_parameter_supported` is not `true` (RFC 9207).
    public static let issParameterUnsupported: RuleID = "sso.idp.iss-parameter-unsupported"
    /// RURI: the authorization endpoint accepts a tampered `redirect_uri` (key: the variant name).
    public static let redirectURITampering: RuleID = "sso.idp.redirect-uri-tampering"
    /// AUTH-03: an unknown `client_id` is redirected to its `redirect_uri`.
    public static let unknownClientRedirects: RuleID = "sso.idp.unknown-client-redirects"
    /// AUTH-04: `response_type=token` is accepted.
    public static let tokenResponseTypeAccepted: RuleID = "sso.idp.token-response-type-accepted"
    /// AUTH-05: an error redirect does not echo `state`.
    public static let errorWithoutState: RuleID = "sso.idp.error-without-state"
    /// AUTH-06: an error redirect does not carry the issuer in `iss` (RFC 9207).
    public static let errorWithoutISS: RuleID = "sso.idp.error-without-iss"
    /// PKCE-02: a `plain` code challenge is accepted.
    public static let pkcePlainAccepted: RuleID = "sso.idp.pkce-plain-accepted"
    /// AUTH-02: the login page may be framed by any site (clickjacking).
    public static let loginPageFrameable: RuleID = "sso.idp.login-page-frameable"
    /// LOGOUT-01: an unregistered `post_logout_redirect_uri` is redirected to or offered in a confirmation page.
    public static let logoutOpenRedirect: RuleID = "sso.idp.logout-open-redirect"

    /// Every rule id above, for catalog cross-checks.
    public static let all: [RuleID] = [
        discoveryUnavailable, issuerMismatch, endpointNotHTTPS, endpointQueryOrFragment, endpointForeignHost,
        jwksUnavailable, jwksPrivateKey, jwksWeakKey, algNone, tokenResponseTypes, passwordGrant, pkceS256Missing,
        pkcePlainAdvertised, issParameterUnsupported, redirectURITampering, unknownClientRedirects,
        tokenResponseTypeAccepted, errorWithoutState, errorWithoutISS, pkcePlainAccepted, loginPageFrameable,
        logoutOpenRedirect,
    ]
}
