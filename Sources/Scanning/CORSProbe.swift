import Foundation
public import PortcullisCore
import PortcullisHTTP

/// The active CORS probe, once per origin: asks as a hostile site (`Origin: https://evil.example`) and as a
/// sandboxed document (`Origin: null`) and reports what the server lets such callers read.
///
/// A response readable cross-origin *with credentials* hands the user's data on that origin to any web page.
struct CORSProbe: Sendable {
    /// The origin a hostile page would send; `.example` is reserved and never resolves.
    static let hostileOrigin = "https://evil.example"

    let client: HTTPClient
    let headers: [HeaderField]

    /// Probes `url` (an entry URL of the origin) and returns failed observations for what is misconfigured.
    func probe(_ url: URL) async -> [Observation] {
        var observations: [Observation] = []
        for origin in [Self.hostileOrigin, "null"] {
            let request = headers + [HeaderField(name: "Origin", value: origin)]
            guard let exchange = try? await client.fetch(url, headers: request, allowRedirect: { _ in false }) else {
                continue
            }
            observations += Self.judge(exchange.response, sentOrigin: origin, at: exchange.finalURL)
        }
        return observations
    }

    /// What one response says about the origin it was asked with (the Fetch standard's CORS check).
    static func judge(_ response: ResponseHop, sentOrigin: String, at url: URL) -> [Observation] {
        guard let allowed = response.value(of: "Access-Control-Allow-Origin")?.trimmingCharacters(in: .whitespaces)
        else { return [] }
        let credentials =
            response.value(of: "Access-Control-Allow-Credentials")?.trimmingCharacters(in: .whitespaces) == "true"
        let evidence =
            "Origin: \(sentOrigin) → Access-Control-Allow-Origin: \(allowed)"
            + (credentials ? ", Access-Control-Allow-Credentials: true" : "")
        if allowed == "*" {
            guard credentials else { return [] }
            return [
                .failed(
                    CORSRules.wildcardWithCredentials,
                    at: url,
                    "Access-Control-Allow-Origin is * together with Access-Control-Allow-Credentials: true",
                    snippet: evidence
                )
            ]
        }
        guard allowed == sentOrigin else { return [] }
        if sentOrigin == "null" {
            return [
                .failed(
                    CORSRules.nullOriginTrusted,
                    at: url,
                    "The server trusts the origin 'null' (sandboxed frames, data: URLs)"
                        + (credentials ? " with credentials" : ""),
                    snippet: evidence
                )
            ]
        }
        return [
            .failed(
                credentials ? CORSRules.reflectedWithCredentials : CORSRules.reflected,
                at: url,
                "The server reflects an arbitrary Origin in Access-Control-Allow-Origin"
                    + (credentials ? " and allows credentials: any site can read users' data" : ""),
                snippet: evidence
            )
        ]
    }
}

/// Rules the CORS probe emits.
public enum CORSRules {
    public static let reflectedWithCredentials: RuleID = "headers.cors-origin-reflected-with-credentials"
    public static let reflected: RuleID = "headers.cors-origin-reflected"
    public static let nullOriginTrusted: RuleID = "headers.cors-null-origin-trusted"
    public static let wildcardWithCredentials: RuleID = "headers.cors-wildcard-with-credentials"

    /// Every rule id the probe can emit.
    public static let all: [RuleID] = [reflectedWithCredentials, reflected, nullOriginTrusted, wildcardWithCredentials]
}
