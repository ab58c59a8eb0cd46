/// One configuration of the TLS test zoo: an `openssl s_server` with a zoo certificate, its options and the
/// properties a complete TLS scanner must report for it (keys from `ZooProperty`, values `"yes"`/`"no"`).
public struct TLSZooServer: Sendable, Codable, Hashable {
    /// A short unique name (`modern`, `expired`, …), used in reports and to pick servers.
    public let name: String
    /// What the configuration is for, in a sentence.
    public let summary: String
    /// The leaf certificate the server presents.
    public let leaf: ZooCertificates.Leaf
    /// Whether the server sends the intermediate CA after the leaf (`-cert_chain`).
    public let sendsIntermediate: Bool
    /// Whether the server staples the zoo's OCSP response (`-status_file`; only meaningful for `.mustStaple`).
    public let staplesOCSP: Bool
    /// `s_server` options besides the certificate, key, chain and OCSP file (protocols, suites, features).
    public let options: [String]
    /// The expected properties: `ZooProperty` raw values to `"yes"`/`"no"`; only the meaningful ones are listed.
    public let expected: [String: String]

    /// Creates a zoo server description; `expected` is keyed by `ZooProperty`.
    public init(
        name: String,
        summary: String,
        leaf: ZooCertificates.Leaf = .good,
        sendsIntermediate: Bool = true,
        staplesOCSP: Bool = false,
        options: [String],
        expected: [ZooProperty: Bool]
    ) {
        self.name = name
        self.summary = summary
        self.leaf = leaf
        self.sendsIntermediate = sendsIntermediate
        self.staplesOCSP = staplesOCSP
        self.options = options
        self.expected = Dictionary(uniqueKeysWithValues: expected.map { ($0.key.rawValue, $0.value ? "yes" : "no") })
    }

    /// The `s_server` arguments after `-cert … -key …` (which `OpenSSLServer` adds): chain, OCSP file, options.
    public func arguments(certificates: ZooCertificates) -> [String] {
        var arguments =
            sendsIntermediate && leaf.isIssuedByIntermediate
            ? ["-cert_chain", certificates.intermediatePath] : []
        if staplesOCSP { arguments += ["-status_file", certificates.ocspResponsePath] }
        return arguments + options.map { $0 == Self.weakDHPlaceholder ? certificates.weakDHParametersPath : $0 }
    }

    /// Stands in `options` for the path of the zoo's 1024-bit DH parameter file.
    static let weakDHPlaceholder = "$WEAK_DH_PARAMETERS"
}
