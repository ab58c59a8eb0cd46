import Testing

@testable import TLSProbe

@Suite struct ClientHelloTests {
    private static let random = (0..<32).map { UInt8($0) }

    @Test func tls13HelloIsByteExact() {
        var spec = ClientHelloSpec(random: Self.random, cipherSuites: [0x1301, 0xC02F])
        spec.serverName = "a.io"
        spec.supportedGroups = [NamedGroup.x25519]
        spec.signatureAlgorithms = [0x0403]
        spec.ecPointFormats = false
        spec.renegotiation = .none
        spec.alpnProtocols = ["h2"]
        spec.supportedVersions = [.tls13, .tls12]
        spec.keyShares = [.init(group: NamedGroup.x25519, keyExchange: [UInt8](repeating: 0xAA, count: 32))]
        let expected =
            Bytes.hex(
                """
                16 0301 0090
                01 00008c
                0303 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
                00
                0004 1301 c02f
                01 00
                005f
                0000 0009 0007 00 0004 612e696f
                000a 0004 0002 001d
                000d 0004 0002 0403
                0010 0005 0003 02 6832
                002b 0005 04 0304 0303
                002d 0002 01 01
                0033 0026 0024 001d 0020
                """
            ) + [UInt8](repeating: 0xAA, count: 32)
        #expect(ClientHello.records(spec) == expected)
    }

    @Test func legacyHelloCarriesSignalsAndOptionalExtensions() {
        var spec = ClientHelloSpec.legacy(version: .tls12, random: Self.random, cipherSuites: [0x009C])
        spec.supportedGroups = []
        spec.signatureAlgorithms = []
        spec.ecPointFormats = false
        spec.renegotiation = .scsv
        spec.fallbackSCSV = true
        spec.statusRequest = true
        spec.extendedMasterSecret = true
        spec.encryptThenMAC = true
        spec.sessionTicket = []
        spec.signedCertificateTimestamp = true
        spec.compressionMethods = [1, 0]
        let body =
            Bytes.hex("0303") + Self.random
            + Bytes.hex(
                """
                00
                0006 009c 00ff 5600
                02 0100
                0019
                0005 0005 01 0000 0000
                0012 0000
                0016 0000
                0017 0000
                0023 0000
                """
            )
        #expect(ClientHello.records(spec) == Bytes.record(22, Bytes.handshake(1, body), version: 0x0301))
    }

    @Test func longHelloIsSplitIntoRecords() throws {
        let suites = (0..<9000).map { UInt16($0) }
        let spec = ClientHelloSpec(random: Self.random, cipherSuites: suites)
        let bytes = ClientHello.records(spec)
        let (records, consumed) = try TLSRecord.parseAll(bytes)
        #expect(consumed == bytes.count)
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.fragment.count <= 1 << 14 })
        #expect(records.flatMap(\.fragment) == ClientHello.handshakeMessage(spec))
    }

    @Test func sslv2HelloIsByteExact() {
        let challenge = [UInt8](repeating: 0x42, count: 16)
        let expected = Bytes.hex("801c 01 0002 0003 0000 0010 010080") + challenge
        #expect(SSLv2ClientHello.record(challenge: challenge, cipherKinds: [0x01_0080]) == expected)
    }
}
