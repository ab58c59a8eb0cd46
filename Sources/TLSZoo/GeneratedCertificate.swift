public import Foundation

/// A throwaway certificate and key written to a temporary folder by `/usr/bin/openssl`, for loopback servers.
public struct GeneratedCertificate: Sendable {
    /// The folder holding `cert.pem`, `key.pem` and `cert.der`.
    public let directory: URL
    /// The PEM certificate (or chain) file a server loads.
    public var certificatePath: String { directory.appendingPathComponent("cert.pem").path }
    /// The PEM private key file.
    public var keyPath: String { directory.appendingPathComponent("key.pem").path }
    /// The leaf certificate's DER bytes, as a TLS ≤ 1.2 server sends them.
    public let der: [UInt8]

    /// Creates a value for files that already exist in `directory`.
    public init(directory: URL, der: [UInt8]) {
        self.directory = directory
        self.der = der
    }

    /// A self-signed P-256 certificate for `localhost`, valid for one day.
    public static func make() throws -> GeneratedCertificate {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("portcullis-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let cert = directory.appendingPathComponent("cert.pem").path
        try OpenSSLTool.run([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=localhost",
            "-days", "1", "-keyout", directory.appendingPathComponent("key.pem").path, "-out", cert,
        ])
        let derPath = directory.appendingPathComponent("cert.der").path
        try OpenSSLTool.run(["x509", "-in", cert, "-outform", "DER", "-out", derPath])
        return GeneratedCertificate(
            directory: directory,
            der: Array(try Data(contentsOf: URL(fileURLWithPath: derPath)))
        )
    }
}
