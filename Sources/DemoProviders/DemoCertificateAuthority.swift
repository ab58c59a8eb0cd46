import Crypto
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// A throw-away P-256 certificate authority generated at zoo start, plus the server identities it issues.
///
/// Every HTTPS listener of the zoo gets its own leaf signed by this CA, so a client that trusts
/// ``certificatePEM`` (curl's `--cacert`, Portcullis' `--ca-file`) verifies every zoo server and nothing else.
struct DemoCertificateAuthority: Sendable {
    /// The CA certificate.
    let certificate: Certificate
    /// The CA certificate in PEM form.
    let certificatePEM: String
    private let privateKey: Certificate.PrivateKey

    /// Generates a fresh CA valid from one hour ago to 30 days from `now` (leaves it issues live 90 days, the
    /// Mozilla modern profile's longest lifetime, so they are not reported as expiring soon).
    init(now: Date = Date()) throws(DemoProvidersError) {
        let key = P256.Signing.PrivateKey()
        let signingKey = Certificate.PrivateKey(key)
        do {
            let name = try DistinguishedName {
                OrganizationName("Portcullis Demo")
                CommonName("Portcullis Demo CA")
            }
            let extensions = try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(digitalSignature: true, keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: signingKey.publicKey)
            }
            let certificate = try Certificate(
                version: .v3,
                serialNumber: Certificate.SerialNumber(),
                publicKey: signingKey.publicKey,
                notValidBefore: now.addingTimeInterval(-3600),
                notValidAfter: now.addingTimeInterval(30 * 86_400),
                issuer: name,
                subject: name,
                signatureAlgorithm: .ecdsaWithSHA256,
                extensions: extensions,
                issuerPrivateKey: signingKey
            )
            self.certificate = certificate
            self.certificatePEM = try certificate.serializeAsPEM().pemString + "\n"
            self.privateKey = signingKey
        } catch {
            throw DemoProvidersError(
                code: .certificateGeneration,
                reason: "could not create the demo CA certificate",
                context: String(describing: error)
            )
        }
    }

    /// Issues a server leaf for 127.0.0.1 and localhost and returns it with its key, ready for NIOSSL.
    func issueServerIdentity(commonName: String, now: Date = Date()) throws(DemoProvidersError) -> ServerIdentity {
        let key = P256.Signing.PrivateKey()
        let leafKey = Certificate.PrivateKey(key)
        do {
            let subject = try DistinguishedName {
                OrganizationName("Portcullis Demo")
                CommonName(commonName)
            }
            let caKeyIdentifier = SubjectKeyIdentifier(hash: certificate.publicKey).keyIdentifier
            let extensions = try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames([
                    .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                    .dnsName("localhost"),
                ])
                SubjectKeyIdentifier(hash: leafKey.publicKey)
                AuthorityKeyIdentifier(keyIdentifier: caKeyIdentifier)
            }
            let leaf = try Certificate(
                version: .v3,
                serialNumber: Certificate.SerialNumber(),
                publicKey: leafKey.publicKey,
                notValidBefore: now.addingTimeInterval(-3600),
                notValidAfter: now.addingTimeInterval(90 * 86_400),
                issuer: certificate.subject,
                subject: subject,
                signatureAlgorithm: .ecdsaWithSHA256,
                extensions: extensions,
                issuerPrivateKey: privateKey
            )
            var serializer = DER.Serializer()
            try serializer.serialize(leaf)
            let nioCertificate = try NIOSSLCertificate(bytes: serializer.serializedBytes, format: .der)
            let nioKey = try NIOSSLPrivateKey(bytes: Array(key.pemRepresentation.utf8), format: .pem)
            return ServerIdentity(certificate: leaf, chain: [nioCertificate], privateKey: nioKey)
        } catch {
            throw DemoProvidersError(
                code: .certificateGeneration,
                reason: "could not issue a server certificate",
                context: "\(commonName): \(error)"
            )
        }
    }
}

/// A server's certificate chain and private key, in the forms NIOSSL needs.
struct ServerIdentity: Sendable {
    /// The leaf as a swift-certificates value (for inspection in tests).
    let certificate: Certificate
    /// The chain served to clients: the leaf only (the CA is the client's trust anchor).
    let chain: [NIOSSLCertificate]
    /// The leaf's private key.
    let privateKey: NIOSSLPrivateKey

    /// Builds a server TLS context accepting `minimumVersion` and newer, advertising `versions` through ALPN;
    /// `aeadOnly` limits TLS 1.2 to the ECDHE AEAD suites of Mozilla's intermediate profile.
    func makeServerContext(
        minimumVersion: TLSVersion,
        versions: ServedHTTPVersions = .http1Only,
        aeadOnly: Bool = false
    ) throws(DemoProvidersError) -> NIOSSLContext {
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) },
            privateKey: .privateKey(privateKey)
        )
        configuration.minimumTLSVersion = minimumVersion
        if aeadOnly {
            configuration.cipherSuiteValues = [
                .TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, .TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
                .TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            ]
        }
        configuration.applicationProtocols = versions.alpnProtocols
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw DemoProvidersError(
                code: .tlsConfiguration,
                reason: "could not build a TLS server context",
                context: String(describing: error)
            )
        }
    }
}
