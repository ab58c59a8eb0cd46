import TLSProbe
import Testing

@testable import TLSScan

/// What every probe's ClientHello carries: the SNI of the target (never an IP literal) and the extensions whose
/// answers the enumeration reads.
@Suite struct HelloFactoryTests {
    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<$0 + needle.count]) == needle }
    }

    @Test(arguments: [TLSVersion.ssl3, .tls10, .tls12])
    func legacyHellosCarryTheServerName(_ version: TLSVersion) {
        let hello = HelloFactory(serverName: "provider.example").legacy(version, suites: [0xC02F, 0x002F])
        #expect(Self.contains(hello, Array("provider.example".utf8)))
        #expect(hello.count < 1024)
    }

    @Test func tls13HelloCarriesTheServerNameAndAKeyShareOnlyForX25519() {
        let factory = HelloFactory(serverName: "provider.example")
        let withShare = factory.tls13(suites: [0x1301])
        let withoutShare = factory.tls13(suites: [0x1301], groups: [NamedGroup.secp256r1])
        #expect(Self.contains(withShare, Array("provider.example".utf8)))
        // key_share (0x0033) with one X25519 entry: group 0x001D, length 32.
        #expect(Self.contains(withShare, [0x00, 0x1D, 0x00, 0x20]))
        #expect(Self.contains(withoutShare, [0x00, 0x33, 0x00, 0x02, 0x00, 0x00]))
    }

    @Test(arguments: ["127.0.0.1", "::1", "[2001:db8::1]", ""])
    func ipLiteralsAreNeverSentAsServerName(_ name: String) {
        let factory = HelloFactory(serverName: name)
        #expect(factory.serverName == nil)
        let hello = factory.legacy(.tls12, suites: [0xC02F])
        #expect(name.isEmpty || !Self.contains(hello, Array(name.utf8)))
    }

    @Test func a128SuiteHelloStaysSmall() {
        let suites = (0..<128).map { UInt16(0xC000 + $0) }
        let hello = HelloFactory(serverName: "provider.example").legacy(.tls12, suites: suites)
        #expect(hello.count < 768)
    }
}
