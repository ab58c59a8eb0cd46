import TLSZoo
import Testing

@testable import OpenSSLProbe

/// Resumption, client renegotiation and 0-RTT against `openssl s_server` configured each way.
@Suite(.serialized) struct SessionProbeTests {
    private static func certificate() throws -> GeneratedCertificate { try TestPKI.shared.get().leaf }

    /// Server flags → session ID, RFC 5077 ticket, TLS 1.3 ticket. `-no_ticket` leaves TLS 1.3 stateful tickets on.
    @Test(arguments: [
        ([String](), [true, true, true]),
        (["-no_ticket"], [true, false, true]),
        (["-no_cache"], [false, true, true]),
        (["-no_cache", "-no_ticket"], [false, false, false]),
        (["-tls1_2"], [true, true, false]),
        (["-tls1_3"], [false, false, true]),
    ])
    func resumption(arguments: [String], expected: [Bool]) async throws {
        let prober = OpenSSLProber(options: ProbeHelpers.options)
        let report = try await ProbeHelpers.withServer(try Self.certificate(), arguments, label: "resumption") {
            await prober.resumption($0)
        }
        #expect([report.sessionID, report.ticket, report.tls13Ticket] == expected)
        #expect(report.error == nil)
        #expect(prober.handshakeCount >= 2)
    }

    @Test(arguments: [
        (["-client_renegotiation"], RenegotiationResult.accepted),
        ([], .refused),
        (["-tls1_2", "-no_renegotiation"], .refused),
        (["-tls1_3"], .notApplicable),
    ])
    func clientRenegotiation(arguments: [String], expected: RenegotiationResult) async throws {
        let result = try await ProbeHelpers.withServer(try Self.certificate(), arguments, label: "renegotiation") {
            await OpenSSLProber(options: ProbeHelpers.options).clientRenegotiation($0)
        }
        #expect(result == expected)
    }

    @Test(arguments: [
        (["-early_data"], EarlyDataResult.accepted),
        (["-max_early_data", "16384"], .rejected),
        ([], .notOffered),
        (["-tls1_2"], .notApplicable),
    ])
    func earlyData(arguments: [String], expected: EarlyDataResult) async throws {
        let result = try await ProbeHelpers.withServer(try Self.certificate(), arguments, label: "early data") {
            await OpenSSLProber(options: ProbeHelpers.options).earlyData($0)
        }
        #expect(result == expected)
    }
}
