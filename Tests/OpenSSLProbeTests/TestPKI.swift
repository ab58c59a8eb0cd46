import Foundation
import TLSZoo

/// A throwaway test CA with leaves it issued (made once per test run by `/usr/bin/openssl`): a valid `localhost`
/// leaf with a real OCSP response for it, and an expired leaf for another name.
struct TestPKI: Sendable {
    /// The folder holding everything.
    let directory: URL
    /// The CA certificate (PEM), passed as `caFile`.
    var caFile: String { directory.appendingPathComponent("ca.pem").path }
    /// A leaf for `DNS:localhost`, valid now, issued by the CA.
    let leaf: GeneratedCertificate
    /// A leaf for `DNS:expired.example` that expired in 2020.
    let expired: GeneratedCertificate
    /// A DER OCSP response saying `leaf` is good, for `s_server -status_file`.
    var ocspResponse: String { directory.appendingPathComponent("resp.der").path }

    /// The PKI of this test run.
    static let shared: Result<TestPKI, any Error> = Result { try TestPKI.make() }

    private static func make() throws -> TestPKI {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("portcullis-openssl-probe-\(UUID().uuidString)")
        for folder in ["newcerts", "leaf", "expired"] {
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent(folder),
                withIntermediateDirectories: true
            )
        }
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        try Data().write(to: URL(fileURLWithPath: path("index.txt")))
        try Data("01\n".utf8).write(to: URL(fileURLWithPath: path("serial")))
        try Data(configuration(directory: directory).utf8).write(to: URL(fileURLWithPath: path("ca.cnf")))
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
        try OpenSSLTool.run(
            ["req", "-x509"] + ec + [
                "-subj", "/CN=Portcullis Test CA", "-days", "2", "-keyout", path("ca.key"), "-out", path("ca.pem"),
            ]
        )
        let signing = ["ca", "-batch", "-config", path("ca.cnf"), "-cert", path("ca.pem"), "-keyfile", path("ca.key")]
        try OpenSSLTool.run(
            ["req", "-new"] + ec + [
                "-subj", "/CN=localhost", "-keyout", path("leaf/key.pem"), "-out", path("leaf.csr"),
            ]
        )
        try OpenSSLTool.run(
            signing + [
                "-in", path("leaf.csr"), "-out", path("leaf/cert.pem"), "-days", "2", "-extensions", "leaf", "-notext",
            ]
        )
        try OpenSSLTool.run(
            ["req", "-new"] + ec + [
                "-subj", "/CN=expired.example", "-keyout", path("expired/key.pem"), "-out", path("expired.csr"),
            ]
        )
        try OpenSSLTool.run(
            signing + [
                "-in", path("expired.csr"), "-out", path("expired/cert.pem"), "-startdate", "20200101000000Z",
                "-enddate", "20200201000000Z", "-extensions", "expired", "-notext",
            ]
        )
        try OpenSSLTool.run([
            "ocsp", "-index", path("index.txt"), "-rsigner", path("ca.pem"), "-rkey", path("ca.key"), "-CA",
            path("ca.pem"), "-issuer", path("ca.pem"), "-cert", path("leaf/cert.pem"), "-respout", path("resp.der"),
            "-ndays", "7",
        ])
        return TestPKI(
            directory: directory,
            leaf: try certificate(in: directory.appendingPathComponent("leaf")),
            expired: try certificate(in: directory.appendingPathComponent("expired"))
        )
    }

    /// The `GeneratedCertificate` for a folder holding `cert.pem` and `key.pem`.
    private static func certificate(in folder: URL) throws -> GeneratedCertificate {
        let der = folder.appendingPathComponent("cert.der").path
        try OpenSSLTool.run([
            "x509", "-in", folder.appendingPathComponent("cert.pem").path, "-outform", "DER", "-out", der,
        ])
        return GeneratedCertificate(directory: folder, der: Array(try Data(contentsOf: URL(fileURLWithPath: der))))
    }

    /// A minimal `openssl ca` configuration: any subject, the two leaf profiles.
    private static func configuration(directory: URL) -> String {
        """
        [ ca ]
        default_ca = test
        [ test ]
        database = \(directory.appendingPathComponent("index.txt").path)
        new_certs_dir = \(directory.appendingPathComponent("newcerts").path)
        serial = \(directory.appendingPathComponent("serial").path)
        default_md = sha256
        policy = any
        unique_subject = no
        [ any ]
        commonName = supplied
        [ leaf ]
        subjectAltName = DNS:localhost
        basicConstraints = CA:FALSE
        extendedKeyUsage = serverAuth
        [ expired ]
        subjectAltName = DNS:expired.example
        basicConstraints = CA:FALSE

        """
    }
}
