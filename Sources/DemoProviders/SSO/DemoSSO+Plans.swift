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
