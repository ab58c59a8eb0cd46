public import Foundation
public import PortcullisCore

/// Judges a provider's login redirect (RP-01 … RP-11): where an anonymous user is sent, and whether the
/// authorization request it builds carries unpredictable, single-use `state`, `nonce` and PKCE values, a safe
/// `redirect_uri`, no secrets, and a properly protected binding cookie.
public enum RelyingPartyRedirectJudge {
    /// RP-01, RP-02, RP-03, RP-05, RP-06, RP-07, RP-08, RP-09, RP-11 (and PAR policy) for one protected URL, from
    /// `samples` (≥ 3 anonymous GETs of it, redirects NOT followed). `authorizationEndpoint` is the IdP's endpoint
    /// from its metadata (nil when discovery failed: then compare with the issuer's origin, and say so).
    /// `providerOrigin` is the provider's own origin (scheme://host:port).
    public static func evaluate(
        samples: [ProbeResponse],
        entryURL: URL,
        providerOrigin: URL,
        policy: SSOPolicy,
        issuer: URL?,
        authorizationEndpoint: URL?
    ) -> [Observation] {
        let context = RedirectJudgeContext(entryURL: entryURL)
        let verdicts = samples.map {
            LoginRedirectVerdict(sample: $0, issuer: issuer, authorizationEndpoint: authorizationEndpoint)
        }
        guard let worst = LoginRedirectVerdict.worst(verdicts) else {
            return [
                context.make(RelyingPartyRules.noLoginRedirect, .needsReview, "No sample of the entry URL was taken")
            ]
        }
        var observations = [context.make(RelyingPartyRules.noLoginRedirect, worst.outcome, worst.reason, worst.sample)]
        let redirects = verdicts.compactMap { verdict in
            verdict.request.map { SampledRedirect(response: verdict.sample, request: $0) }
        }
        guard !redirects.isEmpty else { return observations }
        let sampled = AuthorizationSamples(redirects: redirects, providerOrigin: providerOrigin, policy: policy)
        observations += sampled.flowObservations(context)
        observations += sampled.randomnessObservations(context)
        observations += sampled.redirectURIObservations(context)
        observations += sampled.secretObservations(context)
        observations += sampled.cookieObservations(context)
        return observations
    }

    /// Estimated entropy in bits of one random-looking value (a state, nonce or PKCE challenge).
    ///
    /// The estimator is `length × log2(alphabet)`, the alphabet being the union of the character classes present
    /// (hex with a letter a-f → 16; digits 10, lower 26, upper 26, `-_`, `+/`, `.~` 2 each, anything else 32):
    /// an upper bound for a uniformly random value. It is capped by structure: one repeated unit counts once, a
    /// single repeated character counts 0, a UUID at most 122 bits. Over several samples the judge counts only the
    /// part that varies between them (a shared prefix or suffix such as a timestamp or label adds nothing).
    public static func estimatedEntropyBits(_ value: String) -> Double {
        EntropyEstimator.bits(value)
    }
}

/// One redirect sample with the authorization request its Location carries.
struct SampledRedirect: Sendable {
    var response: ProbeResponse
    var request: AuthorizationRequest
}

/// Builds observations for one entry URL: the same url and key on every one, evidence with the exchange.
struct RedirectJudgeContext: Sendable {
    var entryURL: URL

    /// The entry path: what distinguishes observations of one rule for one provider.
    var key: String { entryURL.path.isEmpty ? "/" : entryURL.path }

    func make(
        _ rule: RuleID,
        _ outcome: Observation.Outcome,
        _ reason: String,
        _ response: ProbeResponse? = nil
    ) -> Observation {
        var summary = reason
        if let response { summary += ". " + response.evidence }
        return Observation(
            ruleID: rule,
            outcome: outcome,
            url: entryURL,
            evidence: Evidence(summary: summary),
            key: key
        )
    }
}
