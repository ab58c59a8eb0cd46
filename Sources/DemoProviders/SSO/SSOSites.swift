import Foundation
import NIOSSL

/// The TLS contexts of the SSO demo's HTTPS listeners, one leaf per site, all from the zoo's CA (TLS 1.2+).
struct SSOTLSContexts: Sendable {
    /// The strict identity provider's context.
    let identityProvider: NIOSSLContext
    /// The lax identity provider's context.
    let laxIdentityProvider: NIOSSLContext
    /// The good relying party's context.
    let goodRelyingParty: NIOSSLContext
    /// The bad relying party's context.
    let badRelyingParty: NIOSSLContext

    /// Issues the four leaves and builds their contexts.
    init(authority: DemoCertificateAuthority) throws(DemoProvidersError) {
        identityProvider = try authority.issueServerIdentity(commonName: "sso-idp")
            .makeServerContext(minimumVersion: .tlsv12)
        laxIdentityProvider = try authority.issueServerIdentity(commonName: "sso-lax-idp")
            .makeServerContext(minimumVersion: .tlsv12)
        goodRelyingParty = try authority.issueServerIdentity(commonName: "good-rp")
            .makeServerContext(minimumVersion: .tlsv12)
        badRelyingParty = try authority.issueServerIdentity(commonName: "bad-rp")
            .makeServerContext(minimumVersion: .tlsv12)
    }
}

/// The loopback ports the SSO demo's listeners were bound to.
struct SSOPorts: Sendable {
    /// The strict identity provider (HTTPS).
    let identityProvider: Int
    /// The lax identity provider (HTTPS).
    let laxIdentityProvider: Int
    /// The good relying party (HTTPS).
    let goodRelyingPartyHTTPS: Int
    /// The good relying party's HTTP port, which only redirects to HTTPS.
    let goodRelyingPartyHTTP: Int
    /// The bad relying party over HTTPS.
    let badRelyingPartyHTTPS: Int
    /// The bad relying party over plain HTTP (same site).
    let badRelyingPartyHTTP: Int

    /// The origin `scheme://127.0.0.1:port` (no trailing slash).
    static func origin(_ scheme: String, _ port: Int) -> String {
        "\(scheme)://127.0.0.1:\(port)"
    }

    /// The public description of the SSO demo on these ports.
    func description() throws(DemoProvidersError) -> DemoSSO {
        DemoSSO(
            identityProvider: try Self.url(Self.origin("https", identityProvider)),
            laxIdentityProvider: try Self.url(Self.origin("https", laxIdentityProvider)),
            goodRelyingParty: DemoProvider(
                name: "good-rp",
                httpURL: try Self.url(Self.origin("http", goodRelyingPartyHTTP) + "/"),
                httpsURL: try Self.url(Self.origin("https", goodRelyingPartyHTTPS) + "/")
            ),
            badRelyingParty: DemoProvider(
                name: "bad-rp",
                httpURL: try Self.url(Self.origin("http", badRelyingPartyHTTP) + "/"),
                httpsURL: try Self.url(Self.origin("https", badRelyingPartyHTTPS) + "/")
            )
        )
    }

    private static func url(_ string: String) throws(DemoProvidersError) -> URL {
        guard let url = URL(string: string) else {
            throw DemoProvidersError(code: .bind, reason: "could not form a URL for a listener", context: string)
        }
        return url
    }
}

/// The responders of the SSO demo's listeners, built once every port is known (the sites name each other).
struct SSOSites: Sendable {
    /// The strict identity provider.
    let identityProvider: StrictIdentityProviderSite
    /// The lax identity provider.
    let laxIdentityProvider: LaxIdentityProviderSite
    /// The good relying party.
    let goodRelyingParty: GoodRelyingPartySite
    /// The good relying party's HTTP-to-HTTPS redirector.
    let goodRelyingPartyRedirector: HTTPSRedirector
    /// The bad relying party (both of its ports).
    let badRelyingParty: BadRelyingPartySite

    /// Wires the sites together for `ports`.
    init(ports: SSOPorts) {
        let issuer = SSOPorts.origin("https", ports.identityProvider)
        let laxOrigin = SSOPorts.origin("https", ports.laxIdentityProvider)
        let goodOrigin = SSOPorts.origin("https", ports.goodRelyingPartyHTTPS)
        identityProvider = StrictIdentityProviderSite(origin: issuer, goodRelyingPartyOrigin: goodOrigin)
        laxIdentityProvider = LaxIdentityProviderSite(origin: laxOrigin)
        goodRelyingParty = GoodRelyingPartySite(origin: goodOrigin, issuer: issuer)
        goodRelyingPartyRedirector = HTTPSRedirector(httpsOrigin: goodOrigin)
        badRelyingParty = BadRelyingPartySite(
            httpsOrigin: SSOPorts.origin("https", ports.badRelyingPartyHTTPS),
            httpOrigin: SSOPorts.origin("http", ports.badRelyingPartyHTTP),
            identityProviderOrigin: laxOrigin
        )
    }
}
