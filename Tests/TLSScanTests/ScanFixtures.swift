import Foundation
import TLSProbe
import TLSScan
import TLSZoo
import TestSupport

/// Shared set-up of the enumerator tests: the registry, certificates and `openssl s_server` runs.
enum ScanFixtures {
    static let registry: CipherSuiteRegistry = {
        do {
            return try CipherSuiteRegistry.load(file: TestPaths.rules.appendingPathComponent("tls-cipher-suites.tsv"))
        } catch {
            fatalError("cannot load the cipher suite registry: \(error)")
        }
    }()

    /// Generous limits: loopback answers in milliseconds, but CI may be loaded.
    static let limits = ProbeLimits(connectTimeout: .seconds(10), handshakeTimeout: .seconds(10))

    /// A P-256 certificate, made once for the suite.
    static let ecdsaCertificate: Result<GeneratedCertificate, any Error> = Result { try GeneratedCertificate.make() }

    /// An RSA-2048 certificate for `localhost`, made once, for RSA key exchange and DHE/ECDHE-RSA suites.
    static let rsaCertificate: Result<GeneratedCertificate, any Error> = Result {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("portcullis-tlsscan-rsa-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let cert = directory.appendingPathComponent("cert.pem").path
        let der = directory.appendingPathComponent("cert.der").path
        try OpenSSLTool.run([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "1",
            "-keyout", directory.appendingPathComponent("key.pem").path, "-out", cert,
        ])
        try OpenSSLTool.run(["x509", "-in", cert, "-outform", "DER", "-out", der])
        return GeneratedCertificate(directory: directory, der: Array(try Data(contentsOf: URL(fileURLWithPath: der))))
    }

    /// RFC 2409 §6.2 (Oakley group 2): a well-known 1024-bit safe prime, so no slow parameter generation.
    static let oakley2Prime =
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3"
        + "CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5"
        + "AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF"

    /// A PEM `DH PARAMETERS` file for the Oakley group 2 prime and generator 2, written once.
    static let dhParameters: Result<String, any Error> = Result {
        let prime = stride(from: 0, to: oakley2Prime.count, by: 2).map { offset -> UInt8 in
            let start = oakley2Prime.index(oakley2Prime.startIndex, offsetBy: offset)
            return UInt8(oakley2Prime[start..<oakley2Prime.index(start, offsetBy: 2)], radix: 16) ?? 0
        }
        // DHParameter ::= SEQUENCE { prime INTEGER, base INTEGER }
        let der: [UInt8] = [0x30, 0x81, 0x87, 0x02, 0x81, 0x81, 0x00] + prime + [0x02, 0x01, 0x02]
        let base64 = Data(der).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("portcullis-dh1024-\(UUID()).pem")
        try "-----BEGIN DH PARAMETERS-----\n\(base64)\n-----END DH PARAMETERS-----\n".write(
            to: path,
            atomically: true,
            encoding: .utf8
        )
        return path.path
    }

    /// Starts `openssl s_server arguments…`, enumerates it as `localhost` on 127.0.0.1, stops it, and prints the
    /// handshake count and wall time (information only).
    static func enumerate(
        _ arguments: [String],
        certificate: Result<GeneratedCertificate, any Error> = ecdsaCertificate,
        label: String
    ) async throws -> TLSEnumeration {
        let server = try OpenSSLServer(certificate: try certificate.get(), arguments: arguments)
        defer { server.stop() }
        let enumerator = RawTLSEnumerator(limits: limits, registry: registry)
        let start = ContinuousClock.now
        let result = await enumerator.enumerate(
            ProbeTarget(serverName: "localhost", address: "127.0.0.1", port: server.port)
        )
        let elapsed = ContinuousClock.now - start
        let milliseconds = elapsed.formatted(.units(allowed: [.milliseconds]))
        print("[TLSScan] \(label): \(result.handshakes) handshakes in \(milliseconds)")
        if !result.notes.isEmpty { print("[TLSScan] \(label) notes: \(result.notes)") }
        return result
    }

    /// Names of the supported versions.
    static func supported(_ result: TLSEnumeration) -> [String] { result.protocols.filter(\.supported).map(\.name) }

    /// Accepted suites of `version` as a set.
    static func suites(_ result: TLSEnumeration, _ version: TLSVersion) -> Set<UInt16> {
        Set(result.suites(for: version.rawValue)?.suites ?? [])
    }
}
