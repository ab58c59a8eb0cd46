import Foundation
public import PortcullisCore

extension DemoSSO {
    /// The two relying parties of the demo's single sign-on, each with its `sso:` policy: the good one logs in
    /// at the strict identity provider, the bad one at the lax one, so the SSO family shows on all four.
    public var providerPlans: [ProviderPlan] {
        let sso = self
        let budget = CrawlBudget(maxPages: 20, maxDepth: 2, maxDuration: 60, requestsPerSecond: 0)
        let good = sso.goodRelyingParty.httpsURL
        let bad = sso.badRelyingParty.httpsURL
        return [
            ProviderPlan(
                name: sso.goodRelyingParty.name,
                entryURLs: [good],
                budget: budget,
                sso: SSOPolicy(
                    protectedURLs: DemoSSO.protectedPaths.map { good.appending(path: String($0.dropFirst())) },
                    issuer: sso.identityProvider,
                    clientID: DemoSSO.goodClientID,
                    redirectURIs: [sso.goodRedirectURI.absoluteString],
                    postLogoutRedirectURI: sso.goodPostLogoutRedirectURI.absoluteString,
                    logoutURL: good.appending(path: "logout"),
                    requiresNonce: true,
                    requiresSignedSAMLRequests: true
                )
            ),
            ProviderPlan(
                name: sso.badRelyingParty.name,
                entryURLs: [bad],
                budget: budget,
                sso: SSOPolicy(
                    protectedURLs: ["account", "admin", "partner"].map { bad.appending(path: $0) },
                    issuer: sso.laxIdentityProvider,
                    clientID: DemoSSO.badClientID,
                    callbackPath: "/callback",
                    logoutURL: bad.appending(path: "logout"),
                    requiresSignedSAMLRequests: true
                )
            ),
        ]
    }
}

extension DemoSSO {
    /// The quirky relying party's plans, all at the broken identity provider: `quirky-rp` (its main issuer,
    /// requiring pushed authorization requests, registering a redirect URI the site does not send, and
    /// protecting every page of ``quirkyProtectedPaths``), `quirky-rp-not-json` (issuer ``brokenNotJSONIssuer``) and
    /// `quirky-rp-no-keys` (issuer ``brokenNoKeysIssuer``). Separate from ``providerPlans``: the demo scan keeps its
    /// two providers.
    public var quirkyProviderPlans: [ProviderPlan] {
        let budget = CrawlBudget(maxPages: 20, maxDepth: 2, maxDuration: 60, requestsPerSecond: 0)
        let quirky = quirkyRelyingParty
        let account = [quirky.appending(path: "account")]
        func policy(issuer: URL, protectedURLs: [URL]) -> SSOPolicy {
            SSOPolicy(
                protectedURLs: protectedURLs,
                issuer: issuer,
                clientID: DemoSSO.quirkyClientID,
                redirectURIs: [quirky.appending(path: "oauth/callback").absoluteString],
                logoutURL: quirky.appending(path: "logout"),
                requiresPAR: true,
                requiresSignedSAMLRequests: true
            )
        }
        return [
            ProviderPlan(
                name: "quirky-rp",
                entryURLs: [quirky],
                budget: budget,
                sso: policy(
                    issuer: brokenIdentityProvider,
                    protectedURLs: DemoSSO.quirkyProtectedPaths.map { quirky.appending(path: String($0.dropFirst())) }
                )
            ),
            ProviderPlan(
                name: "quirky-rp-not-json",
                entryURLs: [quirky],
                budget: budget,
                sso: policy(issuer: brokenNotJSONIssuer, protectedURLs: account)
            ),
            ProviderPlan(
                name: "quirky-rp-no-keys",
                entryURLs: [quirky],
                budget: budget,
                sso: policy(issuer: brokenNoKeysIssuer, protectedURLs: account)
            ),
        ]
    }
}
