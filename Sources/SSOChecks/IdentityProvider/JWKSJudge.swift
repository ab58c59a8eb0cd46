public import Foundation
public import PortcullisCore

/// Judges the identity provider's published signing keys (DISC-04…06).
public enum JWKSJudge {
    /// At most this many keys are examined (real sets hold a handful; the rest is reported as skipped).
    static let keyLimit = 100

    /// DISC-04…06 from the response to `jwks_uri` (nil response when jwks_uri is absent or off-host).
    public static func evaluate(_ response: ProbeResponse?, jwksURI: URL?, issuer: URL) -> [Observation] {
        let url = jwksURI ?? issuer
        func notExamined(_ outcome: Observation.Outcome, _ why: String) -> [Observation] {
            [
                Observation(
                    ruleID: IdentityProviderRule.jwksUnavailable,
                    outcome: outcome,
                    url: url,
                    evidence: Evidence(summary: why)
                ),
                Observation(
                    ruleID: IdentityProviderRule.jwksPrivateKey,
                    outcome: .inapplicable,
                    url: url,
                    evidence: Evidence(summary: "No key set was examined: \(why)")
                ),
                Observation(
                    ruleID: IdentityProviderRule.jwksWeakKey,
                    outcome: .inapplicable,
                    url: url,
                    evidence: Evidence(summary: "No key set was examined: \(why)")
                ),
            ]
        }
        guard let jwksURI else {
            return notExamined(.failed, "The metadata publishes no usable jwks_uri: clients cannot verify ID tokens")
        }
        guard let response else {
            let host = DiscoveryJudge.isOnIssuerHost(jwksURI, issuer: issuer) ? "" : " on another host"
            return notExamined(
                .needsReview,
                "jwks_uri \(jwksURI.absoluteString) is\(host) and was not fetched: check its keys by hand"
            )
        }
        let keys: [MetadataJSON]
        do throws(MetadataJSONError) {
            if let failure = response.failure { throw MetadataJSONError(reason: "no response (\(failure))") }
            guard response.status == 200 else { throw MetadataJSONError(reason: "status \(response.status)") }
            let object = try MetadataJSONReader.object(from: response.body)
            guard case .array(let list) = object["keys"] else {
                throw MetadataJSONError(reason: "the JSON object has no \"keys\" array")
            }
            keys = list
        } catch {
            return notExamined(.failed, "The JWK set is not usable: \(error.reason). \(response.evidence)")
        }
        let available = Observation(
            ruleID: IdentityProviderRule.jwksUnavailable,
            outcome: .passed,
            url: url,
            evidence: Evidence(summary: "The JWK set holds \(keys.count) key(s). \(response.evidence)")
        )
        return [available] + keyObservations(keys, url: url, evidence: response.evidence)
    }

    private static func keyObservations(_ keys: [MetadataJSON], url: URL, evidence: String) -> [Observation] {
        var privateKeys: [Observation] = []
        var weakKeys: [Observation] = []
        for (index, value) in keys.prefix(keyLimit).enumerated() {
            let key = JWKAssessment(value, index: index)
            if !key.privateMembers.isEmpty {
                let members = key.privateMembers.joined(separator: ", ")
                privateKeys.append(
                    .failed(
                        IdentityProviderRule.jwksPrivateKey,
                        at: url,
                        "\(key.label) publishes private or secret key material (\(members)): anyone can sign tokens "
                            + "as the identity provider. \(evidence)",
                        key: key.label
                    )
                )
            }
            if let weakness = key.weakness {
                weakKeys.append(
                    .failed(
                        IdentityProviderRule.jwksWeakKey,
                        at: url,
                        "\(key.label) \(weakness). \(evidence)",
                        key: key.label
                    )
                )
            }
        }
        let skipped = keys.count > keyLimit ? " (only the first \(keyLimit) of \(keys.count) examined)" : ""
        func passed(_ rule: RuleID, _ summary: String) -> Observation {
            Observation(
                ruleID: rule,
                outcome: .passed,
                url: url,
                evidence: Evidence(summary: "\(summary)\(skipped). \(evidence)")
            )
        }
        return
            (privateKeys.isEmpty
            ? [passed(IdentityProviderRule.jwksPrivateKey, "No key has private members")]
            : privateKeys)
            + (weakKeys.isEmpty
                ? [
                    passed(
                        IdentityProviderRule.jwksWeakKey,
                        "Every RSA key has at least 2048 bits, every EC key a NIST curve"
                    )
                ]
                : weakKeys)
    }
}

/// What one JWK reveals: its label for evidence, private members, and a weakness if any.
struct JWKAssessment {
    /// Members that hold private (RSA, EC, OKP) or symmetric (`oct`) key material.
    static let privateMemberNames = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"]
    /// Curves accepted for EC keys.
    static let strongCurves: Set<String> = ["P-256", "P-384", "P-521"]
    /// The smallest acceptable RSA modulus.
    static let minimumRSABits = 2048

    /// `kid "…"` or `key #n`: deterministic, so it can serve as a finding key.
    var label: String
    /// The private members present.
    var privateMembers: [String]
    /// Why the key is weak, nil when it is not.
    var weakness: String?

    init(_ value: MetadataJSON, index: Int) {
        guard case .object(let object) = value else {
            label = "key #\(index)"
            privateMembers = []
            weakness = "is \(value.typeName), not a JWK"
            return
        }
        if let kid = object["kid"]?.string, !kid.isEmpty, kid.count <= 100 {
            label = "kid \"\(kid)\""
        } else {
            label = "key #\(index)"
        }
        privateMembers = Self.privateMemberNames.filter { object[$0] != nil }
        weakness = Self.weakness(of: object)
    }

    private static func weakness(of object: [String: MetadataJSON]) -> String? {
        switch object["kty"]?.string {
        case "RSA":
            guard let modulus = object["n"]?.string else { return "is an RSA key without a modulus (n)" }
            guard let bits = JWKBase64URL.bitLength(of: modulus) else { return "has a modulus n that is not base64url" }
            return bits < minimumRSABits ? "is a \(bits)-bit RSA key (under \(minimumRSABits) bits)" : nil
        case "EC":
            let curve = object["crv"]?.string ?? "(none)"
            return strongCurves.contains(curve) ? nil : "is an EC key on curve \(curve), not P-256, P-384 or P-521"
        default:
            return nil
        }
    }
}

/// Base64url (RFC 4648 §5) as JWKs use it, without padding.
enum JWKBase64URL {
    /// The bytes of `text`, nil when it is not base64url.
    static func decode(_ text: String) -> Data? {
        var base64 = String(text.reversed().drop { $0 == "=" }.reversed()).replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/")
        guard !base64.contains("=") else { return nil }
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }

    /// The bit length of the big-endian unsigned integer `text` encodes: bytes × 8 minus leading zero bits.
    static func bitLength(of text: String) -> Int? {
        guard let bytes = decode(text), !bytes.isEmpty else { return nil }
        guard let first = bytes.firstIndex(where: { $0 != 0 }) else { return 0 }
        let significant = bytes.distance(from: first, to: bytes.endIndex)
        return significant * 8 - bytes[first].leadingZeroBitCount
    }
}
