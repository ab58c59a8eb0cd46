import DemoProviders
import Foundation
import PortcullisCore
import Testing

@testable import PortcullisHTTP

/// TLS fetches against the zoo's HTTPS listeners, whose certificates a per-run CA signs.
@Suite(.timeLimit(.minutes(1)))
struct LoopbackTLSTests {
    @Test func withoutTheCAVerificationFails() async throws {
        let url = try await SharedZoo.https("ok")
        let error = await #expect(throws: HTTPError.self) {
            try await withClient { try await $0.fetch(url) }
        }
        #expect(error?.code == .tlsCertificate)
        #expect(error?.reason.isEmpty == false)
    }

    @Test func reportsVersionCipherAndChain() async throws {
        let url = try await SharedZoo.https("ok")
        let configuration = try await HTTPClientConfiguration(limits: testLimits(), caFile: SharedZoo.caFilePath())
        let client = try HTTPClient(configuration: configuration)
        defer { client.shutdown() }
        // The second fetch reuses the connection, where CURLINFO_CERTINFO is empty: the chain must still be there.
        for _ in 0..<2 {
            let exchange = try await client.fetch(url)
            #expect(exchange.response.status == 200)
            let tls = try #require(exchange.tls)
            #expect(["TLSv1.2", "TLSv1.3"].contains(tls.version))
            #expect(!tls.cipher.isEmpty)
            #expect(!tls.peerCertificatesPEM.isEmpty)
            for pem in tls.peerCertificatesPEM {
                #expect(pem.hasPrefix("-----BEGIN CERTIFICATE-----"))
                #expect(pem.contains("-----END CERTIFICATE-----"))
            }
            #expect(exchange.timings.tlsHandshake >= exchange.timings.connect)
        }
    }

    @Test func theGoodProviderNegotiatesModernTLS() async throws {
        let zoo = try await SharedZoo.zoo()
        let configuration = try await HTTPClientConfiguration(limits: testLimits(), caFile: SharedZoo.caFilePath())
        let exchange = try await withClient(configuration) { try await $0.fetch(zoo.good.httpsURL) }
        let tls = try #require(exchange.tls)
        #expect(["TLSv1.2", "TLSv1.3"].contains(tls.version))
        #expect(exchange.finalURL.scheme == "https")
    }

    @Test func http2IsUsedWhereTheServerOffersIt() async throws {
        let zoo = try await SharedZoo.zoo()
        let caFile = try await SharedZoo.caFilePath()
        let offered = try await withClient(HTTPClientConfiguration(limits: testLimits(), caFile: caFile)) {
            try await $0.fetch(zoo.good.httpsURL)
        }
        #expect(offered.response.httpVersion == "HTTP/2")
        #expect(offered.response.value(of: "content-security-policy") != nil)
        #expect(offered.response.status == 200)
        // The bad provider offers only HTTP/1.1; a client that turns HTTP/2 off never asks for it.
        let notOffered = try await withClient(HTTPClientConfiguration(limits: testLimits(), caFile: caFile)) {
            try await $0.fetch(zoo.bad.httpsURL)
        }
        #expect(notOffered.response.httpVersion == "HTTP/1.1")
        let disabled = try await withClient(HTTPClientConfiguration(limits: testLimits(), caFile: caFile, http2: false))
        {
            try await $0.fetch(zoo.good.httpsURL)
        }
        #expect(disabled.response.httpVersion == "HTTP/1.1")
    }

    @Test func aMissingCAFileIsACertificateError() async throws {
        let url = try await SharedZoo.https("ok")
        let configuration = HTTPClientConfiguration(limits: testLimits(), caFile: "/nonexistent/portcullis-ca.pem")
        let error = await #expect(throws: HTTPError.self) {
            try await withClient(configuration) { try await $0.fetch(url) }
        }
        #expect(error?.code == .tlsCertificate)
    }
}
