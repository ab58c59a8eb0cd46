import Foundation

/// Writes the zoo PKI (see `ZooCertificates`) into one folder with `/usr/bin/openssl`: the commands, config files and
/// their order, kept apart from the value type that only names the resulting files.
struct ZooCertificateFactory {
    let directory: URL

    private static let p256 = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"]
    private static let localhostNames = "DNS:localhost,IP:127.0.0.1"
    /// The serial of the must-staple leaf, fixed so the OCSP index can name it.
    private static let mustStapleSerial = "4D5354"

    /// Generates every file; throws `OpenSSLTool.Failure` naming the command that failed.
    func generate() throws {
        try write(Self.extensions, to: "extensions.cnf")
        try write(Self.caConfig(database: path("ca-db")), to: "ca.cnf")
        try FileManager.default.createDirectory(at: url("ca-db"), withIntermediateDirectories: true)
        try write("", to: "ca-db/index.txt")
        try write("1000\n", to: "ca-db/serial")
        try makeAuthorities()
        for leaf in ZooCertificates.Leaf.allCases { try makeLeaf(leaf) }
        try makeOCSPResponse()
        try write(Self.oakleyGroup2, to: "dh1024.pem")
    }

    private func makeAuthorities() throws {
        try OpenSSLTool.run(
            ["req", "-x509"] + Self.p256 + [
                "-nodes", "-subj", "/CN=Portcullis Zoo Root CA", "-days", "30", "-keyout", path("root.key"),
                "-out", path("root.pem"), "-addext", "basicConstraints=critical,CA:true",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ]
        )
        try OpenSSLTool.run([
            "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=Portcullis Zoo Intermediate CA",
            "-keyout", path("intermediate.key"), "-out", path("intermediate.csr"),
        ])
        try OpenSSLTool.run([
            "x509", "-req", "-in", path("intermediate.csr"), "-CA", path("root.pem"), "-CAkey", path("root.key"),
            "-CAcreateserial", "-days", "30", "-extfile", path("extensions.cnf"), "-extensions", "ca",
            "-out", path("intermediate.pem"),
        ])
    }

    private func makeLeaf(_ leaf: ZooCertificates.Leaf) throws {
        let folder = leaf.rawValue
        try FileManager.default.createDirectory(at: url(folder), withIntermediateDirectories: true)
        let cert = path("\(folder)/cert.pem")
        let key = path("\(folder)/key.pem")
        let request = path("\(folder)/request.csr")
        let newKey: [String]
        switch leaf {
        case .goodRSA: newKey = ["-newkey", "rsa:2048"]
        case .weakRSA: newKey = ["-newkey", "rsa:1024"]
        default: newKey = Self.p256
        }
        if leaf == .selfSigned {
            try OpenSSLTool.run(
                ["req", "-x509"] + newKey + [
                    "-nodes", "-subj", "/CN=localhost", "-days", "30", "-keyout", key, "-out", cert,
                    "-addext", "subjectAltName=\(Self.localhostNames)", "-addext", "basicConstraints=critical,CA:false",
                    "-addext", "extendedKeyUsage=serverAuth",
                ]
            )
        } else {
            let subject = leaf == .wrongHost ? "/CN=wrong.example" : "/CN=localhost"
            try OpenSSLTool.run(["req"] + newKey + ["-nodes", "-subj", subject, "-keyout", key, "-out", request])
            try sign(leaf, request: request, certificate: cert)
        }
        try OpenSSLTool.run(["x509", "-in", cert, "-outform", "DER", "-out", path("\(folder)/cert.der")])
        let leafPEM = try Data(contentsOf: url("\(folder)/cert.pem"))
        let chain = leaf.isIssuedByIntermediate ? leafPEM + (try Data(contentsOf: url("intermediate.pem"))) : leafPEM
        try chain.write(to: url("\(folder)/chain.pem"))
    }

    private func sign(_ leaf: ZooCertificates.Leaf, request: String, certificate: String) throws {
        let common = ["-extfile", path("extensions.cnf"), "-in", request, "-out", certificate]
        switch leaf {
        case .expired:
            // `x509 -req` in OpenSSL 3.0 cannot set dates in the past; `ca` can.
            try OpenSSLTool.run(
                [
                    "ca", "-batch", "-notext", "-config", path("ca.cnf"), "-cert", path("intermediate.pem"),
                    "-keyfile", path("intermediate.key"), "-startdate", "20200101000000Z",
                    "-enddate", "20200201000000Z", "-extensions", "leaf",
                ] + common
            )
        default:
            let section: String
            switch leaf {
            case .wrongHost: section = "wrong_host"
            case .mustStaple: section = "must_staple"
            default: section = "leaf"
            }
            let serial =
                leaf == .mustStaple ? ["-set_serial", "0x\(Self.mustStapleSerial)"] : ["-CAcreateserial"]
            try OpenSSLTool.run(
                [
                    "x509", "-req", leaf == .weakRSA ? "-sha1" : "-sha256", "-CA", path("intermediate.pem"),
                    "-CAkey", path("intermediate.key"), "-days", "30", "-extensions", section,
                ] + serial + common
            )
        }
    }

    private func makeOCSPResponse() throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyMMddHHmmss'Z'"
        let expiry = formatter.string(from: Date().addingTimeInterval(30 * 86_400))
        try write("V\t\(expiry)\t\t\(Self.mustStapleSerial)\tunknown\t/CN=localhost\n", to: "ocsp-index.txt")
        try OpenSSLTool.run([
            "ocsp", "-index", path("ocsp-index.txt"), "-rsigner", path("intermediate.pem"),
            "-rkey", path("intermediate.key"), "-CA", path("intermediate.pem"), "-issuer", path("intermediate.pem"),
            "-cert", path("must-staple/cert.pem"), "-respout", path("must-staple-ocsp.der"), "-ndays", "7",
            "-no_nonce",
        ])
    }

    private func url(_ name: String) -> URL { directory.appendingPathComponent(name) }
    private func path(_ name: String) -> String { url(name).path }
    private func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: url(name))
    }

    private static let extensions = """
        [ca]
        basicConstraints = critical,CA:true
        keyUsage = critical,keyCertSign,cRLSign
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid:always
        [leaf]
        basicConstraints = critical,CA:false
        keyUsage = critical,digitalSignature,keyEncipherment
        extendedKeyUsage = serverAuth
        subjectAltName = \(localhostNames)
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid
        [wrong_host]
        basicConstraints = critical,CA:false
        keyUsage = critical,digitalSignature,keyEncipherment
        extendedKeyUsage = serverAuth
        subjectAltName = DNS:wrong.example
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid
        [must_staple]
        basicConstraints = critical,CA:false
        keyUsage = critical,digitalSignature,keyEncipherment
        extendedKeyUsage = serverAuth
        subjectAltName = \(localhostNames)
        subjectKeyIdentifier = hash
        authorityKeyIdentifier = keyid
        tlsfeature = status_request
        authorityInfoAccess = OCSP;URI:http://127.0.0.1:9/ocsp

        """

    /// The 1024-bit MODP prime of RFC 2409 (Oakley group 2, generator 2): fixed, so nothing is generated, and the
    /// prime Logjam showed to be precomputable. (`dhparam -dsaparam` output is X9.42, which `s_server` rejects.)
    private static let oakleyGroup2 = """
        -----BEGIN DH PARAMETERS-----
        MIGHAoGBAP//////////yQ/aoiFowjTExmKLgNwc0SkCTgiKZ8x0Agu+pjsTmyJR
        Sgh5jjQE3e+VGbPNOkMbMCsKbfJfFDdP4TVtbVHCReSFtXZiXn7G9ExC6aY37WsL
        /1y29Aa37e44a/taiZ+lrp8kEXxLH+ZJKGZR7OZTgf//////////AgEC
        -----END DH PARAMETERS-----

        """

    /// A minimal `openssl ca` configuration, used only for the expired leaf.
    private static func caConfig(database: String) -> String {
        """
        [ca]
        default_ca = zoo
        [zoo]
        dir = \(database)
        database = $dir/index.txt
        serial = $dir/serial
        new_certs_dir = $dir
        default_md = sha256
        policy = anything
        unique_subject = no
        copy_extensions = none
        [anything]
        commonName = supplied

        """
    }
}
