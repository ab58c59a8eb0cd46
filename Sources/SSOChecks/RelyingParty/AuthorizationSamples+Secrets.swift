import Foundation
import PortcullisCore

/// RP-09 and RP-11: no secret in the redirect URL; the cookie that binds the login transaction is protected.
extension AuthorizationSamples {
    /// Parameter names that must never appear in a front-channel URL.
    static let secretNames: Set<String> = [
        "client_secret", "access_token", "id_token", "code_verifier", "password", "refresh_token",
    ]

    func secretObservations(_ context: RedirectJudgeContext) -> [Observation] {
        for sample in redirects {
            let found = Self.secretParameters(in: sample.request.location)
            if !found.isEmpty {
                return [
                    context.make(
                        RelyingPartyRules.secretInURL,
                        .failed,
                        "The login redirect carries \(found.joined(separator: ", ")) in its URL, where browser "
                            + "history, logs and Referer expose it",
                        sample.response
                    )
                ]
            }
        }
        return [
            context.make(
                RelyingPartyRules.secretInURL,
                .passed,
                "No client secret, token, password or code verifier in the redirect URL",
                first.response
            )
        ]
    }

    /// The secret parameter names in `url`'s query, fragment and nested `redirect_uri` query.
    static func secretParameters(in url: URL) -> [String] {
        var parameters = RawQuery.parameters(of: url)
        if let fragment = url.fragment(percentEncoded: true) { parameters += RawQuery.parse(fragment) }
        for nested in parameters where nested.name == "redirect_uri" {
            if let inner = URL(string: nested.value) { parameters += RawQuery.parameters(of: inner) }
        }
        var names: [String] = []
        for parameter in parameters where secretNames.contains(parameter.name.lowercased()) {
            if !names.contains(parameter.name) { names.append(parameter.name) }
        }
        return names
    }

    func cookieObservations(_ context: RedirectJudgeContext) -> [Observation] {
        let rule = RelyingPartyRules.stateCookieInsecure
        let withState = redirects.filter { !($0.request.value("state") ?? "").isEmpty }
        guard !withState.isEmpty else {
            return [context.make(rule, .inapplicable, isPushed ? "Pushed request: state not seen" : "No state to bind")]
        }
        let formPost = first.request.value("response_mode") == "form_post"
        var judged: [String] = []
        for sample in withState {
            let state = sample.request.value("state") ?? ""
            let cookies = sample.response.setCookies.compactMap(BindingCookie.init).filter { !$0.isDeletion }
            let encodedState = RawQuery.escape(state)
            var binding = cookies.filter {
                $0.looksLikeTransaction || $0.value.contains(state) || $0.value.contains(encodedState)
            }
            // No cookie named for the transaction: the state is then bound through the session cookie set with it
            // (load-balancer or language cookies bind nothing and are left to the cookie checks).
            if binding.isEmpty { binding = cookies.filter(\.looksLikeSession) }
            for cookie in binding {
                let missing = cookie.missingProtections(allowSameSiteNone: formPost)
                if !missing.isEmpty {
                    return [
                        context.make(
                            rule,
                            .failed,
                            "Cookie \(cookie.name), set with the login redirect to bind the state, lacks "
                                + missing.joined(separator: ", ")
                                + ": it can be read by scripts, sent over http or sent cross-site",
                            sample.response
                        )
                    ]
                }
                if !judged.contains(cookie.name) { judged.append(cookie.name) }
            }
        }
        guard !judged.isEmpty else {
            let names = Set(withState.flatMap { $0.response.setCookies.compactMap(BindingCookie.init).map(\.name) })
            let reason =
                names.isEmpty
                ? "The login redirect sets no cookie: the state is not bound to this browser unless an existing "
                    + "session holds it (the forged-state callback check tells)"
                : "No cookie set with the login redirect recognisably binds the state (set: "
                    + names.sorted().joined(separator: ", ") + ")"
            return [context.make(rule, .needsReview, reason, first.response)]
        }
        return [
            context.make(
                rule,
                .passed,
                "Cookie \(judged.joined(separator: ", ")) is Secure, HttpOnly and SameSite",
                first.response
            )
        ]
    }
}
