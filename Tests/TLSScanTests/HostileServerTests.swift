import CertificateAnalysis
import Foundation
import OpenSSLProbe
import TLSProbe
import TLSScan
import TLSZoo
import Testing

/// Servers that answer with garbage, truncated or oversized records, nothing at all, or a reset: the enumeration
/// ends within its time bounds, supports nothing, and says what happened in its notes.
@Suite struct HostileServerTests {
    private static let limits = ProbeLimits(
        connectTimeout: .seconds(2),
        handshakeTimeout: .milliseconds(500),
        maximumFlightBytes: 64 * 1024
    )

    private static func expectedNote(_ behaviour: HostileServer.Behaviour) -> String {
        switch behaviour {
        case .randomBytes: "garbage: not a TLS record"
        case .truncatedRecord: "closed mid-message after 15 bytes"
        case .hugeLength: "garbage: record layer"
        case .silent: "timed out after 0 bytes"
        case .reset: "connection reset"
        case .endlessFlight: "garbage: first flight exceeds 65536 bytes"
        case .stalledRecord: "timed out"
        case .sslv2Only, .hundredCertificateChain: "unreachable"
        }
    }

    @Test(arguments: HostileServer.Behaviour.hostile)
    func misbehavingServerIsReportedNotTrusted(_ behaviour: HostileServer.Behaviour) async throws {
        let server = try HostileServer(behaviour)
        defer { server.stop() }
        let enumerator = RawTLSEnumerator(limits: Self.limits, registry: ScanFixtures.registry)
        let start = ContinuousClock.now
        let result = await enumerator.enumerate(
            ProbeTarget(serverName: "localhost", address: "127.0.0.1", port: server.port)
        )
        let elapsed = ContinuousClock.now - start
        print("[TLSScan] hostile \(behaviour): \(result.handshakes) handshakes in \(elapsed), notes \(result.notes)")
        #expect(result.protocols.count == 6)
        #expect(result.protocols.allSatisfy { !$0.supported })
        #expect(result.suites.isEmpty)
        #expect(result.handshakes >= 6)
        #expect(result.certificateChain.isEmpty)
        let expected = Self.expectedNote(behaviour)
        #expect(result.notes.contains { $0.contains(expected) }, "notes: \(result.notes)")
        #expect(elapsed < .seconds(120), "bounded even on a loaded CI machine")
    }

    @Test func sslv2OnlyServerIsDetected() async throws {
        let server = try HostileServer(.sslv2Only)
        defer { server.stop() }
        let enumerator = RawTLSEnumerator(limits: Self.limits, registry: ScanFixtures.registry)
        let result = await enumerator.enumerate(
            ProbeTarget(serverName: "localhost", address: "127.0.0.1", port: server.port)
        )
        #expect(result.protocols.filter(\.supported).map(\.name) == ["SSLv2"])
        #expect(result.support(for: TLSVersion.ssl2.rawValue)?.note == "1 cipher kinds")
        #expect(result.support(for: TLSVersion.tls12.rawValue)?.note == "alert protocol_version")
        #expect(result.fallbackSCSV == .notApplicable)
    }

    @Test func hundredGarbageCertificatesAreBoundedAndReported() async throws {
        let server = try HostileServer(.hundredCertificateChain)
        defer { server.stop() }
        let scanner = TLSHostScanner(
            registry: ScanFixtures.registry,
            trust: TrustStore(),
            limits: ProbeLimits(connectTimeout: .seconds(2), handshakeTimeout: .seconds(2)),
            openSSLOptions: OpenSSLProbeOptions(timeout: 1)
        )
        let start = ContinuousClock.now
        let scan = await scanner.scan(ProbeTarget(serverName: "localhost", address: "127.0.0.1", port: server.port))
        let elapsed = ContinuousClock.now - start
        print("[TLSScan] 100-certificate chain: \(scan.handshakes) handshakes in \(elapsed)")
        #expect(scan.enumeration.support(for: TLSVersion.tls12.rawValue)?.supported == true)
        // The server answers with one suite whatever is offered: the elimination must still end.
        #expect(scan.enumeration.suites(for: TLSVersion.tls12.rawValue)?.suites == [0xC02F])
        #expect(scan.enumeration.certificateChain.count == 100)
        #expect(scan.handshake.version == nil, "libssl cannot complete a handshake with garbage certificates")
        let report = try #require(scan.certificate)
        let kinds = Set(report.problems.map(\.kind))
        #expect(kinds.contains(.malformed))
        #expect(kinds.contains(.chainTooLong))
        #expect(!report.trusted)
        #expect(elapsed < .seconds(120), "bounded even on a loaded CI machine")
    }

    @Test func refusedConnectionIsAConnectFailure() async {
        let transport = HandshakeTransport(limits: Self.limits)
        // Port 1 on loopback is closed in any sane test environment.
        let outcome = await transport.exchange(
            [0x16],
            with: ProbeTarget(serverName: "x", address: "127.0.0.1", port: 1)
        )
        guard case .connectFailed = outcome else {
            Issue.record("expected connectFailed, got \(outcome)")
            return
        }
    }

    @Test(arguments: ["not-an-ip", "999.1.1.1", ""])
    func badAddressIsAConnectFailureNotACrash(_ address: String) async {
        let transport = HandshakeTransport(limits: Self.limits)
        let outcome = await transport.exchange([0x16], with: ProbeTarget(serverName: "x", address: address, port: 443))
        #expect(outcome == .connectFailed("not an IP address: \(address)"))
    }

    @Test func oversizedFlightIsCutAtTheByteLimit() async throws {
        // Valid-looking handshake records without end: the flight is cut at the byte cap.
        let server = try HostileServer(.endlessFlight)
        defer { server.stop() }
        var limits = Self.limits
        limits.maximumFlightBytes = 20_000
        limits.handshakeTimeout = .seconds(10)
        let outcome = await HandshakeTransport(limits: limits).exchange(
            [0x16, 0x03, 0x01, 0x00, 0x00],
            with: ProbeTarget(serverName: "x", address: "127.0.0.1", port: server.port)
        )
        guard case .flight(let flight) = outcome, case .garbage(let reason) = flight.response else {
            Issue.record("expected a garbage flight, got \(outcome.summary)")
            return
        }
        #expect(reason.contains("exceeds 20000 bytes"))
    }
}
