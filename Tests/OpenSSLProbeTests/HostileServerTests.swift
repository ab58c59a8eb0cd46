import Foundation
import TLSZoo
import TestSupport
import Testing

@testable import OpenSSLProbe

/// Servers that answer garbage, never answer, or are not there: every probe returns an error within its budget.
@Suite(.serialized) struct HostileServerTests {
    /// A short budget, so the silent server costs little; the bound asserted is far looser (no timing flakes).
    private static let options = OpenSSLProbeOptions(timeout: 0.5, useSystemTrust: false)

    private static func endpoint(_ port: Int) -> OpenSSLEndpoint {
        OpenSSLEndpoint(serverName: "localhost", address: "127.0.0.1", port: port)
    }

    @Test(arguments: [HostileServer.Behaviour.randomBytes, .reset, .stalledRecord, .silent])
    func everyProbeFailsCleanly(behaviour: HostileServer.Behaviour) async throws {
        let server = try HostileServer(behaviour)
        defer { server.stop() }
        let prober = OpenSSLProber(options: Self.options)
        let endpoint = Self.endpoint(server.port)
        let start = ContinuousClock.now
        // All four probes at once: the budgets overlap, and one prober is shared across threads.
        async let handshake = prober.handshake(endpoint)
        async let renegotiation = prober.clientRenegotiation(endpoint)
        async let earlyData = prober.earlyData(endpoint)
        async let resumption = prober.resumption(endpoint)
        let report = await handshake
        print("handshake against \(behaviour): \(ContinuousClock.now - start), \(report.error ?? "no error")")
        #expect(report.error != nil)
        #expect(report.version == nil)
        #expect(report.peerChain.isEmpty)
        if behaviour == .silent || behaviour == .stalledRecord {
            #expect(report.error?.contains("timed out") == true)
        }
        #expect(await renegotiation == .failed)
        #expect(await earlyData == .failed)
        let resumed = await resumption
        #expect(!resumed.sessionID && !resumed.ticket && !resumed.tls13Ticket && resumed.error != nil)
        print("all probes against \(behaviour): \(ContinuousClock.now - start)")
        // A 0.5 s budget per connection, at most three in a row: far below this bound unless something hangs
        // (generous: a loaded CI machine runs the whole suite beside it).
        #expect(ContinuousClock.now - start < .seconds(90))
    }

    @Test func aClosedPortIsAConnectError() async throws {
        // Bound but not listening for the whole test, so no parallel server can take the port meanwhile.
        let closed = try RefusingPort()
        let report = await OpenSSLProber(options: Self.options).handshake(Self.endpoint(closed.port))
        #expect(report.error?.contains("connect failed") == true, "\(report.error ?? "no error")")
    }

    @Test(arguments: ["localhost", "", "256.1.1.1", "::g"])
    func anAddressThatIsNotAnIPLiteralIsRefused(address: String) async {
        let endpoint = OpenSSLEndpoint(serverName: "localhost", address: address, port: 443)
        let report = await OpenSSLProber(options: Self.options).handshake(endpoint)
        #expect(report.error?.contains("not an IP address literal") == true)
    }

    @Test func theByteBudgetStopsALargeFlight() async throws {
        let pki = try TestPKI.shared.get()
        var options = ProbeHelpers.options
        options.maximumBytes = 100
        let report = try await ProbeHelpers.withServer(pki.leaf, ["-tls1_2"], label: "byte budget") {
            await OpenSSLProber(options: options).handshake($0)
        }
        #expect(report.error == "the server sent more than 100 bytes")
    }
}
