import Foundation
import TLSZoo
import Testing

@testable import TLSProbe

/// Our ClientHello against real `openssl s_server` instances on loopback; every wait is bounded and every server is
/// stopped at the end of its test.
@Suite(.serialized) struct OpenSSLLoopbackTests {
    private static let x25519Key = [UInt8](repeating: 0x09, count: 32)

    private static func random() -> [UInt8] { (0..<32).map { _ in UInt8.random(in: 0...255) } }

    /// Starts a server with `arguments`, sends `spec`'s ClientHello, returns the flight.
    private static func probe(
        _ arguments: [String],
        _ hello: [UInt8],
        certificate: GeneratedCertificate? = nil
    ) throws -> (ServerFlight, GeneratedCertificate) {
        let certificate = try certificate ?? GeneratedCertificate.make()
        let server = try OpenSSLServer(certificate: certificate, arguments: arguments)
        defer { server.stop() }
        let socket = try LoopbackSocket(port: server.port)
        defer { socket.close() }
        let (flight, count) = socket.exchange(hello)
        if flight.response == nil { print("no response after \(count) bytes; s_server said:\n\(server.output)") }
        return (flight, certificate)
    }

    private static func serverHello(_ flight: ServerFlight) -> ServerHello? {
        if case .serverHello(let hello) = flight.response { return hello }
        Issue.record("expected ServerHello, got \(String(describing: flight.response))")
        return nil
    }

    @Test func tls13IsNegotiatedViaSupportedVersions() throws {
        let spec = ClientHelloSpec.tls13(
            random: Self.random(),
            cipherSuites: [0x1302],
            x25519PublicKey: Self.x25519Key,
            serverName: "localhost"
        )
        let (flight, _) = try Self.probe(["-tls1_3"], ClientHello.records(spec))
        guard let hello = Self.serverHello(flight) else { return }
        #expect(flight.isComplete)
        #expect(hello.legacyVersion == .tls12)
        #expect(hello.selectedVersion == .tls13)
        #expect(hello.cipherSuite == 0x1302)
        #expect(hello.keyShareGroup == NamedGroup.x25519)
        #expect(hello.sessionID == spec.sessionID)
    }

    @Test func tls12ChoosesTheOnlyEnabledSuiteAndSendsTheChainInClear() throws {
        var spec = ClientHelloSpec.legacy(
            version: .tls12,
            random: Self.random(),
            cipherSuites: [0xC02F, 0xC030, 0x009C, 0xC02B, 0xCCA9]
        )
        spec.alpnProtocols = ["h2", "http/1.1"]
        spec.extendedMasterSecret = true
        let (flight, certificate) = try Self.probe(
            ["-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256", "-alpn", "http/1.1"],
            ClientHello.records(spec)
        )
        guard let hello = Self.serverHello(flight) else { return }
        #expect(flight.isComplete)
        #expect(hello.negotiatedVersion == .tls12)
        #expect(hello.selectedVersion == nil)
        #expect(hello.cipherSuite == 0xC02B)
        #expect(hello.alpnProtocol == "http/1.1")
        #expect(hello.renegotiationInfo == [])
        #expect(hello.extendedMasterSecret)
        #expect(hello.compressionMethod == 0)
        #expect(flight.certificates == [certificate.der])
        let keyExchange = try ServerKeyExchange.parse(try #require(flight.serverKeyExchange), isECDHE: true)
        guard case .namedCurve(let curve) = keyExchange else {
            Issue.record("expected a named curve, got \(keyExchange)")
            return
        }
        #expect(spec.supportedGroups.contains(curve))
    }

    @Test func helloRetryRequestNamesTheServersGroup() throws {
        var spec = ClientHelloSpec.tls13(random: Self.random(), x25519PublicKey: Self.x25519Key)
        spec.supportedGroups = [NamedGroup.x25519, NamedGroup.secp256r1]
        let (flight, _) = try Self.probe(["-tls1_3", "-groups", "P-256"], ClientHello.records(spec))
        guard case .helloRetryRequest(let hrr) = flight.response else {
            Issue.record("expected HRR, got \(String(describing: flight.response))")
            return
        }
        #expect(hrr.keyShareGroup == NamedGroup.secp256r1)
        #expect(hrr.selectedVersion == .tls13)
        #expect(spec.cipherSuites.contains(hrr.cipherSuite))
    }

    @Test func offeringOnlyTLS12ToATLS13ServerIsRefusedWithProtocolVersion() throws {
        let spec = ClientHelloSpec.legacy(version: .tls12, random: Self.random(), cipherSuites: [0xC02B, 0xC02F])
        let (flight, _) = try Self.probe(["-tls1_3"], ClientHello.records(spec))
        #expect(flight.response == .alert(TLSAlert(level: 2, description: TLSAlert.protocolVersion)))
    }

    @Test func offeringOnlyRefusedSuitesIsAHandshakeFailure() throws {
        let spec = ClientHelloSpec.legacy(version: .tls12, random: Self.random(), cipherSuites: [0x009C, 0x002F])
        let (flight, _) = try Self.probe(
            ["-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256"],
            ClientHello.records(spec)
        )
        #expect(flight.response == .alert(TLSAlert(level: 2, description: TLSAlert.handshakeFailure)))
    }

    @Test func fallbackSCSVBelowTheServersBestIsRefused() throws {
        var spec = ClientHelloSpec.legacy(version: .tls12, random: Self.random(), cipherSuites: [0xC02B])
        spec.fallbackSCSV = true
        let (flight, _) = try Self.probe([], ClientHello.records(spec))
        #expect(flight.response == .alert(TLSAlert(level: 2, description: TLSAlert.inappropriateFallback)))
    }

    @Test func openSSL3DoesNotAnswerSSLv2() throws {
        let hello = SSLv2ClientHello.record(challenge: Self.random())
        let (flight, _) = try Self.probe([], hello)
        if case .sslv2ServerHello = flight.response {
            Issue.record("OpenSSL 3 has no SSLv2, yet an SSLv2 ServerHello was parsed")
        }
    }
}
