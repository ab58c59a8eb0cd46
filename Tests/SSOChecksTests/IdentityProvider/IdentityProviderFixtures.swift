import Foundation
import PortcullisCore
import SSOChecks

/// Realistic identity-provider documents and responses for the judges' tests.
enum IdentityProviderFixtures {
    static let issuer = URL(string: "https://idp.example.com/realms/acme")!
    static let endpoint = URL(string: "https://idp.example.com/realms/acme/protocol/openid-connect/auth")!
    static let jwksURI = URL(string: "https://idp.example.com/realms/acme/protocol/openid-connect/certs")!

    /// A hardened Keycloak-like discovery document, as raw JSON members (name → JSON text).
    static let keycloakMembers: [String: String] = [
        "issuer": #""https://idp.example.com/realms/acme""#,
        "authorization_endpoint": #""https://idp.example.com/realms/acme/protocol/openid-connect/auth""#,
        "token_endpoint": #""https://idp.example.com/realms/acme/protocol/openid-connect/token""#,
        "userinfo_endpoint": #""https://idp.example.com/realms/acme/protocol/openid-connect/userinfo""#,
        "jwks_uri": #""https://idp.example.com/realms/acme/protocol/openid-connect/certs""#,
        "end_session_endpoint": #""https://idp.example.com/realms/acme/protocol/openid-connect/logout""#,
        "check_session_iframe":
            #""https://idp.example.com/realms/acme/protocol/openid-connect/login-status-iframe.html""#,
        "grant_types_supported": #"["authorization_code", "refresh_token", "client_credentials"]"#,
        "response_types_supported": #"["code"]"#,
        "subject_types_supported": #"["public", "pairwise"]"#,
        "id_token_signing_alg_values_supported": #"["PS384", "ES384", "RS384", "ES256", "RS256", "PS256"]"#,
        "request_object_signing_alg_values_supported": #"["PS256", "ES256", "RS256"]"#,
        "code_challenge_methods_supported": #"["S256"]"#,
        "scopes_supported": #"["openid", "profile", "email"]"#,
        "mtls_endpoint_aliases": #"{"token_endpoint": "https://idp.example.com/realms/acme/mtls/token"}"#,
        "authorization_response_iss_parameter_supported": "true",
    ]

    /// The Keycloak-like document with `changes` applied (nil removes a member).
    static func keycloak(_ changes: [String: String?] = [:]) -> Data {
        var members = keycloakMembers
        for (name, value) in changes { members[name] = value }
        let body = members.sorted { $0.key < $1.key }.map { "  \"\($0.key)\": \($0.value)" }
            .joined(separator: ",\n")
        return Data("{\n\(body)\n}\n".utf8)
    }

    /// A Microsoft Entra ID (v2.0) discovery document as published (trimmed), for the foreign-host and lax cases.
    static let entraIssuer = URL(string: "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0")!
    static let entra = Data(
        #"""
        {"token_endpoint":"https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/oauth2/v2.0/token",
        "token_endpoint_auth_methods_supported":["client_secret_post","private_key_jwt","client_secret_basic"],
        "jwks_uri":"https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/discovery/v2.0/keys",
        "response_modes_supported":["query","fragment","form_post"],"subject_types_supported":["pairwise"],
        "id_token_signing_alg_values_supported":["RS256"],
        "response_types_supported":["code","id_token","code id_token","id_token token"],
        "scopes_supported":["openid","profile","email","offline_access"],
        "issuer":"https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/v2.0",
        "request_uri_parameter_supported":false,
        "userinfo_endpoint":"https://graph.microsoft.com/oidc/userinfo",
        "authorization_endpoint":
        "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/oauth2/v2.0/authorize",
        "device_authorization_endpoint":
        "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/oauth2/v2.0/devicecode",
        "http_logout_supported":true,"frontchannel_logout_supported":true,
        "end_session_endpoint":
        "https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/oauth2/v2.0/logout",
        "claims_supported":["sub","iss","aud","exp","iat","nonce","email"],
        "kerberos_endpoint":"https://login.microsoftonline.com/9188040d-6c67-4c5b-b112-36a304b66dad/kerberos",
        "tenant_region_scope":"EU","cloud_instance_name":"microsoftonline.com"}
        """#.utf8
    )

    /// The base64url modulus of a 1024-bit RSA key (generated with `openssl genrsa 1024`).
    static let modulus1024 =
        "0ktcm1QPJK-gsXK0eWvurAwr-hZtpVuGNEvYBiH-iZSa5O0fjkeB7oaOiPZGHEEfSdGRKblmEiEUv-Cv7wEKv7Cy3ntdWaiN"
        + "sT0lGLDv4nTqdIh8spHJZQfYH_kSLBodRPiJESW8q0cGGg9g0LpgBSob3GvnDK71mF0t00VnBOc"
    /// The base64url modulus of a 2048-bit RSA key (generated with `openssl genrsa 2048`).
    static let modulus2048 =
        "oEYy4xmeznZyFYoeKG-HKMj4u03FfP5ueignqJ_cBvrs6jWTV9jltgW_mssXsywlFAJi2PlH1wfvbdSsjWMHAlFfGBbyG17h"
        + "qa96Rfrlgbd1eTDbs1m3V3KGlsWz0c1yx7Z2HTrNBjdCguc1EF1Vz2lROIBXLAMrdERJPBYrhowGsbAXokaYAtSoa14MWalR"
        + "LAZdJetnzqUUnXht0apYMiZR-YN5kAioxGzYj_NqcWoSdsdDl30tQDFT0twaBB5VjXS8anFKECZFvZbbVUZqyrbRJqgxHLNl"
        + "hB_ABdWZqTiWg3oIVAps5n6wylHHQeC9fkkrH4UqmCtwv1Qa1l6Mjw"
    /// The private exponent of the 1024-bit key.
    static let privateExponent1024 =
        "ECCbb4YYyzV022bylEVEvokIblt9-Sp1tlkCriW5QY_V-Sx-OQke284R7EsGwW_1GFIsEckYHNfQoY53r5qi2kD6FqhlBLTo"
        + "XIrxcNP1gVE1Da60dCykC7wT0M8pT4Y12xU_tI4lARpgyBf88BOMDfA-5yd5SY9tqyaa1p1BhkE"

    /// A JWK set of the given keys (raw JSON objects).
    static func jwks(_ keys: [String]) -> Data {
        Data("{\"keys\":[\(keys.joined(separator: ","))]}".utf8)
    }

    static func rsaKey(kid: String, modulus: String, extra: String = "") -> String {
        #"{"kid":"\#(kid)","kty":"RSA","alg":"RS256","use":"sig","n":"\#(modulus)","e":"AQAB"\#(extra)}"#
    }

    static let ecP256 =
        #"{"kid":"ec-1","kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","#
        + #""y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#

    /// A 200 JSON response to `url`.
    static func json(_ url: String, _ body: Data, status: Int = 200) -> ProbeResponse {
        ProbeResponse(
            requestURL: url,
            status: status,
            headers: [HeaderField(name: "Content-Type", value: "application/json")],
            body: body
        )
    }

    /// The legitimate authorization request of a relying party.
    static let legitimate: [QueryParameter] = [
        QueryParameter("client_id", "portal"),
        QueryParameter("redirect_uri", "https://portal.example.com/oauth/callback"),
        QueryParameter("response_type", "code"),
        QueryParameter("scope", "openid profile"),
        QueryParameter("state", "K7Jd0b2vQm9ZpX4sT1uYwE"),
        QueryParameter("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"),
        QueryParameter("code_challenge_method", "S256"),
    ]

    static func request(_ query: String) -> String { endpoint.absoluteString + "?" + query }

    /// A Keycloak-like login page answering the legitimate request (tokens differ on every request).
    static func loginPage(query: String, token: String = "a1B2c3D4e5") -> ProbeResponse {
        let html = """
            <!DOCTYPE html><html><head><title>Sign in to Acme</title></head><body>
            <form id="kc-form-login" action="/realms/acme/login-actions/authenticate?session_code=\(token)\
            &amp;execution=6f1c&amp;client_id=portal&amp;tab_id=\(token)" method="post">
            <input id="username" name="username" type="text" autofocus>
            <input id="password" name="password" type="password">
            <input type="hidden" id="id-hidden-input" name="credentialId">
            <input type="submit" name="login" value="Sign In"></form></body></html>
            """
        return ProbeResponse(
            requestURL: request(query),
            status: 200,
            headers: [HeaderField(name: "Content-Type", value: "text/html;charset=utf-8")],
            body: Data(html.utf8)
        )
    }

    /// Keycloak's error page for an invalid redirect_uri.
    static func errorPage(query: String, status: Int = 400) -> ProbeResponse {
        let html = """
            <!DOCTYPE html><html><head><title>Sign in to Acme</title></head><body>
            <div id="kc-error-message"><p class="instruction">Invalid parameter: redirect_uri</p></div>
            </body></html>
            """
        return ProbeResponse(
            requestURL: request(query),
            status: status,
            headers: [HeaderField(name: "Content-Type", value: "text/html;charset=utf-8")],
            body: Data(html.utf8)
        )
    }

    static func redirect(_ query: String, to location: String, status: Int = 302) -> ProbeResponse {
        ProbeResponse(
            requestURL: request(query),
            status: status,
            headers: [HeaderField(name: "Location", value: location)]
        )
    }
}

extension [Observation] {
    /// The observations of `rule` (optionally with `key`).
    func of(_ rule: RuleID, key: String? = nil) -> [Observation] {
        filter { $0.ruleID == rule && (key == nil || $0.key == key) }
    }

    /// The outcomes of `rule`, in order.
    func outcomes(_ rule: RuleID) -> [Observation.Outcome] { of(rule).map(\.outcome) }
}
