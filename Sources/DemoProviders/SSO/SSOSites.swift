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
    /// The broken identity provider's context.
    let brokenIdentityProvider: NIOSSLContext
    /// The quirky relying party's context.
    let quirkyRelyingParty: NIOSSLContext

    /// Issues the six leaves and builds their contexts.
    init(authority: DemoCertificateAuthority) throws(DemoProvidersError) {
        identityProvider = try authority.issueServerIdentity(commonName: "sso-idp")
            .makeServerContext(minimumVersion: .tlsv12, aeadOnly: true)
        laxIdentityProvider = try authority.issueServerIdentity(commonName: "sso-lax-idp")
            .makeServerContext(minimumVersion: .tlsv12)
        goodRelyingParty = try authority.issueServerIdentity(commonName: "good-rp")
            .makeServerContext(minimumVersion: .tlsv12, aeadOnly: true)
        badRelyingParty = try authority.issueServerIdentity(commonName: "bad-rp")
            .makeServerContext(minimumVersion: .tlsv12)
        brokenIdentityProvider = try authority.issueServerIdentity(commonName: "sso-broken-idp")
            .makeServerContext(minimumVersion: .tlsv12)
        quirkyRelyingParty = try authority.issueServerIdentity(commonName: "quirky-rp")
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
    /// The broken identity provider over HTTPS.
    let brokenIdentityProviderHTTPS: Int
    /// The broken identity provider over plain HTTP (same site).
    let brokenIdentityProviderHTTP: Int
    /// The quirky relying party (HTTPS only).
    let quirkyRelyingParty: Int

    /// The origin `scheme://127.0.0.1:port` (no trailing slash).
    static func origin(_ scheme: String, _ port: Int) -> String {
        "\(scheme)://127.0.0.1:\(port)"
    }

    /// The origin `scheme://localhost:port` (no trailing slash): the broken identity provider is addressed by
    /// name, so it is on another host than the relying parties, as a real identity provider would be.
    static func namedOrigin(_ scheme: String, _ port: Int) -> String {
        "\(scheme)://localhost:\(port)"
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
            ),
            brokenIdentityProvider: try Self.url(Self.namedOrigin("https", brokenIdentityProviderHTTPS)),
            brokenIdentityProviderHTTP: try Self.url(Self.namedOrigin("http", brokenIdentityProviderHTTP)),
            quirkyRelyingParty: try Self.url(Self.origin("https", quirkyRelyingParty) + "/")
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
    /// The broken identity provider (both of its ports).
    let brokenIdentityProvider: BrokenIdentityProviderSite
    /// The quirky relying party.
    let quirkyRelyingParty: QuirkyRelyingPartySite

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
        let brokenOrigin = SSOPorts.namedOrigin("https", ports.brokenIdentityProviderHTTPS)
        let brokenHTTPOrigin = SSOPorts.namedOrigin("http", ports.brokenIdentityProviderHTTP)
        brokenIdentityProvider = BrokenIdentityProviderSite(httpsOrigin: brokenOrigin, httpOrigin: brokenHTTPOrigin)
        quirkyRelyingParty = QuirkyRelyingPartySite(
            httpsOrigin: SSOPorts.origin("https", ports.quirkyRelyingParty),
            identityProviderOrigin: brokenOrigin,
            identityProviderHTTPOrigin: brokenHTTPOrigin
        )
    }
}
