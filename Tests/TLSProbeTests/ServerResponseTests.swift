import Testing

@testable import TLSProbe

@Suite struct ServerResponseTests {
    private static let x25519Share = Bytes.ext(0x0033, Bytes.hex("001d 0020") + [UInt8](repeating: 7, count: 32))

    @Test func tls13ServerHelloNegotiatesViaSupportedVersions() throws {
        let body = Bytes.serverHello(
            sessionID: [UInt8](repeating: 9, count: 32),
            suite: 0x1302,
            extensions: [Bytes.ext(0x002B, Bytes.hex("0304")), Self.x25519Share]
        )
        let flight = ServerFlight.parse(Bytes.record(22, Bytes.handshake(2, body)) + Bytes.record(20, [1]))
        #expect(flight.isComplete)
        guard case .serverHello(let hello) = flight.response else {
            Issue.record("expected ServerHello, got \(String(describing: flight.response))")
            return
        }
        #expect(hello.legacyVersion == .tls12)
        #expect(hello.negotiatedVersion == .tls13)
        #expect(hello.cipherSuite == 0x1302)
        #expect(hello.keyShareGroup == NamedGroup.x25519)
        #expect(hello.sessionID.count == 32)
        #expect(!hello.isHelloRetryRequest)
    }

    @Test func helloRetryRequestIsRecognisedByItsRandom() {
        let body = Bytes.serverHello(
            random: ServerHello.helloRetryRequestRandom,
            suite: 0x1301,
            extensions: [Bytes.ext(0x002B, Bytes.hex("0304")), Bytes.ext(0x0033, Bytes.hex("0017"))]
        )
        let flight = ServerFlight.parse(Bytes.record(22, Bytes.handshake(2, body)))
        guard case .helloRetryRequest(let hrr) = flight.response else {
            Issue.record("expected HRR, got \(String(describing: flight.response))")
            return
        }
        #expect(flight.isComplete)
        #expect(hrr.keyShareGroup == NamedGroup.secp256r1)
        #expect(hrr.cipherSuite == 0x1301)
    }

    @Test(arguments: [
        (UInt8(40), "handshake_failure"), (70, "protocol_version"), (86, "inappropriate_fallback"),
        (200, "unknown(200)"),
    ])
    func alertIsNamed(code: UInt8, name: String) {
        let flight = ServerFlight.parse(Bytes.record(21, [2, code]))
        #expect(flight.response == .alert(TLSAlert(level: 2, description: code)))
        #expect(TLSAlert(level: 2, description: code).descriptionName == name)
        #expect(flight.isComplete)
    }

    @Test func tls12FlightYieldsChainAcrossRecordBoundaries() throws {
        let hello = Bytes.serverHello(
            suite: 0xC02B,
            extensions: [
                Bytes.ext(0xFF01, [0]), Bytes.ext(0x0017, []), Bytes.ext(0x0016, []),
                Bytes.ext(0x0010, Bytes.hex("0009 08") + Array("http/1.1".utf8)), Bytes.ext(0x0005, []),
            ]
        )
        let leaf = [UInt8](repeating: 0x30, count: 300)
        let intermediate = [UInt8](repeating: 0x31, count: 200)
        let certificate = Bytes.prefixed(3, Bytes.prefixed(3, leaf) + Bytes.prefixed(3, intermediate))
        let keyExchange = Bytes.hex("03 001d 20") + [UInt8](repeating: 1, count: 32)
        let stream =
            Bytes.handshake(2, hello) + Bytes.handshake(11, certificate) + Bytes.handshake(12, keyExchange)
            + Bytes.handshake(14, [])
        let split = stream.count / 3
        let bytes = Bytes.record(22, Array(stream[..<split])) + Bytes.record(22, Array(stream[split...]))
        let partial = ServerFlight.parse(Array(bytes.dropLast(3)))
        #expect(!partial.isComplete)
        let flight = ServerFlight.parse(bytes)
        #expect(flight.isComplete)
        #expect(flight.certificates == [leaf, intermediate])
        #expect(flight.handshakeTypes == [2, 11, 12, 14])
        let kx = try ServerKeyExchange.parse(try #require(flight.serverKeyExchange), isECDHE: true)
        #expect(kx == .namedCurve(NamedGroup.x25519))
        guard case .serverHello(let parsed) = flight.response else {
            Issue.record("expected ServerHello")
            return
        }
        #expect(parsed.negotiatedVersion == .tls12)
        #expect(parsed.renegotiationInfo == [])
        #expect(parsed.extendedMasterSecret && parsed.encryptThenMAC && parsed.statusRequest)
        #expect(!parsed.sessionTicket)
        #expect(parsed.alpnProtocol == "http/1.1")
    }

    @Test func downgradeSentinelIsRead() throws {
        let random = [UInt8](repeating: 0, count: 24) + Array("DOWNGRD".utf8) + [1]
        let hello = try ServerHello.parse(Bytes.serverHello(random: random, suite: 0xC02F, extensions: nil))
        #expect(hello.downgradeSentinel == .tls12)
        #expect(hello.extensions.isEmpty)
    }

    @Test func finiteFieldPrimeSizeIsMeasured() throws {
        let prime = [UInt8(0)] + [0x80] + [UInt8](repeating: 0xFF, count: 255)
        let body = Bytes.prefixed(2, prime) + Bytes.prefixed(2, [2]) + Bytes.prefixed(2, [5])
        #expect(try ServerKeyExchange.parse(body, isECDHE: false) == .finiteField(primeBits: 2048))
    }

    @Test func sslv2ServerHelloIsParsed() {
        let body = Bytes.hex("04 00 01 0002 0003 0006 0010 aabbcc 010080 0700c0") + [UInt8](repeating: 5, count: 16)
        let flight = ServerFlight.parse(Bytes.hex("80") + [UInt8(body.count)] + body)
        let expected = SSLv2ServerHello(
            version: .ssl2,
            sessionIDHit: false,
            cipherKinds: [0x01_0080, 0x07_00C0],
            certificate: [0xAA, 0xBB, 0xCC]
        )
        #expect(flight.response == .sslv2ServerHello(expected))
    }

    @Test(arguments: [
        ("HTTP/1.1 400 Bad Request\r\n", "plaintext HTTP"),
        ("\u{16}\u{03}\u{03}\u{48}\u{01}", "oversized"),
        ("\u{16}\u{05}\u{03}\u{00}\u{01}x", "TLSRecord.version"),
        ("\u{16}\u{03}\u{03}\u{00}\u{05}\u{0B}\u{00}\u{00}\u{01}x", "not server_hello"),
        ("\u{17}\u{03}\u{03}\u{00}\u{01}x", "before hello"),
        ("\u{15}\u{03}\u{03}\u{00}\u{03}\u{02}\u{28}\u{00}", "alert"),
    ])
    func garbageIsNamed(input: String, reason: String) {
        let flight = ServerFlight.parse(Array(input.utf8))
        guard case .garbage(let text) = flight.response else {
            Issue.record("expected garbage, got \(String(describing: flight.response))")
            return
        }
        #expect(text.contains(reason))
        #expect(flight.isComplete)
    }

    @Test func truncatedInputAsksForMore() {
        let body = Bytes.serverHello(suite: 0x1301)
        let full = Bytes.record(22, Bytes.handshake(2, body))
        for length in 0..<full.count {
            let flight = ServerFlight.parse(Array(full.prefix(length)))
            #expect(flight.response == nil && !flight.isComplete, "prefix \(length)")
        }
    }

    @Test func malformedServerHellosThrowTypedErrors() {
        let duplicate = Bytes.serverHello(suite: 0x1301, extensions: [Bytes.ext(0x0017, []), Bytes.ext(0x0017, [])])
        #expect(throws: TLSParseError.self) { try ServerHello.parse(duplicate) }
        do {
            _ = try ServerHello.parse(duplicate)
        } catch {
            #expect(error.kind == .duplicateExtension)
        }
        let longSession = Bytes.serverHello(sessionID: [UInt8](repeating: 1, count: 33), suite: 0x1301)
        #expect(throws: TLSParseError.self) { try ServerHello.parse(longSession) }
        let badVersions = Bytes.serverHello(suite: 0x1301, extensions: [Bytes.ext(0x002B, [3])])
        #expect(throws: TLSParseError.self) { try ServerHello.parse(badVersions) }
        #expect(throws: TLSParseError.self) { try CertificateMessage.parse(Bytes.hex("000005 000001")) }
    }
}
