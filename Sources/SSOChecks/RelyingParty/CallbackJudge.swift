public import Foundation
public import PortcullisCore

/// Judges the provider's callback and return parameters from outside (RP-12 … RP-17): how it treats a forged or
/// missing `state`, a reflected error, a wrong issuer, and off-site return targets.
public enum CallbackJudge {
    /// The marker inside ``errorPayload``; unique enough that finding it in a page means it was reflected.
    public static let errorMarker = "portcullis-xss-7c1e4b"
    /// The reflected-XSS payload the prober puts in `error_description` (contains `<script>` and a unique marker).
    public static let errorPayload = "<script>alert('\(errorMarker)')</script>"
    /// The off-site target the prober puts in return parameters: a host under `.invalid`, never resolvable.
    public static let offSiteTarget = "https://portcullis-open-redirect.invalid/landing"
    /// The return-parameter names to try for open redirects.
    public static let returnParameters = [
        "next", "return_to", "returnTo", "redirect", "redirect_url", "url", "continue", "dest", "destination",
        "return", "returnUrl", "goto", "target",
    ]

    /// RP-12: the callback with a forged `state` must answer 4xx and set no session cookie.
    public static func forgedState(_ response: ProbeResponse, callbackURL: URL) -> Observation {
        CallbackRejection.judge(
            response,
            rule: RelyingPartyRules.forgedState,
            callbackURL: callbackURL,
            what: "a forged state"
        )
    }

    /// RP-13: the callback with no `state` must answer 4xx and set no session cookie.
    public static func missingState(_ response: ProbeResponse, callbackURL: URL) -> Observation {
        CallbackRejection.judge(
            response,
            rule: RelyingPartyRules.missingState,
            callbackURL: callbackURL,
            what: "no state"
        )
    }

    /// RP-14: ``errorPayload`` sent as `error_description` must not come back unescaped in an HTML page.
    public static func reflectedError(_ response: ProbeResponse, callbackURL: URL) -> Observation {
        let rule = RelyingPartyRules.reflectedError
        guard response.failure == nil else {
            return make(rule, .needsReview, "The callback gave no response", response, callbackURL)
        }
        let body = response.text
        guard body.contains(errorPayload) else {
            let escaped = body.contains(errorMarker)
            return make(
                rule,
                .passed,
                escaped ? "error_description is echoed, but escaped" : "error_description is not echoed",
                response,
                callbackURL
            )
        }
        let type = (response.header("Content-Type") ?? "").lowercased()
        if !type.isEmpty && !type.contains("html") && !type.contains("xml") {
            return make(
                rule,
                .needsReview,
                "The <script> payload in error_description is echoed verbatim in a \(type) response: not rendered as "
                    + "HTML by browsers unless sniffed",
                response,
                callbackURL
            )
        }
        return make(
            rule,
            .failed,
            "The <script> payload sent as error_description is echoed unescaped in the callback page: reflected XSS "
                + "on the page that receives authorization codes",
            response,
            callbackURL
        )
    }

    /// RP-15: the callback page keeps codes out of Referer.
    ///
    /// `no-referrer`, `same-origin`, `origin`, `strict-origin`, `origin-when-cross-origin` and
    /// `strict-origin-when-cross-origin` send no path or query to other origins: passed. `unsafe-url` and
    /// `no-referrer-when-downgrade` send the full URL, code included: failed. An absent policy fails too (low
    /// severity): current browsers default to `strict-origin-when-cross-origin`, but the issue asks for an explicit
    /// policy, and older browsers and embedded web views default to `no-referrer-when-downgrade`. A redirecting
    /// callback passes: the redirecting URL is never sent as Referer.
    public static func referrerPolicy(_ response: ProbeResponse, callbackURL: URL) -> Observation {
        ReferrerPolicyVerdict.judge(response, callbackURL: callbackURL)
    }

    /// RP-16 (RFC 9207): a callback with a wrong `iss` must be treated differently from one without `iss`.
    public static func mixUp(wrongIssuer: ProbeResponse, noIssuer: ProbeResponse, callbackURL: URL) -> Observation {
        MixUpVerdict.judge(wrongIssuer: wrongIssuer, noIssuer: noIssuer, callbackURL: callbackURL)
    }

    /// RP-17: a return parameter set to ``offSiteTarget`` (or a variant of it) must not redirect off-site.
    public static func openRedirect(
        _ response: ProbeResponse,
        parameter: String,
        providerOrigin: URL,
        at url: URL
    ) -> Observation {
        OpenRedirectVerdict.judge(response, parameter: parameter, providerOrigin: providerOrigin, at: url)
    }

    static func make(
        _ rule: RuleID,
        _ outcome: Observation.Outcome,
        _ reason: String,
        _ response: ProbeResponse,
        _ url: URL,
        key: String? = nil
    ) -> Observation {
        Observation(
            ruleID: rule,
            outcome: outcome,
            url: url,
            evidence: Evidence(summary: reason + ". " + response.evidence),
            key: key ?? (url.path.isEmpty ? "/" : url.path)
        )
    }
}
