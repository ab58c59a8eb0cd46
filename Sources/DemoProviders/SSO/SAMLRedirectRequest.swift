import Foundation

/// A SAML 2.0 AuthnRequest sent with the HTTP-Redirect binding: the URL a relying party redirects the browser to.
///
/// The XML is raw-DEFLATEd (``RawDeflate``), base64-encoded and percent-encoded into `SAMLRequest`, followed by
/// `RelayState` and, when signed, `SigAlg` and `Signature` (SAML bindings §3.4.4.1).
struct SAMLRedirectRequest: Sendable {
    /// The RSA-SHA256 signature algorithm URI.
    static let rsaSHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"

    /// The identity provider's single sign-on URL the browser is sent to.
    var ssoURL: String
    /// The `Destination` attribute (should equal ``ssoURL``).
    var destination: String
    /// The `AssertionConsumerServiceURL` attribute.
    var assertionConsumerServiceURL: String
    /// The `<saml:Issuer>`: the relying party's entity id.
    var issuer: String
    /// The `RelayState` value.
    var relayState: String
    /// Whether `SigAlg` and a (dummy: the demo has no SAML key) `Signature` are added.
    var signed: Bool

    /// The AuthnRequest XML with a fresh `ID` and the current `IssueInstant`.
    func xml(now: Date = Date()) -> String {
        let id = "_" + SSOSupport.randomBytes(16).map { String($0, radix: 16).leftPadded }.joined()
        let instant = now.formatted(.iso8601)
        return """
            <samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" \
            xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="\(id)" Version="2.0" \
            IssueInstant="\(instant)" Destination="\(SSOSupport.escapeHTML(destination))" \
            AssertionConsumerServiceURL="\(SSOSupport.escapeHTML(assertionConsumerServiceURL))" \
            ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST">\
            <saml:Issuer>\(SSOSupport.escapeHTML(issuer))</saml:Issuer>\
            <samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified" AllowCreate="true"/>\
            </samlp:AuthnRequest>
            """
    }

    /// The full redirect URL (a fresh request each call).
    func url() -> String {
        let encoded = Base64.encode(RawDeflate.stored(Array(xml().utf8)))
        var query = "SAMLRequest=\(SSOQuery.escape(encoded))&RelayState=\(SSOQuery.escape(relayState))"
        if signed {
            query += "&SigAlg=\(SSOQuery.escape(Self.rsaSHA256))"
            // A placeholder of RSA-2048 signature size: the demo shows the parameters, it has no SAML key.
            query += "&Signature=\(SSOQuery.escape(Base64.encode(SSOSupport.randomBytes(256))))"
        }
        return ssoURL + "?" + query
    }
}

extension String {
    /// A one-digit hex byte padded to two digits.
    fileprivate var leftPadded: String {
        count == 1 ? "0" + self : self
    }
}
