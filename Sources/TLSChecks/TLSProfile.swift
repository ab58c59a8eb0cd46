public import Foundation
public import PortcullisCore
public import TLSProbe

/// A Mozilla server-side TLS profile resolved to wire values, so a host's facts can be compared directly.
public struct TLSProfile: Sendable, Hashable {
    /// The definition as written in the catalog.
    public let definition: TLSProfileDefinition
    /// Allowed protocol versions.
    public let protocols: Set<TLSVersion>
    /// Allowed suite code points (TLS 1.3 and earlier together).
    public let suites: Set<UInt16>
    /// Allowed group code points.
    public let groups: Set<UInt16>

    /// The profile name, e.g. `intermediate`.
    public var name: String { definition.name }

    /// Resolves `definition`'s names against the suite registry; an unknown name is a catalog error.
    public init(_ definition: TLSProfileDefinition, registry: CipherSuiteRegistry) throws(PortcullisError) {
        self.definition = definition
        var protocols: Set<TLSVersion> = []
        for name in definition.protocols {
            guard let version = TLSVersion(name: name) else {
                throw PortcullisError(.invalidProfile, "TLS profile '\(definition.name)': unknown protocol '\(name)'")
            }
            protocols.insert(version)
        }
        let byName = Dictionary(registry.suites.map { ($0.ianaName, $0.code) }, uniquingKeysWith: { first, _ in first })
        var suites: Set<UInt16> = []
        for name in definition.tls13Suites + definition.suites {
            guard let code = byName[name] else {
                throw PortcullisError(.invalidProfile, "TLS profile '\(definition.name)': unknown suite '\(name)'")
            }
            suites.insert(code)
        }
        var groups: Set<UInt16> = []
        for name in definition.groups {
            guard let code = GroupNames.code(name) else {
                throw PortcullisError(.invalidProfile, "TLS profile '\(definition.name)': unknown group '\(name)'")
            }
            groups.insert(code)
        }
        self.protocols = protocols
        self.suites = suites
        self.groups = groups
    }

    /// Loads and resolves every profile of a rules directory, by name.
    public static func loadAll(
        rulesDirectory: URL,
        registry: CipherSuiteRegistry
    ) throws(PortcullisError)
        -> [String: TLSProfile]
    {
        let definitions = try TLSProfileDefinition.load(file: TLSProfileDefinition.file(in: rulesDirectory))
        var profiles: [String: TLSProfile] = [:]
        for (name, definition) in definitions { profiles[name] = try TLSProfile(definition, registry: registry) }
        return profiles
    }
}

/// Names of key exchange groups as OpenSSL and Mozilla's guidelines spell them, and the IANA code points.
public enum GroupNames {
    private static let codes: [String: UInt16] = [
        "x25519": 0x001D, "x448": 0x001E, "prime256v1": 0x0017, "secp256r1": 0x0017, "p-256": 0x0017,
        "secp384r1": 0x0018, "p-384": 0x0018, "secp521r1": 0x0019, "p-521": 0x0019, "ffdhe2048": 0x0100,
        "ffdhe3072": 0x0101, "ffdhe4096": 0x0102, "ffdhe6144": 0x0103, "ffdhe8192": 0x0104,
        "x25519mlkem768": 0x11EC, "secp256r1mlkem768": 0x11EB, "secp384r1mlkem1024": 0x11ED,
    ]
    private static let names: [UInt16: String] = [
        0x001D: "x25519", 0x001E: "x448", 0x0017: "prime256v1", 0x0018: "secp384r1", 0x0019: "secp521r1",
        0x0100: "ffdhe2048", 0x0101: "ffdhe3072", 0x0102: "ffdhe4096", 0x0103: "ffdhe6144", 0x0104: "ffdhe8192",
        0x11EC: "X25519MLKEM768", 0x11EB: "SecP256r1MLKEM768", 0x11ED: "SecP384r1MLKEM1024",
        0x6399: "X25519Kyber768Draft00",
    ]

    /// Whether `code` is a post-quantum hybrid group (ML-KEM with an ECDHE share): stronger than every group
    /// the profiles list, which predate them, so never a deviation.
    public static func isPostQuantumHybrid(_ code: UInt16) -> Bool {
        (0x11EB...0x11ED).contains(code) || code == 0x6399
    }

    /// The code point of a group name (case-insensitive), nil if unknown.
    public static func code(_ name: String) -> UInt16? { codes[name.lowercased()] }

    /// The usual name of a group code point, or its hex value.
    public static func name(_ code: UInt16) -> String {
        names[code] ?? "0x" + String(code, radix: 16, uppercase: true)
    }
}
