import CompressNIO
import Foundation
import NIOCore
import PortcullisCore
import SSOChecks
import Testing

@Suite("SAML HTTP-Redirect request judge")
struct SAMLRedirectJudgeTests {
    static let entry = URL(string: "https://wiki.example.org/spaces/ops")!
    static let origin = URL(string: "https://wiki.example.org")!
    static let idpEndpoint = "https://idp.example.org/idp/profile/SAML2/Redirect/SSO"

    static func authnRequest(
        acs: String? = "https://wiki.example.org/saml/acs",
        destination: String? = idpEndpoint
    ) -> String {
        var attributes = [
            "xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"",
            "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"",
            "ID=\"_8e8dc5f69a98cc4c1ff3427e5ce34606fd672f91e6\"", "Version=\"2.0\"",
            "IssueInstant=\"2026-11-26T02:39:36Z\"",
            "ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\"",
        ]
        if let acs { attributes.append("AssertionConsumerServiceURL=\"\(acs)\"") }
        if let destination { attributes.append("Destination=\"\(destination)\"") }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <samlp:AuthnRequest \(attributes.joined(separator: " "))>
              <saml:Issuer>https://wiki.example.org/saml/metadata</saml:Issuer>
              <samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified" AllowCreate="true"/>
            </samlp:AuthnRequest>
            """
    }

    /// base64(raw DEFLATE(`xml`)), as the HTTP-Redirect binding sends it.
    static func encode(_ xml: String) throws -> String {
        var buffer = ByteBuffer(string: xml)
        var compressed = try buffer.compress(with: .deflate())
        return Data(compressed.readBytes(length: compressed.readableBytes) ?? []).base64EncodedString()
    }

    static func location(_ request: String, extra: [QueryParameter] = []) -> URL {
        let query = RawQuery.encode([QueryParameter("SAMLRequest", request)] + extra)
        return URL(string: idpEndpoint + "?" + query)!
    }

    static func evaluate(_ location: URL, policy: SSOPolicy = SSOPolicy()) -> [Observation] {
        SAMLRedirectJudge.evaluate(location: location, entryURL: entry, providerOrigin: origin, policy: policy)
    }

    static func outcome(_ rule: RuleID, in observations: [Observation]) -> Observation.Outcome? {
        observations.first { $0.ruleID == rule }?.outcome
    }

    @Test("a correct, signed Shibboleth-style request passes every rule")
    func correct() throws {
        let location = Self.location(
            try Self.encode(Self.authnRequest()),
            extra: [
                QueryParameter("RelayState", "ss:mem:7f3a9c"),
                QueryParameter("SigAlg", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"),
                QueryParameter("Signature", "dGhpcyBpcyBub3QgYSByZWFsIHNpZ25hdHVyZQ=="),
            ]
        )
        let observations = Self.evaluate(location, policy: SSOPolicy(requiresSignedSAMLRequests: true))
        for rule in SAMLRules.all {
            #expect(Self.outcome(rule, in: observations) == .passed, "\(rule)")
        }
        #expect(observations.allSatisfy { $0.key == "/spaces/ops" })
    }

    @Test("a Location without SAMLRequest gives no observations")
    func notSAML() {
        #expect(Self.evaluate(URL(string: Self.idpEndpoint + "?foo=bar")!).isEmpty)
    }

    /// A broken request and the rule it must fail.
    struct Mistake: Sendable, CustomTestStringConvertible {
        var rule: RuleID
        var name: String
        var xml: String
        var extra: [QueryParameter] = []
        var requireSigning = false
        var testDescription: String { "\(rule): \(name)" }
    }

    static let mistakes: [Mistake] = [
        Mistake(
            rule: SAMLRules.acsNotHTTPS,
            name: "http ACS",
            xml: authnRequest(acs: "http://wiki.example.org/saml/acs")
        ),
        Mistake(
            rule: SAMLRules.acsForeign,
            name: "foreign ACS",
            xml: authnRequest(acs: "https://collector.example.net/acs")
        ),
        Mistake(rule: SAMLRules.destinationMismatch, name: "no Destination", xml: authnRequest(destination: nil)),
        Mistake(
            rule: SAMLRules.destinationMismatch,
            name: "other IdP",
            xml: authnRequest(destination: "https://idp.other.example/sso")
        ),
        Mistake(rule: SAMLRules.unsigned, name: "unsigned", xml: authnRequest(), requireSigning: true),
        Mistake(
            rule: SAMLRules.sha1Signature,
            name: "rsa-sha1",
            xml: authnRequest(),
            extra: [
                QueryParameter("SigAlg", "http://www.w3.org/2000/09/xmldsig#rsa-sha1"),
                QueryParameter("Signature", "c2lnbmF0dXJl"),
            ]
        ),
        Mistake(
            rule: SAMLRules.relayStateUnsafe,
            name: "absolute URL",
            xml: authnRequest(),
            extra: [QueryParameter("RelayState", "https://wiki.example.org/spaces/ops")]
        ),
        Mistake(
            rule: SAMLRules.relayStateUnsafe,
            name: "too long",
            xml: authnRequest(),
            extra: [QueryParameter("RelayState", String(repeating: "a1", count: 41))]
        ),
        Mistake(
            rule: SAMLRules.unparseable,
            name: "not an AuthnRequest",
            xml: "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_1\"/>"
        ),
        Mistake(
            rule: SAMLRules.unparseable,
            name: "entity declaration",
            xml: "<!DOCTYPE r [<!ENTITY x \"y\">]><samlp:AuthnRequest ID=\"&x;\"/>"
        ),
        Mistake(rule: SAMLRules.unparseable, name: "unknown entity", xml: "<AuthnRequest ID=\"&bogus;\"/>"),
        Mistake(rule: SAMLRules.unparseable, name: "unclosed", xml: "<samlp:AuthnRequest ID=\"_1\">"),
    ]

    @Test("each mistake fails its rule", arguments: mistakes)
    func mistake(_ mistake: Mistake) throws {
        let location = Self.location(try Self.encode(mistake.xml), extra: mistake.extra)
        let observations = Self.evaluate(
            location,
            policy: SSOPolicy(requiresSignedSAMLRequests: mistake.requireSigning)
        )
        #expect(Self.outcome(mistake.rule, in: observations) == .failed)
        #expect(
            observations.first { $0.outcome == .failed }?.evidence.summary.contains("Location: https://idp.example.org")
                == true
        )
    }

    @Test(
        "garbage, non-DEFLATE data and a deflate bomb are one clear failure each",
        arguments: ["garbage", "plain", "bomb"]
    )
    func unreadable(_ kind: String) throws {
        let value: String
        switch kind {
        case "garbage": value = "%%%not base64!!"
        case "plain": value = Data("<samlp:AuthnRequest/>".utf8).base64EncodedString()
        default:
            var zeros = ByteBuffer(repeating: UInt8(ascii: "A"), count: 4 << 20)
            var compressed = try zeros.compress(with: .deflate())
            value = Data(compressed.readBytes(length: compressed.readableBytes) ?? []).base64EncodedString()
        }
        let observations = Self.evaluate(Self.location(value))
        #expect(observations.count == 1)
        #expect(observations.first?.ruleID == SAMLRules.unparseable)
        #expect(observations.first?.outcome == .failed)
        if kind == "bomb" { #expect(observations.first?.evidence.summary.contains("deflate bomb") == true) }
    }

    @Test("an unencoded '+' in the base64 still decodes")
    func plusAsSpace() throws {
        let encoded = try Self.encode(Self.authnRequest())
        let raw = URL(
            string: Self.idpEndpoint + "?SAMLRequest="
                + encoded.replacingOccurrences(of: "/", with: "%2F")
                .replacingOccurrences(of: "=", with: "%3D")
        )!
        #expect(Self.outcome(SAMLRules.unparseable, in: Self.evaluate(raw)) == .passed)
    }

    @Test("unsigned requests are inapplicable to the signing rules when policy does not require signing")
    func unsignedAllowed() throws {
        let observations = Self.evaluate(Self.location(try Self.encode(Self.authnRequest())))
        #expect(Self.outcome(SAMLRules.unsigned, in: observations) == .inapplicable)
        #expect(Self.outcome(SAMLRules.sha1Signature, in: observations) == .inapplicable)
    }
}
