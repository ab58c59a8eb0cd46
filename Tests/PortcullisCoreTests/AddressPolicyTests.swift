import Foundation
import PortcullisCore
import Testing

/// The SSRF guard's classifier: which textual IP addresses a scan may connect to.
@Suite struct AddressPolicyTests {
    static let refused: [(ip: String, range: String)] = [
        ("127.0.0.1", "loopback"),
        ("127.255.255.254", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.0.1", "private"),
        ("172.31.255.255", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("100.64.0.1", "shared (CGNAT)"),
        ("100.127.255.255", "shared (CGNAT)"),
        ("0.0.0.0", "unspecified"),
        ("0.1.2.3", "this-network"),
        ("224.0.0.1", "multicast"),
        ("239.255.255.250", "multicast"),
        ("255.255.255.255", "reserved"),
        ("240.0.0.1", "reserved"),
        ("192.0.2.10", "documentation"),
        ("198.18.0.1", "benchmarking"),
        ("::1", "loopback"),
        ("0:0:0:0:0:0:0:1", "loopback"),
        ("[::1]", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("febf::1", "link-local"),
        ("fc00::1", "unique-local"),
        ("fd12:3456:789a::1", "unique-local"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "IPv4-mapped loopback"),
        ("::ffff:7f00:1", "IPv4-mapped loopback"),
        ("::FFFF:10.1.2.3", "IPv4-mapped private"),
        ("64:ff9b::a9fe:a9fe", "NAT64 link-local"),
        ("2002:c0a8:0101::1", "6to4 private"),
        ("::7f00:1", "reserved (IPv4-compatible)"),
    ]

    @Test(arguments: refused)
    func refusesSpecialUseAddresses(_ sample: (ip: String, range: String)) {
        let policy = AddressPolicy()
        #expect(!policy.allows(ip: sample.ip))
        #expect(policy.refusalReason(ip: sample.ip) == "\(sample.range) address \(sample.ip) is not a declared target")
    }

    @Test(arguments: [
        "93.184.216.34", "8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
        "169.253.1.1", "192.169.0.1", "11.0.0.1", "2606:4700:4700::1111", "2001:4860:4860::8888",
        "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:0808:0808::1",
    ])
    func allowsPublicAddresses(_ ip: String) {
        let policy = AddressPolicy()
        #expect(policy.allows(ip: ip))
        #expect(policy.refusalReason(ip: ip) == nil)
    }

    @Test(arguments: [
        "", "localhost", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.-4", "01234.1.1.1", "1::2::3", "1:2:3:4:5:6:7:8:9",
        "12345::1", "g::1", ":::", "1.2.3.4:80", "::ffff:1.2.3", String(repeating: "1", count: 10_000), "١٢٧.0.0.1",
    ])
    func refusesTextThatIsNotAnAddress(_ text: String) {
        let policy = AddressPolicy()
        #expect(!policy.allows(ip: text))
        #expect(policy.refusalReason(ip: text)?.hasSuffix("is not an IP address") == true)
        #expect(AddressPolicy.unrestricted.allows(ip: text))
    }

    @Test func declaredAddressesAreAllowedInAnySpelling() {
        let policy = AddressPolicy(allowedAddresses: ["127.0.0.1", "0:0:0:0:0:0:0:1", "10.0.0.5", "not-an-ip"])
        #expect(policy.allows(ip: "127.0.0.1"))
        #expect(policy.allows(ip: "::1"))
        #expect(policy.allows(ip: "::ffff:127.0.0.1"))
        #expect(policy.allows(ip: "10.0.0.5"))
        #expect(!policy.allows(ip: "127.0.0.2"))
        #expect(!policy.allows(ip: "10.0.0.6"))
        #expect(policy.allows(ip: "8.8.8.8"))
        #expect(policy.refusalReason(ip: "127.0.0.2") == "loopback address 127.0.0.2 is not a declared target")
    }

    @Test func allowedAddressesCanBeChangedAfterCreation() {
        var policy = AddressPolicy()
        #expect(!policy.allows(ip: "192.168.0.10"))
        policy.allowedAddresses.insert("192.168.0.10")
        #expect(policy.allows(ip: "192.168.0.10"))
        #expect(policy == AddressPolicy(allowedAddresses: ["192.168.0.10"]))
    }

    @Test func allowPrivateAllowsEverything() {
        for policy in [AddressPolicy(allowPrivate: true), AddressPolicy.unrestricted] {
            for ip in ["127.0.0.1", "::1", "10.0.0.1", "169.254.169.254", "8.8.8.8"] {
                #expect(policy.allows(ip: ip))
                #expect(policy.refusalReason(ip: ip) == nil)
            }
        }
    }
}

@Suite struct DeclaredTargetPolicyTests {
    @Test func declaredIPsAndHostNamesAreAllowedAndNothingElse() throws {
        let policy = AddressPolicy.declaredTargets(
            [
                URL(string: "https://127.0.0.1:8443/")!, URL(string: "https://Intranet.Corp.example/")!,
                URL(string: "http://[::1]:80/")!,
            ]
        )
        #expect(policy.allows(ip: "127.0.0.1"))
        #expect(policy.allows(ip: "::1"))
        #expect(!policy.allows(ip: "10.1.2.3"), "a private address that no declared target names")
        #expect(!policy.allows(ip: "169.254.169.254"))
        let intranet = policy.forRequest(to: URL(string: "https://intranet.corp.example/login")!)
        #expect(intranet.allows(ip: "10.1.2.3"), "a declared host name may resolve to a private address")
        let other = policy.forRequest(to: URL(string: "https://evil.example/")!)
        #expect(!other.allows(ip: "10.1.2.3"), "an undeclared name resolving inside is refused (DNS rebinding)")
    }
}
