import TLSScan
import Testing

/// Host resolution for the TLS probe: literals resolve to themselves in canonical text, names through the
/// system resolver (loopback only: tests never touch the network).
@Suite struct HostResolverTests {
    @Test(arguments: [("127.0.0.1", "127.0.0.1"), ("[::1]", "::1"), ("0:0:0:0:0:0:0:1", "::1")])
    func literalsResolveToThemselves(host: String, address: String) async throws {
        #expect(try await HostResolver.resolve(host) == [address])
    }

    @Test func localhostResolvesToLoopbackIPv4First() async throws {
        let addresses = try await HostResolver.resolve("localhost")
        #expect(addresses.first == "127.0.0.1", "\(addresses)")
        #expect(Set(addresses).count == addresses.count)
    }
}
