import Foundation
import TestSupport
import Testing

@testable import TLSProbe

@Suite struct CipherSuiteRegistryTests {
    private static func shipped() throws -> CipherSuiteRegistry {
        try CipherSuiteRegistry.load(file: TestPaths.rules.appendingPathComponent("tls-cipher-suites.tsv"))
    }

    @Test func shippedRegistryParsesWithoutDuplicates() throws {
        let registry = try Self.shipped()
        #expect(registry.suites.count >= 340)
        #expect(Set(registry.suites.map(\.code)).count == registry.suites.count)
        #expect(Set(registry.suites.map(\.ianaName)).count == registry.suites.count)
        for flag in CipherSuite.Flag.allCases {
            #expect(registry.suites.contains { $0.flags.contains(flag) }, "no suite flagged \(flag)")
        }
    }

    @Test(arguments: [
        (UInt16(0xC02F), "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "AEAD,FS"),
        (0x0004, "TLS_RSA_WITH_RC4_128_MD5", "RC4-MD5", "MD5,RC4"),
        (0x0003, "TLS_RSA_EXPORT_WITH_RC4_40_MD5", "EXP-RC4-MD5", "EXPORT,MD5,RC4"),
        (0x000A, "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "DES-CBC3-SHA", "3DES,CBC,SHA1"),
        (0x0018, "TLS_DH_anon_WITH_RC4_128_MD5", "ADH-RC4-MD5", "ANON,FS,MD5,RC4"),
        (0x0002, "TLS_RSA_WITH_NULL_SHA", "NULL-SHA", "NULL,SHA1"),
        (0xC0A0, "TLS_RSA_WITH_AES_128_CCM_8", "AES128-CCM8", "AEAD,CCM,CCM8"),
        (0x1303, "TLS_CHACHA20_POLY1305_SHA256", "TLS_CHACHA20_POLY1305_SHA256", "AEAD,FS"),
    ])
    func knownSuitesHaveTheirProperties(code: UInt16, iana: String, openSSL: String, flags: String) throws {
        let suite = try #require(try Self.shipped()[code])
        #expect(suite.ianaName == iana)
        #expect(suite.openSSLName == openSSL)
        #expect(suite.flags.map(\.rawValue).sorted().joined(separator: ",") == flags)
    }

    @Test func protocolRangesSeparateTLS13() throws {
        let registry = try Self.shipped()
        let tls13 = registry.suites(for: .tls13).map(\.code)
        #expect(Set([0x1301, 0x1302, 0x1303, 0x1304, 0x1305]).isSubset(of: Set(tls13)))
        #expect(!tls13.contains(0xC02F))
        #expect(!registry.suites(for: .tls12).contains { $0.code == 0x1301 || $0.code == 0x00FF })
        #expect(registry.suites(for: .ssl3).contains { $0.code == 0x000A })
    }

    @Test(arguments: [
        "0xC02F\tA\t-\tECDHE\tRSA\tAES\tAEAD\t-\tTLSv1.2\tTLSv1.2\n"
            + "0xC02F\tB\t-\tECDHE\tRSA\tAES\tAEAD\t-\tTLSv1.2\tTLSv1.2",
        "0xC02F\tA\t-\tECDHE\tRSA\tAES\tAEAD\tBOGUS\tTLSv1.2\tTLSv1.2",
        "0xC02F\tA\t-\tECDHE\tRSA\tAES\tAEAD\t-\tTLSv1.3\tTLSv1.2",
        "C02F\tA\t-\tECDHE\tRSA\tAES\tAEAD\t-\tTLSv1.2\tTLSv1.2",
        "0xC02F\tA",
    ])
    func malformedRegistryLinesAreRejected(text: String) {
        #expect(throws: CipherSuiteRegistry.LoadError.self) { try CipherSuiteRegistry.parse(text) }
    }
}
