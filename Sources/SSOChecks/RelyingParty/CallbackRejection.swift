import Foundation
import PortcullisCore

/// RP-12 / RP-13: a callback without a valid `state` must be an error (4xx) that starts no session.
enum CallbackRejection {
    static func judge(_ response: ProbeResponse, rule: RuleID, callbackURL: URL, what: String) -> Observation {
        guard response.failure == nil else {
            return CallbackJudge.make(rule, .needsReview, "The callback gave no response", response, callbackURL)
        }
        let cookies = response.setCookies.compactMap(BindingCookie.init).filter { !$0.isDeletion && !$0.value.isEmpty }
        let sessions = cookies.filter(\.looksLikeSession).map(\.name)
        let status = response.status
        if !sessions.isEmpty {
            return CallbackJudge.make(
                rule,
                .failed,
                "The callback with \(what) answered \(status) and set session cookie "
                    + sessions.joined(separator: ", ")
                    + ": the login is not bound to the browser (CSRF, RFC 6749 §10.12)",
                response,
                callbackURL
            )
        }
        switch status {
        case 400...499 where cookies.isEmpty:
            return CallbackJudge.make(
                rule,
                .passed,
                "The callback with \(what) was refused with \(status)",
                response,
                callbackURL
            )
        case 400...499:
            return CallbackJudge.make(
                rule,
                .needsReview,
                "The callback with \(what) was refused with \(status) but set cookie "
                    + cookies.map(\.name).joined(separator: ", ") + "; check it carries no session",
                response,
                callbackURL
            )
        case 200...299:
            return CallbackJudge.make(
                rule,
                .failed,
                "The callback with \(what) answered \(status): it should refuse the request with a 4xx before any "
                    + "code exchange (CSRF, RFC 6749 §10.12)",
                response,
                callbackURL
            )
        case 300...399:
            return CallbackJudge.make(
                rule,
                .needsReview,
                "The callback with \(what) redirected (\(status)) without setting a session cookie: a restart of "
                    + "the login is fine, a redirect into the application is not",
                response,
                callbackURL
            )
        default:
            return CallbackJudge.make(
                rule,
                .needsReview,
                "The callback with \(what) answered \(status): a server error does not show whether state was checked",
                response,
                callbackURL
            )
        }
    }
}
