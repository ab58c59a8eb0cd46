import Foundation
import PortcullisCore

/// DISC-07…11: what the metadata advertises about algorithms, response types, grants, PKCE and RFC 9207.
enum CapabilityAudit {
    /// One observation per rule, passed or not.
    static func observations(_ document: MetadataDocument) -> [Observation] {
        [algNone(document), tokenResponseTypes(document), passwordGrant(document)] + pkce(document)
            + [issParameter(document)]
    }

    private static func algNone(_ document: MetadataDocument) -> Observation {
        let members = MetadataReader.signingAlgorithmMembers(in: document.object)
        let withNone = members.filter { $0.values.contains { $0.lowercased() == "none" } }.map(\.name)
        let unsignedRequestObjects = "request_object_signing_alg_values_supported"
        let dangerous = withNone.filter { $0 != unsignedRequestObjects }
        if !dangerous.isEmpty {
            return document.observation(
                IdentityProviderRule.algNone,
                .failed,
                "\"none\" is advertised in \(dangerous.joined(separator: ", ")): unsigned tokens would be accepted "
                    + "as genuine"
            )
        }
        if !withNone.isEmpty {
            return document.observation(
                IdentityProviderRule.algNone,
                .needsReview,
                "\"none\" is advertised only in \(unsignedRequestObjects): unsigned request objects are accepted; "
                    + "confirm no client relies on signed requests"
            )
        }
        let names = members.isEmpty ? "no *_signing_alg_values_supported member" : "no signing algorithm list"
        return document.observation(IdentityProviderRule.algNone, .passed, "\(names) advertises \"none\"")
    }

    private static func tokenResponseTypes(_ document: MetadataDocument) -> Observation {
        guard let types = document.object["response_types_supported"]?.strings else {
            return document.observation(
                IdentityProviderRule.tokenResponseTypes,
                .needsReview,
                "response_types_supported is missing or not a list (it is required)"
            )
        }
        let issuing = types.filter { $0.split(separator: " ").contains("token") }
        if !issuing.isEmpty {
            let list = issuing.map { "\"\($0)\"" }.joined(separator: ", ")
            return document.observation(
                IdentityProviderRule.tokenResponseTypes,
                .failed,
                "response_types_supported advertises \(list): access tokens in the front channel "
                    + "(implicit or hybrid flow, RFC 9700 §2.1.2)"
            )
        }
        return document.observation(
            IdentityProviderRule.tokenResponseTypes,
            .passed,
            "response_types_supported [\(types.joined(separator: ", "))] issues no access token in the front channel"
        )
    }

    private static func passwordGrant(_ document: MetadataDocument) -> Observation {
        guard let grants = document.object["grant_types_supported"]?.strings else {
            return document.observation(
                IdentityProviderRule.passwordGrant,
                .passed,
                "grant_types_supported is not published (the default is authorization_code and implicit)"
            )
        }
        if grants.contains("password") {
            return document.observation(
                IdentityProviderRule.passwordGrant,
                .failed,
                "grant_types_supported advertises \"password\": clients may collect users' passwords "
                    + "(RFC 9700 §2.4)"
            )
        }
        return document.observation(
            IdentityProviderRule.passwordGrant,
            .passed,
            "grant_types_supported [\(grants.joined(separator: ", "))] has no password grant"
        )
    }

    private static func pkce(_ document: MetadataDocument) -> [Observation] {
        guard let methods = document.object["code_challenge_methods_supported"]?.strings else {
            return [
                document.observation(
                    IdentityProviderRule.pkceS256Missing,
                    .failed,
                    "code_challenge_methods_supported is not published: clients cannot tell PKCE is supported "
                        + "(RFC 9700 §2.1.1)"
                ),
                document.observation(
                    IdentityProviderRule.pkcePlainAdvertised,
                    .passed,
                    "no PKCE method is advertised, so not plain"
                ),
            ]
        }
        let list = "[\(methods.joined(separator: ", "))]"
        let s256 =
            methods.contains("S256")
            ? document.observation(
                IdentityProviderRule.pkceS256Missing,
                .passed,
                "code_challenge_methods_supported \(list) has S256"
            )
            : document.observation(
                IdentityProviderRule.pkceS256Missing,
                .failed,
                "code_challenge_methods_supported \(list) lacks S256"
            )
        let plain =
            methods.contains("plain")
            ? document.observation(
                IdentityProviderRule.pkcePlainAdvertised,
                .failed,
                "code_challenge_methods_supported \(list) offers plain: the challenge equals the verifier, so a "
                    + "leaked authorization request defeats PKCE (RFC 7636 §7.2)"
            )
            : document.observation(
                IdentityProviderRule.pkcePlainAdvertised,
                .passed,
                "code_challenge_methods_supported \(list) does not offer plain"
            )
        return [s256, plain]
    }

    private static func issParameter(_ document: MetadataDocument) -> Observation {
        let member = "authorization_response_iss_parameter_supported"
        switch document.object[member] {
        case .bool(true):
            return document.observation(IdentityProviderRule.issParameterUnsupported, .passed, "\(member) is true")
        case .bool(false):
            return document.observation(
                IdentityProviderRule.issParameterUnsupported,
                .failed,
                "\(member) is false: clients cannot detect mix-up attacks (RFC 9207)"
            )
        case .none:
            return document.observation(
                IdentityProviderRule.issParameterUnsupported,
                .failed,
                "\(member) is absent (false by default): clients cannot detect mix-up attacks (RFC 9207)"
            )
        case .some(let value):
            return document.observation(
                IdentityProviderRule.issParameterUnsupported,
                .failed,
                "\(member) is \(value.typeName) (\(describe(value))), not the boolean true"
            )
        }
    }

    private static func describe(_ value: MetadataJSON) -> String {
        switch value {
        case .string(let text): return "\"\(text)\""
        case .number(let number): return String(number)
        default: return value.typeName
        }
    }
}
