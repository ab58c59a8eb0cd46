import Foundation
import TLSProbe
import TLSScan
import TLSZoo
import Testing

/// The enumerator against real `openssl s_server` configurations on loopback (the test zoo); every server
/// is stopped at the end of its test. Expected suite sets are what OpenSSL 3.0 negotiates for the configuration
/// (`openssl ciphers -V -s -tls1_2 SPEC`, restricted to the certificate's key type).
@Suite struct EnumeratorLoopbackTests {
    private static let ecdsaAEAD: [UInt16] = [0xC02B, 0xC02C, 0xCCA9]
    private static let openSSLGroups: [UInt16] = [0x1D, 0x17, 0x1E, 0x19, 0x18, 0x100, 0x101, 0x102, 0x103, 0x104]
    private static let openSSLCurves: [UInt16] = [0x1D, 0x17, 0x1E, 0x19, 0x18]

    @Test func tls13OnlyServer() async throws {
        let result = try await ScanFixtures.enumerate(["-tls1_3"], label: "TLS 1.3 only")
        #expect(ScanFixtures.supported(result) == ["TLSv1.3"])
        #expect(result.support(for: TLSVersion.tls12.rawValue)?.note == "alert protocol_version")
        let tls13 = try #require(result.suites(for: TLSVersion.tls13.rawValue))
        #expect(tls13.suites == [0x1301, 0x1302, 0x1303])
        #expect(tls13.serverPreference == false)
        #expect(tls13.preferredSuite == nil)
        #expect(result.tls13Groups == Self.openSSLGroups)
        #expect(result.certificateChain.isEmpty)
        #expect(result.fallbackSCSV == .notApplicable)
        #expect(result.secureRenegotiation == nil)
        #expect(result.extendedMasterSecret == nil)
        #expect(result.ecdheCurves.isEmpty)
    }

    @Test func tls13ServerPreference() async throws {
        let result = try await ScanFixtures.enumerate(["-tls1_3", "-serverpref"], label: "TLS 1.3 serverpref")
        let tls13 = try #require(result.suites(for: TLSVersion.tls13.rawValue))
        #expect(tls13.serverPreference == true)
        #expect(tls13.preferredSuite == 0x1302)
        #expect(tls13.suites == [0x1302, 0x1303, 0x1301])
    }

    @Test func tls12AEADOnlyServer() async throws {
        let certificate = try ScanFixtures.ecdsaCertificate.get()
        let result = try await ScanFixtures.enumerate(
            [
                "-tls1_2", "-cipher",
                "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305",
                "-alpn", "h2,http/1.1",
            ],
            label: "TLS 1.2 AEAD"
        )
        #expect(ScanFixtures.supported(result) == ["TLSv1.2"])
        let tls12 = try #require(result.suites(for: TLSVersion.tls12.rawValue))
        #expect(tls12.suites == Self.ecdsaAEAD)
        #expect(tls12.serverPreference == false)
        #expect(result.alpn == ["h2", "http/1.1"])
        #expect(Set(result.ecdheCurves) == Set(Self.openSSLCurves))
        #expect(result.certificateChain == [certificate.der])
        #expect(result.secureRenegotiation == true)
        #expect(result.extendedMasterSecret == true)
        #expect(result.encryptThenMAC == nil)
        #expect(result.sessionTicket)
        #expect(!result.compression)
        #expect(!result.ocspStapled)
        #expect(result.dhPrimeBits == nil)
        #expect(result.fallbackSCSV == .notApplicable)
        #expect(result.tls13Groups.isEmpty)
        #expect(result.handshakes <= 40)
    }

    @Test func tls12ServerPreference() async throws {
        let result = try await ScanFixtures.enumerate(
            [
                "-tls1_2", "-serverpref", "-cipher",
                "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256",
            ],
            label: "TLS 1.2 serverpref"
        )
        let tls12 = try #require(result.suites(for: TLSVersion.tls12.rawValue))
        #expect(tls12.serverPreference == true)
        #expect(tls12.preferredSuite == 0xCCA9)
        #expect(tls12.suites == [0xCCA9, 0xC02C, 0xC02B])
        #expect(result.alpn.isEmpty)
    }

    @Test func tls12CBCWithRSAKeyExchangeAndDHE() async throws {
        let certificate = try ScanFixtures.rsaCertificate.get()
        let result = try await ScanFixtures.enumerate(
            [
                "-tls1_2", "-no_ticket", "-dhparam", try ScanFixtures.dhParameters.get(), "-cipher",
                "AES128-SHA:AES256-SHA:CAMELLIA128-SHA:ECDHE-RSA-AES128-SHA:DHE-RSA-AES128-SHA:AES128-SHA256"
                    + ":@SECLEVEL=0",
            ],
            certificate: ScanFixtures.rsaCertificate,
            label: "TLS 1.2 CBC/RSA/DHE"
        )
        #expect(ScanFixtures.supported(result) == ["TLSv1.2"])
        #expect(ScanFixtures.suites(result, .tls12) == [0x002F, 0x0035, 0x0041, 0xC013, 0x0033, 0x003C])
        #expect(result.dhPrimeBits == 1024)
        #expect(result.encryptThenMAC == true)
        #expect(!result.sessionTicket)
        #expect(result.certificateChain == [certificate.der])
        #expect(Set(result.ecdheCurves) == Set(Self.openSSLCurves))
    }

    @Test func legacyVersionsEnabled() async throws {
        let result = try await ScanFixtures.enumerate(["-cipher", "DEFAULT:@SECLEVEL=0"], label: "TLS 1.0-1.3")
        #expect(ScanFixtures.supported(result) == ["TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3"])
        #expect(result.fallbackSCSV == .rejectsDowngrade)
        #expect(ScanFixtures.suites(result, .tls10).contains(0xC009))  // ECDHE-ECDSA-AES128-SHA
        #expect(!ScanFixtures.suites(result, .tls10).contains(0xC02B))  // GCM is TLS 1.2 only
        #expect(ScanFixtures.suites(result, .tls12).isSuperset(of: Self.ecdsaAEAD))
    }

    @Test func nullAndAnonymousSuites() async throws {
        let result = try await ScanFixtures.enumerate(
            ["-tls1_2", "-cipher", "aNULL:eNULL:@SECLEVEL=0"],
            label: "NULL and anonymous"
        )
        // ADH-*, AECDH-* and ECDHE-ECDSA-NULL-SHA; the RSA-authenticated NULL suites need an RSA certificate.
        let expected: Set<UInt16> = [
            0x00A7, 0x00A6, 0x006D, 0x00C5, 0x006C, 0x00BF, 0xC019, 0x003A, 0x0089, 0xC018, 0x0034, 0x0046,
            0xC015, 0xC006,
        ]
        #expect(ScanFixtures.suites(result, .tls12) == expected)
        #expect(result.dhPrimeBits != nil)
    }
}
