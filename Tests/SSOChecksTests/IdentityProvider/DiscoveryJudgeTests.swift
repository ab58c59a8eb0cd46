import Foundation
import PortcullisCore
import SSOChecks
import Testing

private typealias Fixtures = IdentityProviderFixtures
private typealias Rule = IdentityProviderRule

@Suite("Identity provider discovery judge")
struct DiscoveryJudgeTests {
    private let openID = "https://idp.example.com/realms/acme/.well-known/openid-configuration"
    private let oauth = "https://idp.example.com/.well-known/oauth-authorization-server/realms/acme"

    private func evaluate(_ body: Data) -> (observations: [Observation], metadata: ProviderMetadata?) {
        DiscoveryJudge.evaluate(issuer: Fixtures.issuer, responses: [Fixtures.json(openID, body)])
    }

    @Test(
        "document URLs: OpenID Connect appends, RFC 8414 inserts before the path",
        arguments: [
            (
                "https://idp.example.com/realms/acme",
                [
                    "https://idp.example.com/realms/acme/.well-known/openid-configuration",
                    "https://idp.example.com/.well-known/oauth-authorization-server/realms/acme",
                ]
            ),
            (
                "https://idp.example.com/realms/acme/",
                [
                    "https://idp.example.com/realms/acme/.well-known/openid-configuration",
                    "https://idp.example.com/.well-known/oauth-authorization-server/realms/acme",
                ]
            ),
            (
                "https://as.example.com:8443",
                [
                    "https://as.example.com:8443/.well-known/openid-configuration",
                    "https://as.example.com:8443/.well-known/oauth-authorization-server",
                ]
            ),
        ]
    )
    func documentURLs(issuer: String, expected: [String]) {
        #expect(DiscoveryJudge.documentURLs(issuer: URL(string: issuer)!).map(\.absoluteString) == expected)
    }

    @Test("a hardened Keycloak document passes every metadata rule and is parsed")
    func hardened() throws {
        let (observations, metadata) = evaluate(Fixtures.keycloak())
        let rules = [
            Rule.discoveryUnavailable, Rule.issuerMismatch, Rule.endpointNotHTTPS, Rule.endpointQueryOrFragment,
            Rule.endpointForeignHost, Rule.algNone, Rule.tokenResponseTypes, Rule.passwordGrant,
            Rule.pkceS256Missing, Rule.pkcePlainAdvertised, Rule.issParameterUnsupported,
        ]
        for rule in rules { #expect(observations.outcomes(rule) == [.passed], "\(rule)") }
        #expect(observations.count == rules.count)
        #expect(observations.allSatisfy { $0.evidence.summary.contains("GET \(openID) → 200") })
        let parsed = try #require(metadata)
        #expect(parsed.issuer == "https://idp.example.com/realms/acme")
        #expect(parsed.authorizationEndpoint == Fixtures.endpoint)
        #expect(parsed.jwksURI == Fixtures.jwksURI)
        #expect(parsed.endSessionEndpoint?.path == "/realms/acme/protocol/openid-connect/logout")
        #expect(parsed.responseTypesSupported == ["code"])
        #expect(parsed.codeChallengeMethodsSupported == ["S256"])
        #expect(parsed.signingAlgorithms.first == "PS384")
        #expect(parsed.signingAlgorithms.count == 6)
        #expect(parsed.issParameterSupported)
    }

    @Test(
        "unusable documents fail discovery and yield no metadata",
        arguments: [
            ("an HTML page", Data("<!DOCTYPE html><html><body>Welcome</body></html>".utf8), 200),
            ("a 404", Data("{\"error\":\"not found\"}".utf8), 404),
            ("a JSON array", Data("[{\"issuer\":\"https://idp.example.com/realms/acme\"}]".utf8), 200),
            (
                "deep nesting", Data((String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)).utf8),
                200
            ),
            ("an empty body", Data(), 200),
            ("garbage bytes", Data([0xFF, 0xFE, 0x00, 0x7B, 0x22]), 200),
        ]
    )
    func unusable(name: String, body: Data, status: Int) {
        let responses = [
            Fixtures.json(openID, body, status: status),
            ProbeResponse(requestURL: oauth, status: 0, failure: "connection refused"),
        ]
        let (observations, metadata) = DiscoveryJudge.evaluate(issuer: Fixtures.issuer, responses: responses)
        #expect(metadata == nil, "\(name)")
        #expect(observations.map(\.ruleID) == [Rule.discoveryUnavailable])
        #expect(observations.first?.outcome == .failed)
        #expect(observations.first?.evidence.summary.contains("connection refused") == true)
        #expect(observations.first?.evidence.summary.contains("GET \(openID) → \(status)") == true)
    }

    @Test("a 2 MB document truncated at the 1 MB cap is unusable, even though it starts as valid JSON")
    func truncated() {
        var text = Fixtures.keycloakMembers.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ",")
        text = "{" + text + ",\"claims_supported\":[" + String(repeating: "\"claim-name-padding\",", count: 100_000)
        let capped = Data(text.utf8).prefix(1_048_576)
        let (observations, metadata) = evaluate(Data(capped))
        #expect(metadata == nil)
        #expect(observations.outcomes(Rule.discoveryUnavailable) == [.failed])
        #expect(observations.first?.evidence.summary.contains("truncated") == true)
    }

    @Test("the RFC 8414 document is used when the OpenID Connect one is missing")
    func fallback() {
        let responses = [
            ProbeResponse(requestURL: openID, status: 404, body: Data("Not Found".utf8)),
            Fixtures.json(oauth, Fixtures.keycloak()),
        ]
        let (observations, metadata) = DiscoveryJudge.evaluate(issuer: Fixtures.issuer, responses: responses)
        #expect(metadata?.tokenEndpoint != nil)
        #expect(observations.outcomes(Rule.discoveryUnavailable) == [.passed])
        #expect(observations.of(Rule.issuerMismatch).first?.url.absoluteString == oauth)
    }

    @Test(
        "issuer must be byte-identical",
        arguments: [
            (#""https://idp.example.com/realms/acme/""#, "trailing slash"),
            (#""https://IDP.example.com/realms/acme""#, "not byte-identical"),
            (#"["https://idp.example.com/realms/acme"]"#, "an array"),
        ]
    )
    func issuerMismatch(value: String, phrase: String) {
        let (observations, _) = evaluate(Fixtures.keycloak(["issuer": value]))
        #expect(observations.outcomes(Rule.issuerMismatch) == [.failed])
        #expect(observations.of(Rule.issuerMismatch).first?.evidence.summary.contains(phrase) == true)
    }

    @Test("a missing issuer fails")
    func issuerMissing() {
        let (observations, _) = evaluate(Fixtures.keycloak(["issuer": String?.none]))
        #expect(observations.outcomes(Rule.issuerMismatch) == [.failed])
    }

    @Test("http and non-URL endpoints fail, each keyed by its member")
    func notHTTPS() {
        let (observations, _) = evaluate(
            Fixtures.keycloak([
                "token_endpoint": #""http://idp.example.com/realms/acme/protocol/openid-connect/token""#,
                "userinfo_endpoint": "42",
            ])
        )
        let failed = observations.of(Rule.endpointNotHTTPS)
        #expect(failed.map(\.outcome) == [.failed, .failed])
        #expect(Set(failed.map(\.key)) == ["token_endpoint", "userinfo_endpoint"])
    }

    @Test("an endpoint with a query or fragment fails")
    func queryOrFragment() {
        let (observations, _) = evaluate(
            Fixtures.keycloak([
                "authorization_endpoint": #""https://idp.example.com/realms/acme/auth?tenant=acme""#,
                "end_session_endpoint": #""https://idp.example.com/realms/acme/logout#x""#,
            ])
        )
        let failed = observations.of(Rule.endpointQueryOrFragment)
        #expect(failed.map(\.outcome) == [.failed, .failed])
        #expect(Set(failed.map(\.key)) == ["authorization_endpoint", "end_session_endpoint"])
        #expect(observations.outcomes(Rule.endpointNotHTTPS) == [.passed])
    }

    @Test("endpoints on other hosts are reported for review and kept as published (never followed)")
    func foreignHosts() throws {
        let (observations, metadata) = evaluate(
            Fixtures.keycloak(["jwks_uri": #""https://keys.cdn.example.net/acme/certs""#])
        )
        let foreign = observations.of(Rule.endpointForeignHost)
        #expect(foreign.map(\.outcome) == [.needsReview])
        #expect(foreign.first?.key == "jwks_uri")
        #expect(foreign.first?.evidence.summary.contains("not fetched") == true)
        let jwks = try #require(metadata?.jwksURI)
        #expect(!DiscoveryJudge.isOnIssuerHost(jwks, issuer: Fixtures.issuer))
        #expect(DiscoveryJudge.isOnIssuerHost(Fixtures.endpoint, issuer: Fixtures.issuer))
    }

    @Test("Microsoft Entra ID: graph userinfo is foreign, implicit types fail, PKCE and iss are not advertised")
    func entra() throws {
        let url = Fixtures.entraIssuer.absoluteString + "/.well-known/openid-configuration"
        let (observations, metadata) = DiscoveryJudge.evaluate(
            issuer: Fixtures.entraIssuer,
            responses: [Fixtures.json(url, Fixtures.entra)]
        )
        #expect(observations.outcomes(Rule.issuerMismatch) == [.passed])
        #expect(observations.outcomes(Rule.endpointForeignHost) == [.needsReview])
        #expect(observations.of(Rule.endpointForeignHost).first?.key == "userinfo_endpoint")
        #expect(observations.outcomes(Rule.tokenResponseTypes) == [.failed])
        #expect(observations.of(Rule.tokenResponseTypes).first?.evidence.summary.contains("\"id_token token\"") == true)
        #expect(observations.outcomes(Rule.pkceS256Missing) == [.failed])
        #expect(observations.outcomes(Rule.pkcePlainAdvertised) == [.passed])
        #expect(observations.outcomes(Rule.issParameterUnsupported) == [.failed])
        #expect(observations.outcomes(Rule.passwordGrant) == [.passed])
        #expect(try #require(metadata).responseTypesSupported.count == 4)
    }

    @Test(
        "alg none: failed in token lists, for review in request objects only",
        arguments: [
            ("id_token_signing_alg_values_supported", Observation.Outcome.failed),
            ("userinfo_signing_alg_values_supported", .failed),
            ("token_endpoint_auth_signing_alg_values_supported", .failed),
            ("request_object_signing_alg_values_supported", .needsReview),
        ]
    )
    func algNone(member: String, expected: Observation.Outcome) {
        let (observations, metadata) = evaluate(Fixtures.keycloak([member: #"["RS256", "none"]"#]))
        #expect(observations.outcomes(Rule.algNone) == [expected])
        #expect(metadata?.signingAlgorithms.contains("none") == true)
    }

    @Test(
        "response types that issue access tokens fail; code and id_token-only types pass",
        arguments: [
            (#"["code", "token"]"#, Observation.Outcome.failed),
            (#"["code", "code id_token token"]"#, .failed),
            (#"["code", "code id_token", "id_token"]"#, .passed),
            (#"["code"]"#, .passed),
            ("\"code\"", .needsReview),
        ]
    )
    func responseTypes(value: String, expected: Observation.Outcome) {
        let (observations, _) = evaluate(Fixtures.keycloak(["response_types_supported": value]))
        #expect(observations.outcomes(Rule.tokenResponseTypes) == [expected])
    }

    @Test(
        "password grant",
        arguments: [
            (#"["authorization_code", "password"]"#, Observation.Outcome.failed),
            (#"["authorization_code", "refresh_token"]"#, .passed),
        ]
    )
    func passwordGrant(value: String, expected: Observation.Outcome) {
        let (observations, _) = evaluate(Fixtures.keycloak(["grant_types_supported": value]))
        #expect(observations.outcomes(Rule.passwordGrant) == [expected])
    }

    @Test(
        "PKCE methods",
        arguments: [
            (String?.some(#"["plain", "S256"]"#), [Observation.Outcome.passed], [Observation.Outcome.failed]),
            (#"["plain"]"#, [.failed], [.failed]),
            (#"["S256"]"#, [.passed], [.passed]),
            (nil, [.failed], [.passed]),
        ]
    )
    func pkce(value: String?, s256: [Observation.Outcome], plain: [Observation.Outcome]) {
        let (observations, _) = evaluate(Fixtures.keycloak(["code_challenge_methods_supported": value]))
        #expect(observations.outcomes(Rule.pkceS256Missing) == s256)
        #expect(observations.outcomes(Rule.pkcePlainAdvertised) == plain)
    }

    @Test(
        "iss parameter support needs the JSON boolean true",
        arguments: [
            (String?.some("true"), Observation.Outcome.passed, true),
            ("false", .failed, false),
            (#""true""#, .failed, false),
            ("1", .failed, false),
            (nil, .failed, false),
        ]
    )
    func issParameter(value: String?, expected: Observation.Outcome, supported: Bool) {
        let (observations, metadata) = evaluate(
            Fixtures.keycloak(["authorization_response_iss_parameter_supported": value])
        )
        #expect(observations.outcomes(Rule.issParameterUnsupported) == [expected])
        #expect(metadata?.issParameterSupported == supported)
    }
}
