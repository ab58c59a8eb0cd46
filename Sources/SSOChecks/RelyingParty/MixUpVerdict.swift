import Foundation
import PortcullisCore

/// RP-16 (RFC 9207): the callback must reject an authorization response whose `iss` names another issuer, which
/// shows as a response that differs from the one to the same callback without `iss`.
///
/// Honest limits: both probes carry a code the identity provider never issued, so both may fail for that reason
/// alone. Identical refusals (errors, or redirects that restart the login) therefore need review rather than
/// fail; identical success-looking responses (2xx/3xx) fail, since the wrong issuer was then handled exactly like
/// a missing one; a status or Location that differs passes; a body-only difference passes only when the
/// wrong-issuer body names the issuer.
enum MixUpVerdict {
    static func judge(wrongIssuer: ProbeResponse, noIssuer: ProbeResponse, callbackURL: URL) -> Observation {
        let rule = RelyingPartyRules.mixUp
        let both = "with iss: " + wrongIssuer.evidence + "; without iss: " + noIssuer.evidence
        func make(_ outcome: Observation.Outcome, _ reason: String) -> Observation {
            Observation(
                ruleID: rule,
                outcome: outcome,
                url: callbackURL,
                evidence: Evidence(summary: reason + ". " + both),
                key: callbackURL.path.isEmpty ? "/" : callbackURL.path
            )
        }
        if wrongIssuer.failure != nil || noIssuer.failure != nil {
            return make(.needsReview, "A callback probe gave no response")
        }
        if wrongIssuer.status != noIssuer.status || wrongIssuer.location != noIssuer.location {
            return make(.passed, "A wrong iss is handled differently from a missing iss (RFC 9207)")
        }
        if wrongIssuer.body != noIssuer.body {
            let namesIssuer = wrongIssuer.text.lowercased().contains("issuer")
            if namesIssuer && !noIssuer.text.lowercased().contains("issuer") {
                return make(.passed, "The wrong iss is rejected with a message naming the issuer")
            }
            return make(
                .needsReview,
                "Same status and Location with and without a wrong iss; only the bodies differ, which random page "
                    + "content can explain"
            )
        }
        let restarts = wrongIssuer.location.flatMap { URL(string: $0) }.flatMap(AuthorizationRequest.init) != nil
        if wrongIssuer.status >= 400 || restarts {
            return make(
                .needsReview,
                "Identical \(wrongIssuer.status) answers with and without a wrong iss, both refusals (an error or a "
                    + "restarted login): both may be refused for another reason before iss is read"
            )
        }
        return make(
            .failed,
            "A callback with a wrong iss is answered exactly like one without iss: the client does not check the "
                + "issuer, so a mix-up attack can send it codes from another identity provider (RFC 9207)"
        )
    }
}
