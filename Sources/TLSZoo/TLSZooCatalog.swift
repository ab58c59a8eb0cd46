extension TLSZooServer {
    /// Every zoo configuration, in a stable order; names are unique.
    public static let all: [TLSZooServer] = [
        modern, intermediateGood, tls12AEADOnly, tls12CBCRSAKeyExchange, legacyTLS10And11, nullAndAnonymous,
        weakDH1024, clientRenegotiationAllowed, earlyData, noTickets, expired, wrongHost, selfSigned,
        missingIntermediate, rsa1024SHA1, mustStapleStapled, mustStapleUnstapled, clientPreference, alpnH2,
    ]

    /// The zoo configuration called `name`, if any.
    public static func named(_ name: String) -> TLSZooServer? { all.first { $0.name == name } }

    // MARK: Building blocks of the expectations

    private static let www = ["-www"]
    private static let ecdsaAEAD =
        "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256"
    /// TLS 1.2 and 1.3 only (explicit, so the expectation never depends on the build's default security level).
    private static let modernProtocols = ["-no_tls1", "-no_tls1_1"]

    private static func protocols(
        tls10: Bool = false,
        tls11: Bool = false,
        tls12: Bool,
        tls13: Bool
    ) -> [ZooProperty: Bool] {
        [.sslv2: false, .sslv3: false, .tls10: tls10, .tls11: tls11, .tls12: tls12, .tls13: tls13]
    }

    private static func suites(
        null: Bool = false,
        anonymous: Bool = false,
        cbc: Bool = false,
        noForwardSecrecy: Bool = false
    ) -> [ZooProperty: Bool] {
        [
            .nullSuites: null, .anonymousSuites: anonymous, .exportSuites: false, .rc4Suites: false,
            .tripleDESSuites: false, .cbcSuites: cbc, .noForwardSecrecy: noForwardSecrecy,
        ]
    }

    private static func certificate(
        trusted: Bool? = true,
        expired: Bool = false,
        hostnameMismatch: Bool = false,
        selfSigned: Bool = false,
        missingIntermediate: Bool = false,
        weak: Bool = false
    ) -> [ZooProperty: Bool] {
        var properties: [ZooProperty: Bool] = [
            .certificateExpired: expired, .hostnameMismatch: hostnameMismatch, .selfSigned: selfSigned,
            .missingIntermediate: missingIntermediate, .weakKey: weak, .weakSignature: weak,
        ]
        if let trusted { properties[.certificateTrusted] = trusted }
        return properties
    }

    private static func merge(_ parts: [ZooProperty: Bool]...) -> [ZooProperty: Bool] {
        parts.reduce(into: [:]) { $0.merge($1) { _, new in new } }
    }

    // MARK: Protocol and suite configurations

    static let modern = TLSZooServer(
        name: "modern",
        summary: "TLS 1.3 only (Mozilla modern)",
        options: www + ["-tls1_3"],
        expected: merge(
            protocols(tls12: false, tls13: true),
            suites(),
            certificate(),
            [.compression: false, .earlyData: false, .ocspStapled: false, .mustStapleUnstapled: false]
        )
    )

    static let intermediateGood = TLSZooServer(
        name: "intermediate-good",
        summary: "TLS 1.2 and 1.3, ECDHE with AEAD only, server preference, tickets (Mozilla intermediate)",
        options: www + modernProtocols + ["-cipher", ecdsaAEAD, "-serverpref"],
        expected: merge(
            protocols(tls12: true, tls13: true),
            suites(),
            certificate(),
            [
                .serverPreference: true, .ocspStapled: false, .mustStapleUnstapled: false,
                .secureRenegotiation: true, .clientInitiatedRenegotiation: false, .fallbackSCSV: true,
                .compression: false, .earlyData: false, .sessionTicket: true, .sessionIDResumption: true,
                .alpnH2: false,
            ]
        )
    )

    static let tls12AEADOnly = TLSZooServer(
        name: "tls12-aead-only",
        summary: "TLS 1.2 only with ECDHE AEAD suites, server preference",
        options: www + ["-tls1_2", "-cipher", ecdsaAEAD, "-serverpref"],
        expected: merge(
            protocols(tls12: true, tls13: false),
            suites(),
            [.serverPreference: true, .secureRenegotiation: true, .compression: false]
        )
    )

    static let tls12CBCRSAKeyExchange = TLSZooServer(
        name: "tls12-cbc-sha1-rsa-kx",
        summary: "TLS 1.2 only with CBC/SHA-1 suites, two of them with static RSA key exchange",
        leaf: .goodRSA,
        options: www + ["-tls1_2", "-cipher", "AES128-SHA:AES256-SHA:ECDHE-RSA-AES128-SHA", "-serverpref"],
        expected: merge(
            protocols(tls12: true, tls13: false),
            suites(cbc: true, noForwardSecrecy: true),
            certificate(),
            [.serverPreference: true]
        )
    )

    static let legacyTLS10And11 = TLSZooServer(
        name: "legacy-tls10-11",
        summary: "TLS 1.0 to 1.3 with OpenSSL's default suites at security level 0 (Mozilla old)",
        leaf: .goodRSA,
        options: www + ["-cipher", "DEFAULT:@SECLEVEL=0"],
        expected: merge(
            protocols(tls10: true, tls11: true, tls12: true, tls13: true),
            suites(cbc: true, noForwardSecrecy: true),
            [.serverPreference: false, .fallbackSCSV: true, .secureRenegotiation: true]
        )
    )

    static let nullAndAnonymous = TLSZooServer(
        name: "null-and-anon",
        summary: "TLS 1.2 with NULL-encryption and anonymous suites (plus one normal suite so every scanner connects)",
        options: www + ["-tls1_2", "-cipher", "aNULL:eNULL:ECDHE-ECDSA-AES128-GCM-SHA256:@SECLEVEL=0"],
        expected: merge(
            protocols(tls12: true, tls13: false),
            suites(null: true, anonymous: true, cbc: true)
        )
    )

    static let weakDH1024 = TLSZooServer(
        name: "weak-dh-1024",
        summary: "TLS 1.2 with DHE suites over a 1024-bit prime",
        leaf: .goodRSA,
        options: www + [
            "-tls1_2", "-cipher", "DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:@SECLEVEL=0",
            "-dhparam", weakDHPlaceholder,
        ],
        expected: merge(protocols(tls12: true, tls13: false), suites(), [.weakDH: true])
    )

    // MARK: Handshake feature configurations

    static let clientRenegotiationAllowed = TLSZooServer(
        name: "client-reneg-allowed",
        summary: "TLS 1.2 that accepts client-initiated renegotiation",
        options: www + ["-tls1_2", "-client_renegotiation"],
        expected: merge(
            protocols(tls12: true, tls13: false),
            [.secureRenegotiation: true, .clientInitiatedRenegotiation: true]
        )
    )

    static let earlyData = TLSZooServer(
        name: "early-data",
        summary: "TLS 1.3 that accepts 0-RTT early data (s_server cannot combine -early_data with -www)",
        options: ["-tls1_3", "-early_data"],
        expected: merge(protocols(tls12: false, tls13: true), [.earlyData: true])
    )

    static let noTickets = TLSZooServer(
        name: "no-tickets",
        summary: "TLS 1.2 without session tickets; session-ID resumption still works",
        options: www + ["-tls1_2", "-no_ticket"],
        expected: merge(
            protocols(tls12: true, tls13: false),
            [.sessionTicket: false, .sessionIDResumption: true]
        )
    )

    static let clientPreference = TLSZooServer(
        name: "client-preference",
        summary: "TLS 1.2 and 1.3 with AEAD suites that follows the client's suite order",
        options: www + modernProtocols + ["-cipher", ecdsaAEAD],
        expected: merge(protocols(tls12: true, tls13: true), suites(), [.serverPreference: false])
    )

    static let alpnH2 = TLSZooServer(
        name: "alpn-h2",
        summary: "TLS 1.2 and 1.3 that selects h2 by ALPN",
        options: www + modernProtocols + ["-alpn", "h2,http/1.1"],
        expected: merge(protocols(tls12: true, tls13: true), [.alpnH2: true])
    )

    // MARK: Certificate configurations

    static let expired = TLSZooServer(
        name: "expired",
        summary: "A leaf that expired in 2020, sent with its intermediate",
        leaf: .expired,
        options: www + modernProtocols,
        expected: merge(protocols(tls12: true, tls13: true), certificate(trusted: false, expired: true))
    )

    static let wrongHost = TLSZooServer(
        name: "wrong-host",
        summary: "A leaf for wrong.example only",
        leaf: .wrongHost,
        options: www + modernProtocols,
        expected: merge(protocols(tls12: true, tls13: true), certificate(trusted: false, hostnameMismatch: true))
    )

    static let selfSigned = TLSZooServer(
        name: "self-signed",
        summary: "A self-signed leaf for localhost",
        leaf: .selfSigned,
        options: www + modernProtocols,
        expected: merge(protocols(tls12: true, tls13: true), certificate(trusted: false, selfSigned: true))
    )

    static let missingIntermediate = TLSZooServer(
        name: "missing-intermediate",
        summary: "A good leaf sent without its intermediate CA",
        sendsIntermediate: false,
        options: www + modernProtocols,
        expected: merge(
            protocols(tls12: true, tls13: true),
            certificate(trusted: false, missingIntermediate: true)
        )
    )

    static let rsa1024SHA1 = TLSZooServer(
        name: "rsa1024-sha1",
        summary: "An RSA-1024 leaf signed with SHA-1 (trust left out: it depends on the verifier's policy)",
        leaf: .weakRSA,
        options: www + modernProtocols + ["-cipher", "DEFAULT:@SECLEVEL=0"],
        expected: merge(protocols(tls12: true, tls13: true), certificate(trusted: nil, weak: true))
    )

    static let mustStapleStapled = TLSZooServer(
        name: "must-staple-stapled",
        summary: "A must-staple leaf with a stapled OCSP response",
        leaf: .mustStaple,
        staplesOCSP: true,
        options: www + modernProtocols,
        expected: merge(
            protocols(tls12: true, tls13: true),
            certificate(),
            [.ocspStapled: true, .mustStapleUnstapled: false]
        )
    )

    static let mustStapleUnstapled = TLSZooServer(
        name: "must-staple-unstapled",
        summary: "A must-staple leaf without a stapled OCSP response",
        leaf: .mustStaple,
        options: www + modernProtocols,
        expected: merge(
            protocols(tls12: true, tls13: true),
            certificate(),
            [.ocspStapled: false, .mustStapleUnstapled: true]
        )
    )
}
