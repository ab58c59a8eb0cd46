public import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A running set of demo providers and fixture servers on 127.0.0.1 ephemeral ports.
///
/// `portcullis demo` scans the ``providers``; integration tests use them and the fixture server
/// (``fixturesHTTP``, ``fixturesHTTPS``) as real, local, deterministic targets. Every HTTPS listener presents a
/// leaf signed by a CA generated at ``start(siteSize:)`` (see ``caCertificatePEM``). The good provider's HTTPS listener
/// also speaks HTTP/2 to clients that ask for `h2` through ALPN; every other listener is HTTP/1.1 only.
/// The ``sso`` sites (three OpenID Connect identity providers and three relying parties, see ``DemoSSO``) run on
/// nine more listeners.
/// Call ``shutdown()`` when done.
public final class DemoProviderZoo: Sendable {
    /// The well-configured provider: HTTPS with HTTP/2 and HTTP/1.1 (and an HTTP port that only redirects to HTTPS).
    public let good: DemoProvider
    /// The badly configured provider: HTTP and HTTPS both serve content.
    public let bad: DemoProvider
    /// Base URL of the adversarial fixture server over plain HTTP, e.g. `http://127.0.0.1:PORT`.
    public let fixturesHTTP: URL
    /// Base URL of the adversarial fixture server over HTTPS, e.g. `https://127.0.0.1:PORT`.
    public let fixturesHTTPS: URL
    /// The SSO demo: a strict, a lax and a broken identity provider and a good, a bad and a quirky relying
    /// party (not in ``providers``).
    public let sso: DemoSSO
    /// The PEM of the CA that signed every HTTPS certificate of the zoo (generated at start, P-256).
    public let caCertificatePEM: String
    /// How many pages the fixture server's crawl benchmark site has: `/site/0` ... `/site/<siteSize - 1>`, all
    /// reachable by links from `/site/0`.
    public let siteSize: Int

    private let group: MultiThreadedEventLoopGroup

    /// All providers, good first.
    public var providers: [DemoProvider] { [good, bad] }

    private init(
        good: DemoProvider,
        bad: DemoProvider,
        fixturesHTTP: URL,
        fixturesHTTPS: URL,
        sso: DemoSSO,
        caCertificatePEM: String,
        siteSize: Int,
        group: MultiThreadedEventLoopGroup
    ) {
        self.sso = sso
        self.siteSize = siteSize
        self.good = good
        self.bad = bad
        self.fixturesHTTP = fixturesHTTP
        self.fixturesHTTPS = fixturesHTTPS
        self.caCertificatePEM = caCertificatePEM
        self.group = group
    }

    /// The largest benchmark site ``start(siteSize:)`` accepts.
    public static let maxSiteSize = 1_000_000

    /// Generates the CA and server certificates, binds every listener on 127.0.0.1 and starts serving.
    ///
    /// - Parameter siteSize: how many pages the fixture server's benchmark site (`/site/0` ... `/site/<siteSize - 1>`)
    ///   has, 1 ... ``maxSiteSize``; pages are built per request, so a large site costs no memory.
    /// - Throws: ``DemoProvidersError`` with code `invalid-argument` for a site size out of range, or when
    ///   certificates, TLS contexts or sockets cannot be set up; nothing is left running in that case.
    public static func start(siteSize: Int = 2_000) async throws -> DemoProviderZoo {
        guard (1...maxSiteSize).contains(siteSize) else {
            throw DemoProvidersError(
                code: .invalidArgument,
                reason: "the benchmark site size must be from 1 to \(maxSiteSize)",
                context: String(siteSize)
            )
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let sites = group.next().makePromise(of: ZooSites.self)
        var listeners: [any Channel] = []
        do {
            let authority = try DemoCertificateAuthority()
            // Only the good provider offers HTTP/2; the others stay HTTP/1.1 so clients meet both.
            let goodVersions = ServedHTTPVersions.http2WithHTTP1Fallback
            let goodTLS = try authority.issueServerIdentity(commonName: "good-provider")
                .makeServerContext(minimumVersion: .tlsv12, versions: goodVersions, aeadOnly: true)
            // The bad provider also accepts TLS 1.0 and 1.1, for the TLS probes to find.
            let badTLS = try authority.issueServerIdentity(commonName: "bad-provider")
                .makeServerContext(minimumVersion: .tlsv1)
            let fixtureTLS = try authority.issueServerIdentity(commonName: "fixtures")
                .makeServerContext(minimumVersion: .tlsv12)
            let ssoTLS = try SSOTLSContexts(authority: authority)

            func listen(
                _ tls: NIOSSLContext?,
                versions: ServedHTTPVersions = .http1Only,
                _ pick: @escaping @Sendable (ZooSites) -> any DemoResponder
            )
                async throws(DemoProvidersError) -> Int
            {
                let bound = try await LoopbackListener.bind(
                    group: group,
                    tls: tls,
                    versions: versions,
                    responder: sites.futureResult.map(pick)
                )
                listeners.append(bound.channel)
                return bound.port
            }
            let goodHTTPS = try await listen(goodTLS, versions: goodVersions) { $0.good }
            let goodHTTP = try await listen(nil) { $0.goodRedirector }
            let badHTTP = try await listen(nil) { $0.bad }
            let badHTTPS = try await listen(badTLS) { $0.bad }
            let fixturesHTTP = try await listen(nil) { $0.fixtures }
            let fixturesHTTPS = try await listen(fixtureTLS) { $0.secureFixtures }
            let idp = try await listen(ssoTLS.identityProvider) { $0.sso.identityProvider }
            let laxIdp = try await listen(ssoTLS.laxIdentityProvider) { $0.sso.laxIdentityProvider }
            let goodRPHTTPS = try await listen(ssoTLS.goodRelyingParty) { $0.sso.goodRelyingParty }
            let goodRPHTTP = try await listen(nil) { $0.sso.goodRelyingPartyRedirector }
            let badRPHTTPS = try await listen(ssoTLS.badRelyingParty) { $0.sso.badRelyingParty }
            let badRPHTTP = try await listen(nil) { $0.sso.badRelyingParty }
            let brokenIdpHTTPS = try await listen(ssoTLS.brokenIdentityProvider) { $0.sso.brokenIdentityProvider }
            let brokenIdpHTTP = try await listen(nil) { $0.sso.brokenIdentityProvider }
            let quirkyRP = try await listen(ssoTLS.quirkyRelyingParty) { $0.sso.quirkyRelyingParty }
            let ssoPorts = SSOPorts(
                identityProvider: idp,
                laxIdentityProvider: laxIdp,
                goodRelyingPartyHTTPS: goodRPHTTPS,
                goodRelyingPartyHTTP: goodRPHTTP,
                badRelyingPartyHTTPS: badRPHTTPS,
                badRelyingPartyHTTP: badRPHTTP,
                brokenIdentityProviderHTTPS: brokenIdpHTTPS,
                brokenIdentityProviderHTTP: brokenIdpHTTP,
                quirkyRelyingParty: quirkyRP
            )

            let goodOrigin = "https://127.0.0.1:\(goodHTTPS)"
            sites.succeed(
                ZooSites(
                    good: GoodProviderSite(httpsOrigin: goodOrigin),
                    goodRedirector: HTTPSRedirector(httpsOrigin: goodOrigin),
                    bad: BadProviderSite(httpOrigin: "http://127.0.0.1:\(badHTTP)"),
                    fixtures: FixtureRoutes(
                        origin: "http://127.0.0.1:\(fixturesHTTP)",
                        siteSize: siteSize,
                        isHTTPS: false
                    ),
                    secureFixtures: FixtureRoutes(
                        origin: "https://127.0.0.1:\(fixturesHTTPS)",
                        siteSize: siteSize,
                        isHTTPS: true
                    ),
                    sso: SSOSites(ports: ssoPorts)
                )
            )
            return DemoProviderZoo(
                good: DemoProvider(
                    name: "good-provider",
                    httpURL: try url("http://127.0.0.1:\(goodHTTP)/"),
                    httpsURL: try url("https://127.0.0.1:\(goodHTTPS)/")
                ),
                bad: DemoProvider(
                    name: "bad-provider",
                    httpURL: try url("http://127.0.0.1:\(badHTTP)/"),
                    httpsURL: try url("https://127.0.0.1:\(badHTTPS)/")
                ),
                fixturesHTTP: try url("http://127.0.0.1:\(fixturesHTTP)"),
                fixturesHTTPS: try url("https://127.0.0.1:\(fixturesHTTPS)"),
                sso: try ssoPorts.description(),
                caCertificatePEM: authority.certificatePEM,
                siteSize: siteSize,
                group: group
            )
        } catch {
            sites.fail(error)
            for channel in listeners {
                try? await channel.close()
            }
            try? await group.shutdownGracefully()
            throw error
        }
    }

    /// Stops every listener and connection and the zoo's event loops; calling it again does nothing.
    ///
    /// Shutting the event loops down closes every channel registered on them (listeners and open connections)
    /// and cancels their timers, so long-running fixture responses end at once.
    public func shutdown() async throws {
        do {
            try await group.shutdownGracefully()
        } catch EventLoopError.shutdown {
            // Already shut down: shutting down twice is harmless.
        }
    }

    /// Writes the CA PEM to `url` (for curl's `--cacert` / Portcullis' `--ca-file`).
    ///
    /// - Throws: ``DemoProvidersError`` with code `file-write` when the file cannot be written.
    public func writeCACertificate(to url: URL) throws {
        do {
            try Data(caCertificatePEM.utf8).write(to: url, options: .atomic)
        } catch {
            throw DemoProvidersError(
                code: .fileWrite,
                reason: "could not write the demo CA certificate",
                context: "\(url.path): \(error)"
            )
        }
    }

    private static func url(_ string: String) throws(DemoProvidersError) -> URL {
        guard let url = URL(string: string) else {
            throw DemoProvidersError(code: .bind, reason: "could not form a URL for a listener", context: string)
        }
        return url
    }
}

/// The responders of every zoo listener, known once all ports are bound.
private struct ZooSites: Sendable {
    let good: GoodProviderSite
    let goodRedirector: HTTPSRedirector
    let bad: BadProviderSite
    let fixtures: FixtureRoutes
    let secureFixtures: FixtureRoutes
    let sso: SSOSites
}
