import Foundation
import TLSZoo

/// A throwaway PKI made once per test run with `/usr/bin/openssl`: a root, intermediates and one leaf per case,
/// with exact validity windows (`openssl ca -startdate/-enddate`). Certificates are DER, as a server sends them.
struct TestPKI: Sendable {
    /// The end of generation (windows start a day earlier or later); tests analyse at this time.
    let now: Date
    let root: [UInt8]
    /// The root as PEM text, for trust-bundle loading.
    let rootPEM: String
    let intermediate: [UInt8]
    let rsaIntermediate: [UInt8]
    let otherRoot: [UInt8]
    let intermediateWithoutCA: [UInt8]
    /// Leaves by case name (see `make`).
    let leaves: [String: [UInt8]]

    /// Writes the root PEM to a temporary file for `body`, removing it afterwards.
    func withRootPEMFile<T>(_ body: (String) throws -> T) throws -> T {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("root-\(UUID().uuidString).pem").path
        try rootPEM.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try body(file)
    }

    /// The leaf for `name`; a missing name is a programming error in the suite.
    func leaf(_ name: String) -> [UInt8] { leaves[name] ?? [] }

    /// The PKI of this test run, generated on first use.
    static let shared: Result<TestPKI, OpenSSLTool.Failure> = {
        do {
            return .success(try make())
        } catch let failure as OpenSSLTool.Failure {
            return .failure(failure)
        } catch {
            return .failure(OpenSSLTool.Failure(description: "\(error)"))
        }
    }()

    static let leafSAN = "subjectAltName=DNS:localhost,DNS:*.example.test,IP:127.0.0.1"
    static let leafExtensions = [
        "basicConstraints=critical,CA:FALSE", "keyUsage=critical,digitalSignature", "extendedKeyUsage=serverAuth",
        leafSAN, "subjectKeyIdentifier=hash", "authorityKeyIdentifier=keyid",
    ]
    static let caExtensions = [
        "basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign,cRLSign", "subjectKeyIdentifier=hash",
        "authorityKeyIdentifier=keyid",
    ]
    /// An SCT list with two (dummy) SCTs, as the extension's DER value.
    static let sctExtension = "1.3.6.1.4.1.11129.2.4.2=DER:04:0c:00:0a:00:03:aa:bb:cc:00:03:dd:ee:ff"

    private static func make() throws -> TestPKI {
        let now = Date()
        let day: TimeInterval = 86_400
        let factory = try Factory()
        defer { try? FileManager.default.removeItem(at: factory.directory) }
        let rootKey = try factory.key("root", "ec", "P-256")
        let root = try factory.selfSigned("root", key: rootKey, subject: "/CN=Portcullis Test Root", caExtensions)
        let otherKey = try factory.key("other", "ec", "P-256")
        let other = try factory.selfSigned("other", key: otherKey, subject: "/CN=Unrelated Root", caExtensions)
        let intermediateKey = try factory.key("intermediate", "ec", "P-256")
        let window = (now - day, now + 365 * day)
        let intermediate = try factory.issue(
            "intermediate",
            key: intermediateKey,
            subject: "/CN=Portcullis Test Intermediate",
            by: root,
            window: window,
            caExtensions
        )
        let noCA = try factory.issue(
            "intermediate-no-ca",
            key: intermediateKey,
            subject: "/CN=Intermediate Without CA",
            by: root,
            window: window,
            ["keyUsage=critical,keyCertSign", "subjectKeyIdentifier=hash"]
        )
        let rsaIntermediateKey = try factory.key("rsa-intermediate", "rsa", "2048")
        let rsaIntermediate = try factory.issue(
            "rsa-intermediate",
            key: rsaIntermediateKey,
            subject: "/CN=Portcullis RSA Intermediate",
            by: root,
            window: window,
            caExtensions
        )
        let leafKey = try factory.key("leaf", "ec", "P-256")
        let rsaKey = try factory.key("rsa1024", "rsa", "1024")
        let p192Key = try factory.key("p192", "ec", "P-192")
        var leaves: [String: [UInt8]] = [:]
        func leaf(
            _ name: String,
            key: String? = nil,
            by issuer: Factory.Issued? = nil,
            window: (Date, Date)? = nil,
            digest: String = "sha256",
            _ extensions: [String] = leafExtensions
        ) throws {
            let issued = try factory.issue(
                name,
                key: key ?? leafKey,
                subject: "/CN=\(name).example.test",
                by: issuer ?? intermediate,
                window: window ?? (now - day, now + 90 * day),
                digest: digest,
                extensions
            )
            leaves[name] = issued.der
        }
        try leaf("good")
        try leaf("expired", window: (Self.date(2020, 1, 1), Self.date(2020, 2, 1)))
        try leaf("not-yet-valid", window: (now + 30 * day, now + 400 * day))
        try leaf("soon-10", window: (now - day, now + 10 * day + 3_600))
        try leaf("soon-40", window: (now - day, now + 40 * day + 3_600))
        try leaf("ecdsa-sha1", digest: "sha1")
        try leaf(
            "rsa1024-sha1",
            key: rsaKey,
            by: rsaIntermediate,
            digest: "sha1",
            leafExtensions.map {
                $0.hasPrefix("keyUsage") ? "keyUsage=critical,digitalSignature,keyEncipherment" : $0
            }
        )
        try leaf("md5", key: rsaKey, by: rsaIntermediate, digest: "md5")
        try leaf("p192", key: p192Key)
        try leaf("must-staple", leafExtensions + ["tlsfeature=status_request"])
        try leaf("with-sct", leafExtensions + [sctExtension])
        try leaf("leaf-ca", leafExtensions.map { $0.hasPrefix("basicConstraints") ? "basicConstraints=CA:TRUE" : $0 })
        try leaf(
            "client-eku",
            leafExtensions.map { $0.hasPrefix("extendedKeyUsage") ? "extendedKeyUsage=clientAuth" : $0 }
        )
        try leaf(
            "key-agreement-only",
            leafExtensions.map { $0.hasPrefix("keyUsage") ? "keyUsage=critical,keyAgreement" : $0 }
        )
        try leaf("no-san", leafExtensions.filter { !$0.hasPrefix("subjectAltName") })
        try leaf("under-no-ca", by: noCA, leafExtensions.filter { !$0.hasPrefix("authorityKeyIdentifier") })
        let selfSigned = try factory.selfSigned(
            "self-signed",
            key: leafKey,
            subject: "/CN=localhost",
            ["basicConstraints=critical,CA:FALSE", leafSAN, "subjectKeyIdentifier=hash"]
        )
        leaves["self-signed"] = selfSigned.der
        return TestPKI(
            now: Date(),
            root: root.der,
            rootPEM: try String(contentsOfFile: root.certificate, encoding: .utf8),
            intermediate: intermediate.der,
            rsaIntermediate: rsaIntermediate.der,
            otherRoot: other.der,
            intermediateWithoutCA: noCA.der,
            leaves: leaves
        )
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> Date {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    /// Thin wrapper over `openssl` in one temporary folder.
    struct Factory {
        struct Issued {
            var certificate: String
            var key: String
            var der: [UInt8]
        }

        let directory: URL
        private var config: String { directory.appendingPathComponent("openssl.cnf").path }

        init() throws {
            directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("portcullis-certs-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let config = """
                [ req ]
                distinguished_name = dn
                prompt = no
                [ dn ]
                CN = unused
                [ ca ]
                default_ca = test_ca
                [ test_ca ]
                database = \(directory.path)/index.txt
                new_certs_dir = \(directory.path)
                serial = \(directory.path)/serial
                default_md = sha256
                policy = any
                unique_subject = no
                email_in_dn = no
                [ any ]
                commonName = supplied

                """
            try config.write(toFile: path("openssl.cnf"), atomically: true, encoding: .utf8)
            try "".write(toFile: path("index.txt"), atomically: true, encoding: .utf8)
            try "1000\n".write(toFile: path("serial"), atomically: true, encoding: .utf8)
        }

        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

        /// Generates a key: `ec` with a curve name, or `rsa` with a bit count.
        func key(_ name: String, _ type: String, _ size: String) throws -> String {
            let file = path("\(name).key")
            let option = type == "ec" ? "ec_paramgen_curve:\(size)" : "rsa_keygen_bits:\(size)"
            try OpenSSLTool.run(["genpkey", "-algorithm", type.uppercased(), "-pkeyopt", option, "-out", file])
            return file
        }

        private func extensionFile(_ name: String, _ extensions: [String]) throws -> String {
            let file = path("\(name).ext")
            try (["[ ext ]"] + extensions).joined(separator: "\n").appending("\n")
                .write(toFile: file, atomically: true, encoding: .utf8)
            return file
        }

        func selfSigned(_ name: String, key: String, subject: String, _ extensions: [String]) throws -> Issued {
            let file = path("\(name).pem")
            let requestConfig = path("\(name).cnf")
            let text = try String(contentsOfFile: config, encoding: .utf8)
            try (text + (["[ ext ]"] + extensions).joined(separator: "\n") + "\n")
                .write(toFile: requestConfig, atomically: true, encoding: .utf8)
            try OpenSSLTool.run([
                "req", "-x509", "-new", "-config", requestConfig, "-key", key, "-subj", subject, "-days", "3650",
                "-extensions", "ext", "-out", file,
            ])
            return Issued(certificate: file, key: key, der: try Self.der(file))
        }

        func issue(
            _ name: String,
            key: String,
            subject: String,
            by issuer: Issued,
            window: (Date, Date),
            digest: String = "sha256",
            _ extensions: [String]
        ) throws -> Issued {
            let request = path("\(name).csr")
            try OpenSSLTool.run(["req", "-new", "-config", config, "-key", key, "-subj", subject, "-out", request])
            let file = path("\(name).pem")
            try OpenSSLTool.run([
                "ca", "-batch", "-config", config, "-cert", issuer.certificate, "-keyfile", issuer.key,
                "-in", request, "-out", file, "-notext", "-md", digest,
                "-startdate", Self.stamp(window.0), "-enddate", Self.stamp(window.1),
                "-extfile", try extensionFile(name, extensions), "-extensions", "ext",
            ])
            return Issued(certificate: file, key: key, der: try Self.der(file))
        }

        static func stamp(_ date: Date) -> String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyyMMddHHmmss'Z'"
            return formatter.string(from: date)
        }

        static func der(_ pemFile: String) throws -> [UInt8] {
            let text = try String(contentsOfFile: pemFile, encoding: .utf8)
            guard let start = text.range(of: "-----BEGIN CERTIFICATE-----"),
                let end = text.range(of: "-----END CERTIFICATE-----"),
                let data = Data(base64Encoded: text[start.upperBound..<end.lowerBound].filter { !$0.isWhitespace })
            else { throw OpenSSLTool.Failure(description: "\(pemFile) holds no certificate") }
            return Array(data)
        }
    }
}
