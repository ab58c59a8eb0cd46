import Foundation
import PortcullisCore
import SSOChecks
import Testing

private typealias Fixtures = IdentityProviderFixtures
private typealias Rule = IdentityProviderRule

@Suite("Identity provider JWK set judge")
struct JWKSJudgeTests {
    private func evaluate(_ body: Data, status: Int = 200) -> [Observation] {
        JWKSJudge.evaluate(
            Fixtures.json(Fixtures.jwksURI.absoluteString, body, status: status),
            jwksURI: Fixtures.jwksURI,
            issuer: Fixtures.issuer
        )
    }

    @Test("a 2048-bit RSA key and a P-256 key pass every key rule")
    func strongKeys() {
        let observations = evaluate(
            Fixtures.jwks([Fixtures.rsaKey(kid: "rsa-2048", modulus: Fixtures.modulus2048), Fixtures.ecP256])
        )
        #expect(observations.outcomes(Rule.jwksUnavailable) == [.passed])
        #expect(observations.outcomes(Rule.jwksPrivateKey) == [.passed])
        #expect(observations.outcomes(Rule.jwksWeakKey) == [.passed])
        #expect(observations.allSatisfy { $0.evidence.summary.contains("→ 200") })
    }

    @Test("a 1024-bit RSA key is weak, keyed by its kid")
    func weakRSA() {
        let observations = evaluate(
            Fixtures.jwks([
                Fixtures.rsaKey(kid: "legacy-1024", modulus: Fixtures.modulus1024),
                Fixtures.rsaKey(kid: "rsa-2048", modulus: Fixtures.modulus2048),
            ])
        )
        let weak = observations.of(Rule.jwksWeakKey)
        #expect(weak.map(\.outcome) == [.failed])
        #expect(weak.first?.key == "kid \"legacy-1024\"")
        #expect(weak.first?.evidence.summary.contains("1024-bit") == true)
        #expect(observations.outcomes(Rule.jwksPrivateKey) == [.passed])
    }

    @Test(
        "private and secret key material fails",
        arguments: [
            Fixtures.rsaKey(
                kid: "leaked",
                modulus: Fixtures.modulus2048,
                extra: ",\"d\":\"\(Fixtures.privateExponent1024)\""
            ),
            #"{"kid":"leaked","kty":"oct","alg":"HS256","k":"GawgguFyGrWKav7AX4VKUg"}"#,
            #"{"kid":"leaked","kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","#
                + #""y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","#
                + #""d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}"#,
        ]
    )
    func privateKey(key: String) {
        let observations = evaluate(Fixtures.jwks([key]))
        let leaked = observations.of(Rule.jwksPrivateKey)
        #expect(leaked.map(\.outcome) == [.failed])
        #expect(leaked.first?.key == "kid \"leaked\"")
    }

    @Test(
        "curves other than P-256/384/521 and garbage moduli are weak",
        arguments: [
            #"{"kid":"k1","kty":"EC","crv":"secp256k1","x":"AA","y":"AA"}"#,
            #"{"kid":"k1","kty":"RSA","n":"!!not base64!!","e":"AQAB"}"#,
            #"{"kid":"k1","kty":"RSA","e":"AQAB"}"#,
        ]
    )
    func weakOther(key: String) {
        #expect(evaluate(Fixtures.jwks([key])).outcomes(Rule.jwksWeakKey) == [.failed])
    }

    @Test(
        "an unusable JWK set fails DISC-04 and leaves the key rules inapplicable",
        arguments: [
            (Data("<html>Not Found</html>".utf8), 404),
            (Data("<html>Welcome</html>".utf8), 200),
            (Data(#"{"keys":"none"}"#.utf8), 200),
            (Data(#"[{"kty":"RSA"}]"#.utf8), 200),
        ]
    )
    func unusable(body: Data, status: Int) {
        let observations = evaluate(body, status: status)
        #expect(observations.outcomes(Rule.jwksUnavailable) == [.failed])
        #expect(observations.outcomes(Rule.jwksPrivateKey) == [.inapplicable])
        #expect(observations.outcomes(Rule.jwksWeakKey) == [.inapplicable])
    }

    @Test("no jwks_uri fails; a jwks_uri on another host is for review, not fetched")
    func notFetched() {
        let missing = JWKSJudge.evaluate(nil, jwksURI: nil, issuer: Fixtures.issuer)
        #expect(missing.outcomes(Rule.jwksUnavailable) == [.failed])
        let foreign = JWKSJudge.evaluate(
            nil,
            jwksURI: URL(string: "https://keys.cdn.example.net/certs"),
            issuer: Fixtures.issuer
        )
        #expect(foreign.outcomes(Rule.jwksUnavailable) == [.needsReview])
        #expect(foreign.of(Rule.jwksUnavailable).first?.evidence.summary.contains("another host") == true)
    }

    @Test("a failed request fails DISC-04 with the failure in evidence")
    func failure() {
        let response = ProbeResponse(requestURL: Fixtures.jwksURI.absoluteString, status: 0, failure: "timed out")
        let observations = JWKSJudge.evaluate(response, jwksURI: Fixtures.jwksURI, issuer: Fixtures.issuer)
        #expect(observations.outcomes(Rule.jwksUnavailable) == [.failed])
        #expect(observations.first?.evidence.summary.contains("timed out") == true)
    }
}
