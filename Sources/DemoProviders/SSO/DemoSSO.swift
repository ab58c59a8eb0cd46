public import Foundation

/// The SSO part of the zoo: two identity providers and two relying parties on loopback, for the SSO checks.
///
/// The good relying party uses the strict ``identityProvider`` (client ``goodClientID``); the bad one uses the
/// lax ``laxIdentityProvider`` (client ``badClientID``). See the sites' documentation for every deliberate flaw.
public struct DemoSSO: Sendable, Hashable {
    /// The strict identity provider's issuer and base URL, `https://127.0.0.1:PORT` (no trailing slash).
    public var identityProvider: URL
    /// The lax identity provider's base URL, `https://127.0.0.1:PORT` (its advertised issuer adds a `/`).
    public var laxIdentityProvider: URL
    /// The correct relying party: HTTPS, with an HTTP port that only redirects to HTTPS.
    public var goodRelyingParty: DemoProvider
    /// The relying party with the classic mistakes: HTTP and HTTPS both serve it.
    public var badRelyingParty: DemoProvider

    /// The good relying party's client id at the strict identity provider.
    public static let goodClientID = "good-rp"
    /// The bad relying party's client id at the lax identity provider (unknown to the strict one).
    public static let badClientID = "bad-rp"

    /// Creates the description.
    public init(
        identityProvider: URL,
        laxIdentityProvider: URL,
        goodRelyingParty: DemoProvider,
        badRelyingParty: DemoProvider
    ) {
        self.identityProvider = identityProvider
        self.laxIdentityProvider = laxIdentityProvider
        self.goodRelyingParty = goodRelyingParty
        self.badRelyingParty = badRelyingParty
    }

    /// The only redirect URI registered at the strict identity provider: the good relying party's `/callback`.
    public var goodRedirectURI: URL { goodRelyingParty.httpsURL.appending(path: "callback") }
    /// The only post-logout redirect URI registered there: the good relying party's `/logged-out`.
    public var goodPostLogoutRedirectURI: URL { goodRelyingParty.httpsURL.appending(path: "logged-out") }
    /// The pages of either relying party that send anonymous users to log in.
    public static let protectedPaths = ["/account", "/partner"]
    /// The bad relying party's extra protected page (code flow with a constant state).
    public static let badAdminPath = "/admin"
}
