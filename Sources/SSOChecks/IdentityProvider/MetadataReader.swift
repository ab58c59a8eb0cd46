import Foundation

/// Turns a parsed metadata object into ``ProviderMetadata``, reading every field strictly by JSON type.
enum MetadataReader {
    /// The members that hold endpoint URLs, in the order evidence lists them.
    static let endpointMembers = [
        "authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri", "registration_endpoint",
        "end_session_endpoint", "revocation_endpoint", "introspection_endpoint",
        "pushed_authorization_request_endpoint", "device_authorization_endpoint",
        "backchannel_authentication_endpoint", "check_session_iframe",
    ]

    /// The metadata the checks use.
    static func metadata(from object: [String: MetadataJSON]) -> ProviderMetadata {
        ProviderMetadata(
            issuer: object["issuer"]?.string ?? "",
            authorizationEndpoint: absoluteURL(object["authorization_endpoint"]),
            tokenEndpoint: absoluteURL(object["token_endpoint"]),
            jwksURI: absoluteURL(object["jwks_uri"]),
            endSessionEndpoint: absoluteURL(object["end_session_endpoint"]),
            responseTypesSupported: object["response_types_supported"]?.strings ?? [],
            grantTypesSupported: object["grant_types_supported"]?.strings ?? [],
            codeChallengeMethodsSupported: object["code_challenge_methods_supported"]?.strings ?? [],
            signingAlgorithms: signingAlgorithms(in: object),
            issParameterSupported: object["authorization_response_iss_parameter_supported"] == .bool(true)
        )
    }

    /// The `*_signing_alg_values_supported` members, id token first, then by name (stable order).
    static func signingAlgorithmMembers(in object: [String: MetadataJSON]) -> [(name: String, values: [String])] {
        let names = object.keys.filter { $0.hasSuffix("_signing_alg_values_supported") }.sorted { lhs, rhs in
            let first = "id_token_signing_alg_values_supported"
            if lhs == first || rhs == first { return lhs == first }
            return lhs < rhs
        }
        return names.map { ($0, object[$0]?.strings ?? []) }
    }

    /// `value` as an absolute URL with a scheme and a host, nil otherwise.
    static func absoluteURL(_ value: MetadataJSON?) -> URL? {
        guard let text = value?.string, let url = URL(string: text), url.scheme != nil, let host = url.host,
            !host.isEmpty
        else { return nil }
        return url
    }

    /// `text` without one trailing `suffix`.
    static func dropping(_ suffix: String, from text: String) -> String {
        text.hasSuffix(suffix) ? String(text.dropLast(suffix.count)) : text
    }

    private static func signingAlgorithms(in object: [String: MetadataJSON]) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for member in signingAlgorithmMembers(in: object) {
            for algorithm in member.values where seen.insert(algorithm).inserted {
                result.append(algorithm)
            }
        }
        return result
    }
}
