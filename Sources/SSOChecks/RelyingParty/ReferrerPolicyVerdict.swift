import Foundation
import PortcullisCore

/// RP-15: does the callback page keep the authorization code in its URL out of the Referer header?
enum ReferrerPolicyVerdict {
    /// Policies that send no path or query cross-origin.
    static let safe: Set<String> = [
        "no-referrer", "same-origin", "origin", "strict-origin", "origin-when-cross-origin",
        "strict-origin-when-cross-origin",
    ]
    /// Policies that send the full URL cross-origin.
    static let unsafe: Set<String> = ["unsafe-url", "no-referrer-when-downgrade"]

    static func judge(_ response: ProbeResponse, callbackURL: URL) -> Observation {
        let rule = RelyingPartyRules.referrerPolicy
        guard response.failure == nil else {
            return CallbackJudge.make(rule, .needsReview, "The callback gave no response", response, callbackURL)
        }
        let declared = response.headerValues("Referrer-Policy").joined(separator: ",")
        // The last recognised token wins (W3C Referrer Policy §8.1); a <meta name="referrer"> counts too.
        let tokens = (declared + "," + (metaPolicy(response.text) ?? ""))
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { safe.contains($0) || unsafe.contains($0) }
        if let policy = tokens.last {
            if unsafe.contains(policy) {
                return CallbackJudge.make(
                    rule,
                    .failed,
                    "The callback sends Referrer-Policy \(policy): links and resources on it receive the full URL, "
                        + "authorization code included (RFC 9700 §4.2.4)",
                    response,
                    callbackURL
                )
            }
            return CallbackJudge.make(
                rule,
                .passed,
                "The callback sends Referrer-Policy \(policy)",
                response,
                callbackURL
            )
        }
        if response.isRedirect {
            return CallbackJudge.make(
                rule,
                .passed,
                "The callback redirects; a redirecting URL is never sent as Referer",
                response,
                callbackURL
            )
        }
        return CallbackJudge.make(
            rule,
            .failed,
            "The callback page sends no Referrer-Policy: browsers that default to no-referrer-when-downgrade pass "
                + "its URL, code included, to every linked origin",
            response,
            callbackURL
        )
    }

    /// The content of a `<meta name="referrer">` in `html`, nil when none.
    static func metaPolicy(_ html: String) -> String? {
        let lower = html.lowercased()
        var search = lower.startIndex
        while let start = lower.range(of: "<meta", range: search..<lower.endIndex) {
            let end = lower[start.upperBound...].firstIndex(of: ">") ?? lower.endIndex
            let tag = lower[start.upperBound..<end]
            if tag.contains("name=\"referrer\"") || tag.contains("name='referrer'") || tag.contains("name=referrer"),
                let content = tag.range(of: "content=")
            {
                let value = tag[content.upperBound...].drop { $0 == "\"" || $0 == "'" }
                return String(value.prefix { $0 != "\"" && $0 != "'" && $0 != " " && $0 != "/" })
            }
            search = end
        }
        return nil
    }
}
