public import Foundation
public import PortcullisCore

extension AuthorizationEndpointJudge {
    /// AUTH-02: X-Frame-Options DENY/SAMEORIGIN or CSP frame-ancestors without `*`. An enforced
    /// `frame-ancestors` wins over X-Frame-Options in browsers, so a permissive one fails even with XFO set.
    public static func framing(_ loginPage: ProbeResponse, endpoint: URL) -> Observation {
        let rule = IdentityProviderRule.loginPageFrameable
        if let failure = loginPage.failure {
            return observation(
                rule,
                .needsReview,
                "No login page to examine: no response (\(failure))",
                loginPage,
                endpoint
            )
        }
        guard (200...299).contains(loginPage.status) else {
            return observation(
                rule,
                .needsReview,
                "No login page to examine (status \(loginPage.status))",
                loginPage,
                endpoint
            )
        }
        let policies = loginPage.headerValues("Content-Security-Policy")
            .flatMap { $0.split(separator: ",").map(String.init) }
        let ancestors = policies.compactMap(frameAncestors)
        if !ancestors.isEmpty {
            if let strict = ancestors.first(where: { !isPermissive($0) }) {
                return observation(
                    rule,
                    .passed,
                    "The login page sends CSP frame-ancestors \(describe(strict))",
                    loginPage,
                    endpoint
                )
            }
            return observation(
                rule,
                .failed,
                "The login page's CSP frame-ancestors \(describe(ancestors[0])) lets any site frame it "
                    + "(clickjacking of credentials); browsers then ignore X-Frame-Options",
                loginPage,
                endpoint
            )
        }
        let options = loginPage.header("X-Frame-Options")?.trimmingCharacters(in: .whitespaces).uppercased()
        if options == "DENY" || options == "SAMEORIGIN" {
            return observation(
                rule,
                .passed,
                "The login page sends X-Frame-Options: \(options ?? "")",
                loginPage,
                endpoint
            )
        }
        let sent = options.map { "X-Frame-Options: \($0) is not DENY or SAMEORIGIN" } ?? "no X-Frame-Options"
        return observation(
            rule,
            .failed,
            "The login page may be framed by any site (clickjacking of credentials): \(sent) and no CSP "
                + "frame-ancestors",
            loginPage,
            endpoint
        )
    }

    /// The sources of the `frame-ancestors` directive of one policy, nil when it has none.
    private static func frameAncestors(_ policy: String) -> [String]? {
        for directive in policy.split(separator: ";") {
            let tokens = directive.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if tokens.first?.lowercased() == "frame-ancestors" { return Array(tokens.dropFirst()) }
        }
        return nil
    }

    private static func isPermissive(_ sources: [String]) -> Bool {
        sources.contains { source in
            let lower = source.lowercased()
            return lower == "*" || lower == "https:" || lower == "http:" || lower.hasSuffix("://*")
                || lower == "https://*:*" || lower == "http://*:*"
        }
    }

    private static func describe(_ sources: [String]) -> String {
        sources.isEmpty ? "(empty, same as 'none')" : sources.joined(separator: " ")
    }
}
