public import Foundation
public import PortcullisCore

/// Judges an identity provider's published metadata (DISC-01…03, DISC-07…11): where to fetch it, whether it is
/// usable, and what it advertises.
public enum DiscoveryJudge {
    /// Where to fetch metadata for `issuer`: `<issuer>/.well-known/openid-configuration` and the RFC 8414 URL
    /// (`/.well-known/oauth-authorization-server` inserted before the issuer's path).
    public static func documentURLs(issuer: URL) -> [URL] {
        let text = issuer.absoluteString
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        var urls: [URL] = []
        if let openID = URL(string: trimmed + "/.well-known/openid-configuration") { urls.append(openID) }
        if var components = URLComponents(url: issuer, resolvingAgainstBaseURL: false) {
            var path = components.percentEncodedPath
            if path.hasSuffix("/") { path.removeLast() }
            components.percentEncodedPath = "/.well-known/oauth-authorization-server" + path
            components.percentEncodedQuery = nil
            components.fragment = nil
            if let oauth = components.url { urls.append(oauth) }
        }
        return urls
    }

    /// Whether `endpoint` is on the issuer's host (case-insensitive), the scope the prober may fetch from.
    public static func isOnIssuerHost(_ endpoint: URL, issuer: URL) -> Bool {
        guard let host = endpoint.host?.lowercased(), let issuerHost = issuer.host?.lowercased() else { return false }
        return host == issuerHost
    }

    /// DISC-01…03 and DISC-07…11 from the responses to `documentURLs(issuer:)` (same order; either may be a
    /// failure or 404). Returns the metadata parsed from the first usable document. Bad input: not JSON, huge
    /// (the prober caps bodies at 1 MB; treat truncated as unusable), endpoints on other hosts (report: never
    /// followed).
    public static func evaluate(
        issuer: URL,
        responses: [ProbeResponse]
    ) -> (observations: [Observation], metadata: ProviderMetadata?) {
        var problems: [String] = []
        for response in responses {
            switch usableObject(response) {
            case .success(let object):
                let document = MetadataDocument(issuer: issuer, response: response, object: object)
                let available = Observation(
                    ruleID: IdentityProviderRule.discoveryUnavailable,
                    outcome: .passed,
                    url: document.url,
                    evidence: Evidence(summary: "The metadata document is a JSON object: \(response.evidence)")
                )
                var observations = [available, issuerObservation(document)]
                observations += EndpointAudit.observations(document)
                observations += CapabilityAudit.observations(document)
                return (observations, MetadataReader.metadata(from: object))
            case .failure(let problem):
                problems.append("\(response.evidence): \(problem.reason)")
            }
        }
        let summary =
            problems.isEmpty
            ? "No metadata document was requested for \(issuer.absoluteString)."
            : "Neither metadata document is a usable JSON object. " + problems.joined(separator: "; ")
        let failed = Observation(
            ruleID: IdentityProviderRule.discoveryUnavailable,
            outcome: .failed,
            url: documentURLs(issuer: issuer).first ?? issuer,
            evidence: Evidence(summary: summary)
        )
        return ([failed], nil)
    }

    private static func usableObject(_ response: ProbeResponse) -> Result<[String: MetadataJSON], MetadataJSONError> {
        if let failure = response.failure { return .failure(MetadataJSONError(reason: "no response (\(failure))")) }
        guard response.status == 200 else {
            return .failure(MetadataJSONError(reason: "status \(response.status), not 200"))
        }
        return Result { () throws(MetadataJSONError) in try MetadataJSONReader.object(from: response.body) }
    }

    private static func issuerObservation(_ document: MetadataDocument) -> Observation {
        let expected = document.issuer.absoluteString
        let outcome: Observation.Outcome
        let summary: String
        switch document.object["issuer"] {
        case .string(let published) where published == expected:
            outcome = .passed
            summary = "issuer \"\(published)\" is byte-identical to the issuer URL used"
        case .string(let published):
            outcome = .failed
            let slash =
                MetadataReader.dropping("/", from: published) == MetadataReader.dropping("/", from: expected)
                ? " (they differ by a trailing slash)" : ""
            summary =
                "issuer \"\(published)\" is not byte-identical to the issuer URL used, \"\(expected)\"\(slash): "
                + "clients must reject such metadata (OpenID Connect Discovery §4.3, RFC 8414 §3.3)"
        case .some(let value):
            outcome = .failed
            summary = "issuer is \(value.typeName), not the string \"\(expected)\""
        case .none:
            outcome = .failed
            summary = "the metadata has no issuer member (expected \"\(expected)\")"
        }
        return Observation(
            ruleID: IdentityProviderRule.issuerMismatch,
            outcome: outcome,
            url: document.url,
            evidence: Evidence(summary: "\(summary). \(document.response.evidence)")
        )
    }
}

/// The metadata document the judges read: where it came from and its parsed top-level object.
struct MetadataDocument {
    /// The issuer URL used to find the document.
    var issuer: URL
    /// The response that carried it.
    var response: ProbeResponse
    /// Its top-level object.
    var object: [String: MetadataJSON]

    /// The document's URL, for observations.
    var url: URL { URL(string: response.requestURL) ?? issuer }

    /// An observation about this document with `summary` and its request evidence.
    func observation(
        _ rule: RuleID,
        _ outcome: Observation.Outcome,
        _ summary: String,
        key: String = ""
    )
        -> Observation
    {
        Observation(
            ruleID: rule,
            outcome: outcome,
            url: url,
            evidence: Evidence(summary: "\(summary). \(response.evidence)"),
            key: key
        )
    }
}
