import Testing

@testable import TLSProbe

/// Random and mutated server bytes into every parser: bounded iterations, no crash, sane results.
@Suite struct ParserFuzzTests {
    private static func validFlight() -> [UInt8] {
        let hello = Bytes.serverHello(
            sessionID: [1, 2, 3],
            suite: 0xC02F,
            extensions: [Bytes.ext(0xFF01, [0]), Bytes.ext(0x0010, Bytes.hex("0003 02 6832")), Bytes.ext(0x0017, [])]
        )
        let certificate = Bytes.prefixed(3, Bytes.prefixed(3, [UInt8](repeating: 0x30, count: 40)))
        return Bytes.record(
            22,
            Bytes.handshake(2, hello) + Bytes.handshake(11, certificate) + Bytes.handshake(14, [])
        )
    }

    @Test func randomAndMutatedBytesNeverCrash() {
        var rng = SeededGenerator(state: 0x5EED_0005)
        let seed = Self.validFlight()
        var outcomes: [String: Int] = [:]
        for iteration in 0..<2_000 {
            var bytes: [UInt8]
            if iteration % 2 == 0 {
                bytes = (0..<Int.random(in: 0...300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                if iteration % 4 == 0, !bytes.isEmpty { bytes[0] = [20, 21, 22, 23, 0x80][iteration / 4 % 5] }
            } else {
                bytes = seed
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    let index = Int.random(in: 0..<bytes.count, using: &rng)
                    switch Int.random(in: 0..<3, using: &rng) {
                    case 0: bytes[index] = UInt8.random(in: 0...255, using: &rng)
                    case 1: bytes.removeSubrange(index...)
                    default: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: index)
                    }
                    if bytes.isEmpty { break }
                }
            }
            let flight = ServerFlight.parse(bytes)
            switch flight.response {
            case .none: outcomes["incomplete", default: 0] += 1
            case .serverHello: outcomes["serverHello", default: 0] += 1
            case .garbage: outcomes["garbage", default: 0] += 1
            default: outcomes["other", default: 0] += 1
            }
            #expect(flight.response != nil || !flight.isComplete)
            _ = try? ServerHello.parse(bytes)
            _ = try? TLSAlert.parse(bytes)
            _ = try? CertificateMessage.parse(bytes)
            _ = try? SSLv2ServerHello.parse(bytes)
            _ = try? ServerKeyExchange.parse(bytes, isECDHE: iteration % 2 == 0)
            _ = try? HandshakeMessage.parseAll(bytes)
            if let (records, consumed) = try? TLSRecord.parseAll(bytes) {
                #expect(consumed <= bytes.count)
                #expect(records.allSatisfy { $0.fragment.count <= TLSRecord.maximumFragment })
            }
        }
        print("fuzz outcomes:", outcomes.sorted { $0.key < $1.key })
        #expect(outcomes["serverHello", default: 0] > 0)
        #expect(outcomes["garbage", default: 0] > 0)
        #expect(outcomes["incomplete", default: 0] > 0)
    }

    @Test func oversizedFlightIsCutOff() {
        let bytes = [UInt8](repeating: 22, count: 64)
        let flight = ServerFlight.parse(bytes, maximumBytes: 32)
        #expect(flight.isComplete)
        #expect(flight.response == .garbage("first flight exceeds 32 bytes"))
    }
}
