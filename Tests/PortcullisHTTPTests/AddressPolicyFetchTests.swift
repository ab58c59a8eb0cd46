import Foundation
import PortcullisCore
import PortcullisHTTP
import Testing

/// The SSRF guard at connect time: the client checks the address it actually connected to against the
/// configuration's ``AddressPolicy`` before sending the request (loopback only: the zoo is on 127.0.0.1).
@Suite(.timeLimit(.minutes(1)))
struct AddressPolicyFetchTests {
    private func configuration(_ policy: AddressPolicy) -> HTTPClientConfiguration {
        HTTPClientConfiguration(limits: testLimits(totalTimeout: 30), addressPolicy: policy)
    }

    /// The fixture URL with its host replaced (`localhost` instead of `127.0.0.1`), same port and path.
    private func url(_ path: String, host: String) async throws -> URL {
        var components = try #require(
            URLComponents(url: try await SharedZoo.http(path), resolvingAgainstBaseURL: false)
        )
        components.host = host
        return try #require(components.url)
    }

    @Test func refusesLoopbackThatIsNotDeclared() async throws {
        let target = try await SharedZoo.http("status/200")
        let error = await #expect(throws: HTTPError.self) {
            try await withClient(configuration(AddressPolicy(allowedAddresses: []))) { try await $0.fetch(target) }
        }
        #expect(error?.code == .addressRefused)
        #expect(error?.code.rawValue == "address-refused")
        #expect(error?.reason == "loopback address 127.0.0.1 is not a declared target")
        // The request was never sent, so no response (the 200 this path always returns) was received.
        #expect(error?.hops.isEmpty == true)
        #expect(error?.url == target)
    }

    @Test func allowsDeclaredLoopbackAndReusesTheConnection() async throws {
        let target = try await SharedZoo.http("status/200")
        let statuses = try await withClient(configuration(AddressPolicy(allowedAddresses: ["127.0.0.1"]))) {
            client in
            // The second fetch reuses the kept-alive connection; the check runs again and still allows it.
            [try await client.fetch(target).response.status, try await client.fetch(target).response.status]
        }
        #expect(statuses == [200, 200])
    }

    @Test func unrestrictedAndAllowPrivateFetchLoopback() async throws {
        let target = try await SharedZoo.http("ok")
        for policy in [AddressPolicy.unrestricted, AddressPolicy(allowPrivate: true)] {
            let status = try await withClient(configuration(policy)) { try await $0.fetch(target).response.status }
            #expect(status == 200)
        }
    }

    @Test func localhostIsRefusedUnlessItsAddressIsAllowed() async throws {
        let target = try await url("ok", host: "localhost")
        let error = await #expect(throws: HTTPError.self) {
            try await withClient(configuration(AddressPolicy())) { try await $0.fetch(target) }
        }
        #expect(error?.code == .addressRefused)
        // localhost may resolve to ::1 first; either loopback address is named in the reason.
        #expect(error?.reason.hasPrefix("loopback address ") == true)

        let allowed = AddressPolicy(allowedAddresses: ["127.0.0.1", "::1"])
        let status = try await withClient(configuration(allowed)) { try await $0.fetch(target).response.status }
        #expect(status == 200)
    }

    @Test func aRedirectIsCheckedHopByHop() async throws {
        // Every hop of the chain is on the declared address, so the whole chain is followed.
        let target = try await SharedZoo.http("redirect/chain/2")
        let exchange = try await withClient(configuration(AddressPolicy(allowedAddresses: ["127.0.0.1"]))) {
            try await $0.fetch(target)
        }
        #expect(exchange.hops.count == 3)
        #expect(exchange.response.status == 200)
    }
}
