import Foundation
import TLSZoo
import Testing

@testable import OpenSSLProbe

/// `OpenSSLProber.handshake` against real `openssl s_server` instances with certificates made by the test.
@Suite(.serialized) struct HandshakeProbeTests {
    private static func pki() throws -> TestPKI { try TestPKI.shared.get() }

    @Test(arguments: [("-tls1_2", "TLSv1.2"), ("-tls1_3", "TLSv1.3")])
    func aChainIssuedByTheExtraCAVerifies(flag: String, version: String) async throws {
        let pki = try Self.pki()
        var options = ProbeHelpers.options
        options.caFile = pki.caFile
        let prober = OpenSSLProber(options: options)
        let report = try await ProbeHelpers.withServer(pki.leaf, [flag], label: "handshake") {
            await prober.handshake($0)
        }
        #expect(report.error == nil)
        #expect(report.version == version)
        #expect(report.cipher != nil)
        #expect(report.cipherSuite != nil)
        #expect(report.verificationErrors == [])
        #expect(report.peerChain == [pki.leaf.der])
        #expect(report.stapledOCSP == nil)
        #expect(report.sessionTicketIssued)
        #expect(report.secureRenegotiation == (version == "TLSv1.2"))
        #expect(prober.handshakeCount == 1)
    }

    @Test(arguments: [
        (["-tls1_3", "-alpn", "h2,http/1.1"], "h2"), (["-tls1_3", "-alpn", "http/1.1"], "http/1.1"),
        (["-tls1_3"], nil),
    ])
    func alpnIsReadEvenInTLS13(arguments: [String], selected: String?) async throws {
        let pki = try Self.pki()
        let report = try await ProbeHelpers.withServer(pki.leaf, arguments, label: "alpn") {
            await OpenSSLProber(options: ProbeHelpers.options).handshake($0)
        }
        #expect(report.version == "TLSv1.3")
        #expect(report.alpn == selected)
    }

    @Test(arguments: ["-tls1_2", "-tls1_3"])
    func theChainIsReturnedAsSentLeafFirst(flag: String) async throws {
        let pki = try Self.pki()
        let caDER = pki.directory.appendingPathComponent("ca.der").path
        try OpenSSLTool.run(["x509", "-in", pki.caFile, "-outform", "DER", "-out", caDER])
        var options = ProbeHelpers.options
        options.caFile = pki.caFile
        let report = try await ProbeHelpers.withServer(pki.leaf, [flag, "-cert_chain", pki.caFile], label: "chain") {
            await OpenSSLProber(options: options).handshake($0)
        }
        let ca = Array(try Data(contentsOf: URL(fileURLWithPath: caDER)))
        #expect(report.peerChain == [pki.leaf.der, ca])
        #expect(report.verificationErrors == [])
    }

    /// Whether this machine has an IPv6 loopback (`s_server` listens dual-stack on it).
    private static let hasIPv6Loopback =
        ((try? String(contentsOfFile: "/proc/net/if_inet6", encoding: .utf8)) ?? "")
        .contains("00000000000000000000000000000001")

    @Test(.enabled(if: hasIPv6Loopback), arguments: ["::1", "[::1]"])
    func anIPv6LiteralIsReached(address: String) async throws {
        let pki = try Self.pki()
        var options = ProbeHelpers.options
        options.caFile = pki.caFile
        let report = try await ProbeHelpers.withServer(pki.leaf, [], label: "ipv6 \(address)") { endpoint in
            var ipv6 = endpoint
            ipv6.address = address
            return await OpenSSLProber(options: options).handshake(ipv6)
        }
        #expect(report.error == nil)
        #expect(report.verificationErrors == [])
    }

    @Test func withoutTheCAOrForAnotherNameTheSameChainFails() async throws {
        let pki = try Self.pki()
        let prober = OpenSSLProber(options: ProbeHelpers.options)
        var trusting = ProbeHelpers.options
        trusting.caFile = pki.caFile
        let (untrusted, wrongName, byAddress) = try await ProbeHelpers.withServer(
            pki.leaf,
            [],
            label: "untrusted"
        ) { endpoint in
            var other = endpoint
            other.serverName = "other.example"
            var literal = endpoint
            literal.serverName = "127.0.0.1"
            let trustingProber = OpenSSLProber(options: trusting)
            return (
                await prober.handshake(endpoint), await trustingProber.handshake(other),
                await trustingProber.handshake(literal)
            )
        }
        #expect(untrusted.error == nil)
        #expect(untrusted.verificationErrors.map(\.code).contains(20))  // unable to get local issuer certificate
        #expect(wrongName.verificationErrors.map(\.code) == [62])  // hostname mismatch
        #expect(wrongName.verificationErrors.first?.reason == "hostname mismatch")
        #expect(byAddress.verificationErrors.map(\.code) == [64])  // IP address mismatch: SAN has DNS names only
    }

    @Test func aTLS13ServerWithoutTicketsIssuesNone() async throws {
        var options = ProbeHelpers.options
        options.ticketWait = 0.2
        let report = try await ProbeHelpers.withServer(
            try Self.pki().leaf,
            ["-tls1_3", "-num_tickets", "0"],
            label: "no tickets"
        ) { await OpenSSLProber(options: options).handshake($0) }
        #expect(report.error == nil)
        #expect(report.version == "TLSv1.3")
        #expect(!report.sessionTicketIssued)
    }

    @Test func theSystemTrustStoreLoadsAndDoesNotTrustATestCertificate() async throws {
        let certificate = try GeneratedCertificate.make()
        let start = ContinuousClock.now
        let prober = OpenSSLProber()
        let second = ContinuousClock.now
        _ = OpenSSLProber()
        print("prober with the system trust store: first \(second - start), next \(ContinuousClock.now - second)")
        let report = try await ProbeHelpers.withServer(certificate, [], label: "system trust") {
            await prober.handshake($0)
        }
        #expect(report.error == nil)
        #expect(report.verificationErrors.contains { $0.code == 18 && $0.depth == 0 })
    }

    @Test func aSelfSignedLeafIsError18AtDepth0() async throws {
        let certificate = try GeneratedCertificate.make()
        let report = try await ProbeHelpers.withServer(certificate, [], label: "self-signed") {
            await OpenSSLProber(options: ProbeHelpers.options).handshake($0)
        }
        #expect(report.error == nil)
        #expect(report.verificationErrors.contains { $0.code == 18 && $0.depth == 0 })
        #expect(report.peerChain == [certificate.der])
    }

    @Test func anExpiredLeafForAnotherNameReportsEveryError() async throws {
        let pki = try Self.pki()
        var options = ProbeHelpers.options
        options.caFile = pki.caFile
        let report = try await ProbeHelpers.withServer(pki.expired, [], label: "expired") {
            await OpenSSLProber(options: options).handshake($0)
        }
        #expect(report.error == nil)
        let codes = report.verificationErrors.map(\.code)
        #expect(codes.contains(10))  // certificate has expired
        #expect(codes.contains(62))  // hostname mismatch
        #expect(report.verificationErrors.allSatisfy { $0.depth == 0 })
        #expect(report.verificationErrors.first { $0.code == 10 }?.reason == "certificate has expired")
    }

    @Test(arguments: ["-tls1_2", "-tls1_3"])
    func aStapledOCSPResponseIsReturnedAndRead(flag: String) async throws {
        let pki = try Self.pki()
        var options = ProbeHelpers.options
        options.caFile = pki.caFile
        let report = try await ProbeHelpers.withServer(
            pki.leaf,
            [flag, "-status_file", pki.ocspResponse],
            label: "ocsp"
        ) { await OpenSSLProber(options: options).handshake($0) }
        let expected = Array(try Data(contentsOf: URL(fileURLWithPath: pki.ocspResponse)))
        #expect(report.error == nil)
        #expect(report.stapledOCSP == expected)
        #expect(report.ocspCertificateStatus == "good")
        #expect(report.verificationErrors == [])
    }

    @Test func aLegacyTLS10ServerStillCompletes() async throws {
        let pki = try Self.pki()
        let report = try await ProbeHelpers.withServer(
            pki.leaf,
            ["-tls1", "-cipher", "ALL:@SECLEVEL=0"],
            label: "tls1.0"
        ) { await OpenSSLProber(options: ProbeHelpers.options).handshake($0) }
        #expect(report.error == nil)
        #expect(report.version == "TLSv1")
        #expect(report.peerChain == [pki.leaf.der])
    }

    @Test func aMissingCAFileIsReportedNotIgnored() async {
        var options = ProbeHelpers.options
        options.caFile = "/nonexistent/ca.pem"
        let report = await OpenSSLProber(options: options).handshake(ProbeHelpers.endpoint(1))
        #expect(report.error?.contains("/nonexistent/ca.pem") == true)
    }

    @Test(arguments: [[UInt8](), [0x30, 0x03, 0x0A, 0x01, 0x00], Array(repeating: 0xFF, count: 64)])
    func unparseableOCSPBytesGiveNoStatus(bytes: [UInt8]) {
        #expect(OCSPStatus.certificateStatus(bytes) == nil)
    }
}
