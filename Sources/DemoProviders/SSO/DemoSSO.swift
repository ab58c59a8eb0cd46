public import Foundation

/// The SSO part of the zoo: three identity providers and three relying parties on loopback, for the SSO checks.
///
/// The good relying party uses the strict ``identityProvider`` (client ``goodClientID``); the bad one uses the
/// lax ``laxIdentityProvider`` (client ``badClientID``); the quirky one the ``brokenIdentityProvider`` (client
/// ``quirkyClientID``). See the sites' documentation for every deliberate flaw.
public struct DemoSSO: Sendable, Hashable {
    /// The strict identity provider's issuer and base URL, `https://127.0.0.1:PORT` (no trailing slash).
    public var identityProvider: URL
    /// The lax identity provider's base URL, `https://127.0.0.1:PORT` (its advertised issuer adds a `/`).
    public var laxIdentityProvider: URL
    /// The correct relying party: HTTPS, with an HTTP port that only redirects to HTTPS.
    public var goodRelyingParty: DemoProvider
    /// The relying party with the classic mistakes: HTTP and HTTPS both serve it.
    public var badRelyingParty: DemoProvider
    /// The broken identity provider's main issuer and HTTPS base URL, `https://localhost:PORT` (no trailing
    /// slash; by name, so on another host than the relying parties); see ``brokenNotJSONIssuer`` and
    /// ``brokenNoKeysIssuer`` for its other issuer paths.
    public var brokenIdentityProvider: URL
    /// The broken identity provider's plain-HTTP base URL, `http://localhost:PORT`, where its metadata puts the
    /// authorization endpoint.
    public var brokenIdentityProviderHTTP: URL
    /// The quirky relying party's HTTPS base URL, `https://127.0.0.1:PORT/` (it has no HTTP listener).
    public var quirkyRelyingParty: URL

    /// The good relying party's client id at the strict identity provider.
    public static let goodClientID = "good-rp"
    /// The bad relying party's client id at the lax identity provider (unknown to the strict one).
    public static let badClientID = "bad-rp"
    /// The quirky relying party's client id at the broken identity provider (the only client it knows).
    public static let quirkyClientID = "quirky-rp"

    /// Creates the description.
    public init(
        identityProvider: URL,
        laxIdentityProvider: URL,
        goodRelyingParty: DemoProvider,
        badRelyingParty: DemoProvider,
        brokenIdentityProvider: URL,
        brokenIdentityProviderHTTP: URL,
        quirkyRelyingParty: URL
    ) {
        self.identityProvider = identityProvider
        self.laxIdentityProvider = laxIdentityProvider
        self.goodRelyingParty = goodRelyingParty
        self.badRelyingParty = badRelyingParty
        self.brokenIdentityProvider = brokenIdentityProvider
        self.brokenIdentityProviderHTTP = brokenIdentityProviderHTTP
        self.quirkyRelyingParty = quirkyRelyingParty
    }

    /// The only redirect URI registered at the strict identity provider: the good relying party's `/callback`.
    public var goodRedirectURI: URL { goodRelyingParty.httpsURL.appending(path: "callback") }
    /// The only post-logout redirect URI registered there: the good relying party's `/logged-out`.
    public var goodPostLogoutRedirectURI: URL { goodRelyingParty.httpsURL.appending(path: "logged-out") }
    /// The pages of either relying party that send anonymous users to log in.
    public static let protectedPaths = ["/account", "/partner"]
    /// The bad relying party's extra protected page (code flow with a constant state).
    public static let badAdminPath = "/admin"
    /// The broken identity provider's issuer whose metadata URLs answer HTML, not JSON.
    public var brokenNotJSONIssuer: URL { brokenIdentityProvider.appending(path: "not-json") }
    /// The broken identity provider's issuer whose same-host `jwks_uri` answers HTML.
    public var brokenNoKeysIssuer: URL { brokenIdentityProvider.appending(path: "no-keys") }
    /// The quirky relying party's pages that should send anonymous users to log in (`/login-form` and `/loop`
    /// do not: one serves a local form, the other redirects to itself).
    public static let quirkyProtectedPaths = ["/account", "/partner", "/broken-saml", "/login-form", "/loop"]
}
