public import Foundation
public import PortcullisCore

extension AuthorizationEndpointJudge {
    /// The `post_logout_redirect_uri` of the logout probe: an https URL under `.invalid` (RFC 6761).
    public static let unregisteredLogoutTarget = "https://logout.evil.invalid/portcullis-after-logout"

    /// The raw query for the end-session endpoint (OpenID Connect RP-Initiated Logout §2), with a fixed `state`.
    public static func logoutQuery(postLogoutRedirectURI: String, clientID: String?, idTokenHint: String?) -> String {
        var parameters: [QueryParameter] = []
        if let idTokenHint { parameters.append(QueryParameter("id_token_hint", idTokenHint)) }
        if let clientID { parameters.append(QueryParameter("client_id", clientID)) }
        parameters.append(QueryParameter("post_logout_redirect_uri", postLogoutRedirectURI))
        parameters.append(QueryParameter("state", "portcullis-logout-probe"))
        return RawQuery.encode(parameters)
    }

    /// LOGOUT-01: neither a Location to it nor the URL in a confirmation form/link in the body.
    public static func logout(_ response: ProbeResponse, smuggled: String, endpoint: URL) -> Observation {
        let rule = IdentityProviderRule.logoutOpenRedirect
        let prefix = "Logout with the unregistered post_logout_redirect_uri \(smuggled)"
        if let failure = response.failure {
            return observation(rule, .needsReview, "\(prefix): no response (\(failure))", response, endpoint)
        }
        if let target = LocationTarget.resolve(response),
            RedirectURITampering.leads(to: target, smuggled: smuggled, legitimate: nil)
        {
            return observation(rule, .failed, "\(prefix) was redirected to it (open redirect)", response, endpoint)
        }
        let body = response.text
        let forms = [
            smuggled, smuggled.replacingOccurrences(of: "&", with: "&amp;"),
            smuggled.replacingOccurrences(of: "/", with: "\\/"),
        ]
        if forms.contains(where: { body.contains($0) }) {
            return observation(
                rule,
                .failed,
                "\(prefix) was placed in the response page (a confirmation form or link leads there)",
                response,
                endpoint
            )
        }
        if body.contains(RawQuery.escape(smuggled)) {
            return observation(
                rule,
                .needsReview,
                "\(prefix) is carried, percent-encoded, in the page (likely a confirmation form's query): check "
                    + "whether confirming redirects there",
                response,
                endpoint
            )
        }
        let how =
            response.isRedirect
            ? "redirected elsewhere"
            : (response.status >= 400 ? "refused with status \(response.status)" : "a page without it")
        return observation(rule, .passed, "\(prefix) was not followed (\(how))", response, endpoint)
    }
}
