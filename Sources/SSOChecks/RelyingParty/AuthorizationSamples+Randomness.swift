import Foundation
import PortcullisCore

/// RP-05, RP-06 and RP-07: `state`, `nonce` and the PKCE challenge present, unpredictable and never repeated.
extension AuthorizationSamples {
    /// The bits below which a `state` or `nonce` is weak (RFC 9700 §4.7, OWASP: at least 128 bits).
    static let minimumBits = 128.0

    func randomnessObservations(_ context: RedirectJudgeContext) -> [Observation] {
        if isPushed {
            let reason = "Pushed authorization request: state, nonce and PKCE travel in the pushed request, not seen"
            return [
                RelyingPartyRules.stateMissing, RelyingPartyRules.stateWeak, RelyingPartyRules.stateReused,
                RelyingPartyRules.nonceMissing, RelyingPartyRules.nonceWeak, RelyingPartyRules.nonceReused,
                RelyingPartyRules.pkceMissing, RelyingPartyRules.pkceNotS256, RelyingPartyRules.pkceMalformed,
                RelyingPartyRules.pkceReused,
            ].map { context.make($0, .inapplicable, reason) }
        }
        return stateObservations(context) + nonceObservations(context) + pkceObservations(context)
    }

    private func stateObservations(_ context: RedirectJudgeContext) -> [Observation] {
        if let missing = redirects.first(where: { ($0.request.value("state") ?? "").isEmpty }) {
            return [
                context.make(
                    RelyingPartyRules.stateMissing,
                    .failed,
                    "The authorization request has no state: nothing ties the callback to this browser, so an "
                        + "attacker can log the victim in to the attacker's account (CSRF, RFC 6749 §10.12)",
                    missing.response
                ),
                context.make(RelyingPartyRules.stateWeak, .inapplicable, "No state to measure"),
                context.make(RelyingPartyRules.stateReused, .inapplicable, "No state to compare"),
            ]
        }
        return [context.make(RelyingPartyRules.stateMissing, .passed, "Every sample carries a state", first.response)]
            + valueQuality("state", weak: RelyingPartyRules.stateWeak, reused: RelyingPartyRules.stateReused, context)
    }

    private func nonceObservations(_ context: RedirectJudgeContext) -> [Observation] {
        let rules = [RelyingPartyRules.nonceMissing, RelyingPartyRules.nonceWeak, RelyingPartyRules.nonceReused]
        guard first.request.isOpenIDConnect else {
            return rules.map { context.make($0, .inapplicable, "Not an OpenID Connect request (no openid scope)") }
        }
        if let missing = redirects.first(where: { ($0.request.value("nonce") ?? "").isEmpty }) {
            let hasPKCE = missing.request.value("code_challenge") != nil
            let returnsIDToken = (missing.request.value("response_type") ?? "").contains("id_token")
            let needed = policy.requiresNonce || !hasPKCE || returnsIDToken
            let reason =
                needed
                ? "The OpenID Connect request has no nonce"
                    + (policy.requiresNonce ? ", which policy requires" : "")
                    + (hasPKCE ? "" : ", and no PKCE either: nothing binds the ID token to this login")
                    + (returnsIDToken ? "; an ID token from the front channel must carry a nonce" : "")
                : "No nonce, but PKCE protects the code and policy does not require a nonce"
            return [
                context.make(RelyingPartyRules.nonceMissing, needed ? .failed : .passed, reason, missing.response),
                context.make(RelyingPartyRules.nonceWeak, .inapplicable, "No nonce to measure"),
                context.make(RelyingPartyRules.nonceReused, .inapplicable, "No nonce to compare"),
            ]
        }
        return [context.make(RelyingPartyRules.nonceMissing, .passed, "Every sample carries a nonce", first.response)]
            + valueQuality("nonce", weak: RelyingPartyRules.nonceWeak, reused: RelyingPartyRules.nonceReused, context)
    }

    private func pkceObservations(_ context: RedirectJudgeContext) -> [Observation] {
        if let missing = redirects.first(where: { ($0.request.value("code_challenge") ?? "").isEmpty }) {
            let nonceInstead = missing.request.isOpenIDConnect && missing.request.value("nonce") != nil
            let outcome: Observation.Outcome = policy.requiresPKCE ? .failed : nonceInstead ? .needsReview : .failed
            let reason =
                "The authorization request has no PKCE code_challenge: a stolen or injected code can be redeemed "
                + "(RFC 9700 §2.1.1)"
                + (policy.requiresPKCE ? "; policy requires PKCE" : "")
                + (nonceInstead && !policy.requiresPKCE ? "; a confidential client may rely on its nonce instead" : "")
            return [
                context.make(RelyingPartyRules.pkceMissing, outcome, reason, missing.response),
                context.make(RelyingPartyRules.pkceNotS256, .inapplicable, "No code_challenge"),
                context.make(RelyingPartyRules.pkceMalformed, .inapplicable, "No code_challenge"),
                context.make(RelyingPartyRules.pkceReused, .inapplicable, "No code_challenge"),
            ]
        }
        var observations = [
            context.make(
                RelyingPartyRules.pkceMissing,
                .passed,
                "Every sample carries a code_challenge",
                first.response
            )
        ]
        if let plain = redirects.first(where: { $0.request.value("code_challenge_method") != "S256" }) {
            let method =
                plain.request.value("code_challenge_method").map { "code_challenge_method=\($0)" }
                ?? "no code_challenge_method (which means plain)"
            observations.append(
                context.make(
                    RelyingPartyRules.pkceNotS256,
                    .failed,
                    "The request uses \(method): the challenge is the verifier itself, so whoever reads the "
                        + "authorization request can redeem the code (RFC 7636 §4.2, RFC 9700 §2.1.1)",
                    plain.response
                )
            )
        } else {
            observations.append(
                context.make(RelyingPartyRules.pkceNotS256, .passed, "code_challenge_method=S256", first.response)
            )
        }
        if let malformed = redirects.first(where: { !Self.isS256Challenge($0.request.value("code_challenge") ?? "") }) {
            let length = malformed.request.value("code_challenge")?.count ?? 0
            observations.append(
                context.make(
                    RelyingPartyRules.pkceMalformed,
                    .failed,
                    "The code_challenge has \(length) characters, not the 43 base64url characters of a SHA-256 "
                        + "hash (RFC 7636 §4.2)",
                    malformed.response
                )
            )
        } else {
            observations.append(
                context.make(
                    RelyingPartyRules.pkceMalformed,
                    .passed,
                    "The code_challenge is 43 base64url characters",
                    first.response
                )
            )
        }
        observations.append(reuseObservation("code_challenge", RelyingPartyRules.pkceReused, context))
        return observations
    }

    static func isS256Challenge(_ value: String) -> Bool {
        value.utf8.count == 43
            && value.utf8.allSatisfy {
                ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D
                    || $0 == 0x5F
            }
    }

    private func valueQuality(
        _ name: String,
        weak: RuleID,
        reused: RuleID,
        _ context: RedirectJudgeContext
    ) -> [Observation] {
        let values = redirects.compactMap { $0.request.value(name) }
        let bits = EntropyEstimator.estimate(samples: Array(Set(values)).sorted())
        let rounded = Int(bits.rounded(.down))
        let weakObservation =
            bits < Self.minimumBits
            ? context.make(
                weak,
                .failed,
                "The \(name) carries about \(rounded) bits of estimated entropy over \(values.count) samples, below "
                    + "the 128 bits that make it unguessable (RFC 9700 §4.7)",
                first.response
            )
            : context.make(
                weak,
                .passed,
                "The \(name) carries about \(rounded) bits of estimated entropy",
                first.response
            )
        return [weakObservation, reuseObservation(name, reused, context)]
    }

    private func reuseObservation(_ name: String, _ rule: RuleID, _ context: RedirectJudgeContext) -> Observation {
        let values = redirects.compactMap { $0.request.value(name) }
        guard values.count > 1 else {
            return context.make(rule, .needsReview, "Only one redirect sample: cannot tell whether \(name) repeats")
        }
        var seen: Set<String> = []
        for (index, value) in values.enumerated() where !seen.insert(value).inserted {
            return context.make(
                rule,
                .failed,
                "The same \(name) came back in two of \(values.count) anonymous redirects: a value an attacker can "
                    + "obtain in advance binds nothing",
                redirects[index].response
            )
        }
        return context.make(rule, .passed, "The \(name) differed in all \(values.count) samples", first.response)
    }
}
