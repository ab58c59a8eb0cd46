public import Foundation

/// The zoo's PKI, generated once per process by `/usr/bin/openssl` into a temporary folder: a root CA (P-256, the
/// trust anchor a scanner is given with `--ca-file`), an intermediate CA (RSA-2048, so a SHA-1 signature of it is the
/// classic `sha1WithRSAEncryption`), one leaf per `Leaf` case, a 1024-bit DH parameter file and a stapled OCSP
/// response for the must-staple leaf.
public struct ZooCertificates: Sendable {
    /// The leaf certificates of the zoo; each is valid for `localhost` and `127.0.0.1` unless its name says otherwise.
    public enum Leaf: String, CaseIterable, Codable, Sendable {
        /// P-256 leaf issued by the intermediate, valid for 30 days.
        case good
        /// RSA-2048 leaf issued by the intermediate, for servers that need RSA key exchange or RSA authentication.
        case goodRSA = "good-rsa"
        /// P-256 leaf issued by the intermediate, valid from 2020-01-01 to 2020-02-01.
        case expired
        /// P-256 leaf issued by the intermediate for `wrong.example` only.
        case wrongHost = "wrong-host"
        /// P-256 self-signed leaf for `localhost`.
        case selfSigned = "self-signed"
        /// RSA-1024 leaf issued by the intermediate with a SHA-1 signature.
        case weakRSA = "rsa1024-sha1"
        /// P-256 leaf with the TLS feature `status_request` (OCSP must-staple), issued by the intermediate.
        case mustStaple = "must-staple"

        /// Whether an intermediate CA issued this leaf (so a server must send the intermediate for a full chain).
        public var isIssuedByIntermediate: Bool { self != .selfSigned }
    }

    /// The folder everything is written to.
    public let directory: URL

    /// Creates a value for a folder that `make()` already filled.
    public init(directory: URL) { self.directory = directory }

    /// The root CA certificate (PEM): the extra trust anchor of the zoo.
    public var rootPath: String { file("root.pem") }
    /// The intermediate CA certificate (PEM), which a server sends after the leaf.
    public var intermediatePath: String { file("intermediate.pem") }
    /// The intermediate CA's private key (PEM), e.g. to sign an OCSP response.
    public var intermediateKeyPath: String { file("intermediate.key") }
    /// A 1024-bit finite-field DH parameter file for `s_server -dhparam`.
    public var weakDHParametersPath: String { file("dh1024.pem") }
    /// A DER OCSP response ("good", valid 7 days) for the must-staple leaf, for `s_server -status_file`.
    public var ocspResponsePath: String { file("must-staple-ocsp.der") }

    /// The leaf's certificate (`cert.pem`, the leaf only), key and DER bytes.
    public func certificate(_ leaf: Leaf) throws -> GeneratedCertificate {
        let folder = directory.appendingPathComponent(leaf.rawValue)
        let der = try Data(contentsOf: folder.appendingPathComponent("cert.der"))
        return GeneratedCertificate(directory: folder, der: Array(der))
    }

    /// The leaf followed by the intermediate (PEM), as a server with a complete chain sends it.
    public func servedChainPath(_ leaf: Leaf) -> String {
        directory.appendingPathComponent(leaf.rawValue).appendingPathComponent("chain.pem").path
    }

    /// The zoo PKI of this process, generated on first use (about 0.5 s) and reused afterwards.
    public static func shared() throws -> ZooCertificates { try cached.get() }

    /// Generates a fresh zoo PKI in a new temporary folder.
    public static func make() throws -> ZooCertificates {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("portcullis-tls-zoo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try ZooCertificateFactory(directory: directory).generate()
        return ZooCertificates(directory: directory)
    }

    private static let cached: Result<ZooCertificates, any Error> = Result { try make() }

    private func file(_ name: String) -> String { directory.appendingPathComponent(name).path }
}
