public import Foundation
import Yams

/// One server-side TLS profile as the catalog file states it (Mozilla's guidelines: modern, intermediate, old),
/// in the file's own names; `TLSChecks` resolves the names to code points and judges a host against it.
public struct TLSProfileDefinition: Sendable, Hashable, Codable {
    /// The profile's name, such as `intermediate`.
    public var name: String
    /// The guidelines version the file was transcribed from, such as `5.7`.
    public var version: String
    /// Allowed protocol versions, such as `TLSv1.2`.
    public var protocols: [String]
    /// Allowed TLS 1.3 suites (IANA names).
    public var tls13Suites: [String]
    /// Allowed TLS ≤ 1.2 suites (IANA names).
    public var suites: [String]
    /// Allowed key exchange groups (OpenSSL curve names: `x25519`, `prime256v1`, …).
    public var groups: [String]
    /// Allowed certificate key types (`rsa`, `ecdsa`).
    public var certificateTypes: [String]
    /// Allowed certificate curves; nil when the profile allows no EC certificate list restriction.
    public var certificateCurves: [String]?
    /// Allowed certificate signature algorithms (OpenSSL names such as `ecdsa-with-SHA256`).
    public var certificateSignatures: [String]
    /// Minimum RSA key size, nil when RSA certificates are not allowed.
    public var rsaKeySize: Int?
    /// Minimum finite-field DH prime size, nil when DHE is not allowed.
    public var dhParameterSize: Int?
    /// Minimum HSTS max-age in seconds.
    public var hstsMinimumAge: Int
    /// Longest allowed certificate lifetime in days.
    public var maximumCertificateLifespan: Int

    /// Creates a definition; the loader is the usual way.
    public init(
        name: String,
        version: String,
        protocols: [String],
        tls13Suites: [String],
        suites: [String],
        groups: [String],
        certificateTypes: [String],
        certificateCurves: [String]?,
        certificateSignatures: [String],
        rsaKeySize: Int?,
        dhParameterSize: Int?,
        hstsMinimumAge: Int,
        maximumCertificateLifespan: Int
    ) {
        self.name = name
        self.version = version
        self.protocols = protocols
        self.tls13Suites = tls13Suites
        self.suites = suites
        self.groups = groups
        self.certificateTypes = certificateTypes
        self.certificateCurves = certificateCurves
        self.certificateSignatures = certificateSignatures
        self.rsaKeySize = rsaKeySize
        self.dhParameterSize = dhParameterSize
        self.hstsMinimumAge = hstsMinimumAge
        self.maximumCertificateLifespan = maximumCertificateLifespan
    }

    /// The profile used when a plan names none: Mozilla's recommended "intermediate".
    public static let defaultName = "intermediate"

    /// Where the profiles live inside a rules directory.
    public static func file(in rulesDirectory: URL) -> URL {
        rulesDirectory.appendingPathComponent("tls-profiles/mozilla.yaml")
    }

    /// Reads every profile from `file`; a malformed file is an error naming the file and line.
    public static func load(file: URL) throws(PortcullisError) -> [String: TLSProfileDefinition] {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw PortcullisError(.io, "cannot read: \(error.localizedDescription)", file: file.path)
        }
        return try parse(text, file: file.path)
    }

    /// Parses profile text (see `Rules/tls-profiles/mozilla.yaml`).
    public static func parse(_ text: String, file: String) throws(PortcullisError) -> [String: TLSProfileDefinition] {
        guard let root = try YAMLDocument.parse(text, file: file, code: .invalidProfile) else {
            throw PortcullisError(.invalidProfile, "empty TLS profile file", file: file)
        }
        let top = try YAMLMapping(root, file: file, what: "the TLS profile file", code: .invalidProfile)
        try top.rejectUnknownKeys(["version", "profiles"], in: "the TLS profile file")
        let version = try top.requiredString("version")
        guard let profilesNode = top.node("profiles") else { throw top.error("missing required key 'profiles'") }
        let profiles = try YAMLMapping(profilesNode, file: file, what: "'profiles'", code: .invalidProfile)
        var result: [String: TLSProfileDefinition] = [:]
        for (name, node) in profiles.pairs {
            result[name] = try parseProfile(name: name, version: version, node: node, file: file)
        }
        guard !result.isEmpty else { throw profiles.error("'profiles' lists no profile") }
        return result
    }

    private static let keys: Set<String> = [
        "protocols", "ciphersuites", "ciphers", "groups", "certificate_types", "certificate_curves",
        "certificate_signatures", "rsa_key_size", "dh_param_size", "hsts_min_age", "maximum_certificate_lifespan",
    ]

    private static func parseProfile(
        name: String,
        version: String,
        node: Node,
        file: String
    ) throws(PortcullisError) -> TLSProfileDefinition {
        let map = try YAMLMapping(node, file: file, what: "profile '\(name)'", code: .invalidProfile)
        try map.rejectUnknownKeys(keys, in: "profile '\(name)'")
        func integer(_ key: String, required: Bool) throws(PortcullisError) -> Int? {
            guard let value = map.node(key), value.scalar?.string != "null" else {
                if required { throw map.error("profile '\(name)': missing '\(key)'") }
                return nil
            }
            guard let number = value.int else { throw map.error("'\(key)' must be a whole number", at: value) }
            return number
        }
        let curves: [String]? =
            map.node("certificate_curves")?.scalar?.string == "null"
            ? nil : try map.stringList("certificate_curves")
        return TLSProfileDefinition(
            name: name,
            version: version,
            protocols: try map.stringList("protocols"),
            tls13Suites: try map.stringList("ciphersuites"),
            suites: try map.stringList("ciphers"),
            groups: try map.stringList("groups"),
            certificateTypes: try map.stringList("certificate_types"),
            certificateCurves: curves,
            certificateSignatures: try map.stringList("certificate_signatures"),
            rsaKeySize: try integer("rsa_key_size", required: false),
            dhParameterSize: try integer("dh_param_size", required: false),
            hstsMinimumAge: try integer("hsts_min_age", required: true) ?? 0,
            maximumCertificateLifespan: try integer("maximum_certificate_lifespan", required: true) ?? 0
        )
    }
}
