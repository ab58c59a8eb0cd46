public import Foundation
public import PortcullisCore

/// Judges a SAML HTTP-Redirect binding login request: that it can be read, sends the assertion back to the
/// provider over https, names the identity provider it is sent to, is signed (without SHA-1) where policy says,
/// and keeps `RelayState` short and free of absolute URLs.
public enum SAMLRedirectJudge {
    /// The longest RelayState SAML Bindings §3.4.3 allows.
    public static let maximumRelayStateBytes = 80

    /// When `location` carries `SAMLRequest` (HTTP-Redirect binding): base64-decode, raw-inflate (capped at 1 MB),
    /// parse the AuthnRequest and judge it; no observations when `location` has no `SAMLRequest`. Unparseable
    /// requests are one failed `sso.saml.request-unparseable` observation.
    public static func evaluate(location: URL, entryURL: URL, providerOrigin: URL, policy: SSOPolicy) -> [Observation] {
        let parameters = RawQuery.parameters(of: location)
        guard let request = parameters.first(where: { $0.name == "SAMLRequest" })?.value else { return [] }
        let key = entryURL.path.isEmpty ? "/" : entryURL.path
        let shown = SecretMasker.maskParameters(in: location.absoluteString)
        let evidence = "Location: " + (shown.count > 300 ? shown.prefix(300) + "…" : shown)
        func make(_ rule: RuleID, _ outcome: Observation.Outcome, _ reason: String) -> Observation {
            Observation(
                ruleID: rule,
                outcome: outcome,
                url: entryURL,
                evidence: Evidence(summary: reason + ". " + evidence),
                key: key
            )
        }
        let reader: AuthnRequestReader
        do {
            reader = try AuthnRequestReader(SAMLRequestDecoder.decode(request))
        } catch {
            return [make(SAMLRules.unparseable, .failed, "The SAMLRequest cannot be read: \(error.description)")]
        }
        var observations = [
            make(SAMLRules.unparseable, .passed, "The SAMLRequest inflates and parses as an AuthnRequest")
        ]
        observations += acsObservations(reader, providerOrigin: providerOrigin, make)
        observations.append(destinationObservation(reader, location: location, parameters: parameters, make))
        observations += signatureObservations(parameters, policy: policy, make)
        observations.append(relayStateObservation(parameters, make))
        return observations
    }

    private typealias Make = (RuleID, Observation.Outcome, String) -> Observation

    private static func acsObservations(
        _ reader: AuthnRequestReader,
        providerOrigin: URL,
        _ make: Make
    ) -> [Observation] {
        guard let acs = reader.attributes["AssertionConsumerServiceURL"] else {
            let reason =
                "No AssertionConsumerServiceURL: the identity provider uses the endpoint registered in metadata"
                + (reader.attributes["AssertionConsumerServiceIndex"].map { " (index \($0))" } ?? "")
            return [
                make(SAMLRules.acsNotHTTPS, .inapplicable, reason), make(SAMLRules.acsForeign, .inapplicable, reason),
            ]
        }
        let url = URL(string: acs)
        let https = url?.scheme?.lowercased() == "https"
        let own = url.map { OriginComparison.sameSite($0, as: providerOrigin) } ?? false
        return [
            https
                ? make(SAMLRules.acsNotHTTPS, .passed, "AssertionConsumerServiceURL \(acs) is https")
                : make(
                    SAMLRules.acsNotHTTPS,
                    .failed,
                    "AssertionConsumerServiceURL \(acs) is not https: the signed assertion travels in clear text"
                ),
            own
                ? make(SAMLRules.acsForeign, .passed, "AssertionConsumerServiceURL is on the provider's origin")
                : make(
                    SAMLRules.acsForeign,
                    .failed,
                    "AssertionConsumerServiceURL \(acs) is not on the provider's origin "
                        + "\(OriginComparison.describe(providerOrigin)): assertions would be delivered elsewhere"
                ),
        ]
    }

    private static func destinationObservation(
        _ reader: AuthnRequestReader,
        location: URL,
        parameters: [QueryParameter],
        _ make: Make
    ) -> Observation {
        var components = URLComponents(url: location, resolvingAgainstBaseURL: false)
        components?.query = nil
        components?.fragment = nil
        let endpoint = components?.url.map(OriginComparison.endpointKey) ?? location.absoluteString
        guard let destination = reader.attributes["Destination"] else {
            let signed = parameters.contains { $0.name == "Signature" }
            return make(
                SAMLRules.destinationMismatch,
                .failed,
                "The AuthnRequest has no Destination"
                    + (signed ? ", which a signed redirect-binding request must have (SAML Bindings §3.4.5.2)" : "")
                    + ": a request captured for \(endpoint) can be replayed to another identity provider"
            )
        }
        guard let url = URL(string: destination), OriginComparison.endpointKey(url) == endpoint else {
            return make(
                SAMLRules.destinationMismatch,
                .failed,
                "Destination \(destination) is not the endpoint the request is sent to (\(endpoint))"
            )
        }
        return make(SAMLRules.destinationMismatch, .passed, "Destination matches the endpoint \(endpoint)")
    }

    private static func signatureObservations(
        _ parameters: [QueryParameter],
        policy: SSOPolicy,
        _ make: Make
    ) -> [Observation] {
        let algorithm = parameters.first { $0.name == "SigAlg" }?.value
        let signed = algorithm != nil && parameters.contains { $0.name == "Signature" && !$0.value.isEmpty }
        var observations: [Observation] = []
        if signed {
            observations.append(make(SAMLRules.unsigned, .passed, "The request is signed (SigAlg and Signature)"))
        } else if policy.requiresSignedSAMLRequests {
            observations.append(
                make(
                    SAMLRules.unsigned,
                    .failed,
                    "Policy requires signed SAML requests, but the redirect carries no SigAlg and Signature: anyone "
                        + "can send the identity provider requests in this provider's name"
                )
            )
        } else {
            observations.append(
                make(SAMLRules.unsigned, .inapplicable, "The request is unsigned; policy does not require signing")
            )
        }
        if let algorithm {
            let lower = algorithm.lowercased()
            observations.append(
                lower.hasSuffix("sha1") || lower.contains("sha1")
                    ? make(
                        SAMLRules.sha1Signature,
                        .failed,
                        "The request is signed with \(algorithm): SHA-1 signatures can be forged by collision"
                    )
                    : make(SAMLRules.sha1Signature, .passed, "The request is signed with \(algorithm)")
            )
        } else {
            observations.append(make(SAMLRules.sha1Signature, .inapplicable, "The request carries no SigAlg"))
        }
        return observations
    }

    private static func relayStateObservation(_ parameters: [QueryParameter], _ make: Make) -> Observation {
        guard let relay = parameters.first(where: { $0.name == "RelayState" })?.value else {
            return make(SAMLRules.relayStateUnsafe, .passed, "No RelayState")
        }
        var problems: [String] = []
        if relay.utf8.count > maximumRelayStateBytes {
            problems.append("is \(relay.utf8.count) bytes, over the 80 that SAML Bindings §3.4.3 allows")
        }
        let lower = relay.lowercased()
        // `ss:mem:…` (Shibboleth) is an opaque reference, not a URL: only `scheme://`, `//host` and script URLs
        // count.
        if lower.hasPrefix("//") || lower.hasPrefix("\\\\") || lower.hasPrefix("/\\")
            || lower.range(of: "^[a-z][a-z0-9+.-]*:/[/\\\\]", options: .regularExpression) != nil
            || ["javascript:", "data:", "vbscript:"].contains(where: lower.hasPrefix)
        {
            problems.append("is an absolute URL, which the provider may redirect to after login (open redirect)")
        }
        guard problems.isEmpty else {
            return make(SAMLRules.relayStateUnsafe, .failed, "RelayState " + problems.joined(separator: " and "))
        }
        return make(SAMLRules.relayStateUnsafe, .passed, "RelayState is short and not an absolute URL")
    }
}
