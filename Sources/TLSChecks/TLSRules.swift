public import PortcullisCore

/// The rule ids the TLS host probe emits; their titles, severities and references live in `Rules/tls.yaml`.
public enum TLSRules {
    static let sslv2: RuleID = "tls.protocol.sslv2"
    static let sslv3: RuleID = "tls.protocol.sslv3"
    static let tls10: RuleID = "tls.protocol.tls10"
    static let tls11: RuleID = "tls.protocol.tls11"
    static let tls12Missing: RuleID = "tls.protocol.tls12-missing"
    static let tls13Missing: RuleID = "tls.protocol.tls13-missing"
    static let null: RuleID = "tls.cipher.null"
    static let anonymous: RuleID = "tls.cipher.anonymous"
    static let export: RuleID = "tls.cipher.export"
    static let rc4: RuleID = "tls.cipher.rc4"
    static let des: RuleID = "tls.cipher.des"
    static let tripleDES: RuleID = "tls.cipher.3des"
    static let obsolete: RuleID = "tls.cipher.obsolete"
    static let noForwardSecrecy: RuleID = "tls.cipher.no-forward-secrecy"
    static let cbc: RuleID = "tls.cipher.cbc"
    static let clientPreference: RuleID = "tls.cipher.client-preference"
    static let weakPreferred: RuleID = "tls.cipher.weak-preferred"
    static let weakDH: RuleID = "tls.kex.weak-dh"
    static let insecureRenegotiation: RuleID = "tls.reneg.insecure"
    static let clientRenegotiation: RuleID = "tls.reneg.client-initiated"
    static let fallbackSCSVMissing: RuleID = "tls.fallback-scsv.missing"
    static let compression: RuleID = "tls.compression.enabled"
    static let extendedMasterSecretMissing: RuleID = "tls.ems.missing"
    static let earlyData: RuleID = "tls.early-data.accepted"
    static let ocspNotStapled: RuleID = "tls.ocsp.not-stapled"
    static let h2Missing: RuleID = "tls.alpn.h2-missing"
    static let profileProtocol: RuleID = "tls.profile.protocol"
    static let profileCipher: RuleID = "tls.profile.cipher"
    static let profileGroup: RuleID = "tls.profile.group"
    static let profileCertificate: RuleID = "tls.profile.certificate"
    static let profileDHSize: RuleID = "tls.profile.dh-size"
    static let hstsMissing: RuleID = "tls.hsts.missing"
    static let hstsShort: RuleID = "tls.hsts.short-max-age"
    static let httpNotRedirected: RuleID = "tls.http-not-redirected"

    /// Certificate rule ids by the certificate problem kind (`CertificateProblem.Kind` raw values) they report.
    static let certificateRules: [String: RuleID] = [
        "expired": "tls.cert.expired",
        "notYetValid": "tls.cert.not-yet-valid",
        "expiresSoon": "tls.cert.expires-soon",
        "hostnameMismatch": "tls.cert.hostname-mismatch",
        "selfSigned": "tls.cert.self-signed",
        "untrusted": "tls.cert.untrusted",
        "missingIntermediate": "tls.cert.missing-intermediate",
        "chainOrder": "tls.cert.chain-order",
        "weakRSAKey": "tls.cert.weak-key",
        "weakECKey": "tls.cert.weak-key",
        "weakSignature": "tls.cert.weak-signature",
        "leafIsCA": "tls.cert.leaf-is-ca",
        "intermediateNotCA": "tls.cert.intermediate-not-ca",
        "keyUsage": "tls.cert.key-usage",
        "extendedKeyUsage": "tls.cert.key-usage",
        "mustStapleWithoutStaple": "tls.cert.must-staple-unstapled",
        "noSCT": "tls.cert.no-sct",
        "malformed": "tls.cert.malformed",
        "emptyChain": "tls.cert.malformed",
        "chainTooLong": "tls.cert.chain-too-long",
    ]

    /// Every rule the TLS host probe can emit, for the rule engine's catalog check.
    public static let all: Set<RuleID> = Set(certificateRules.values).union([
        sslv2, sslv3, tls10, tls11, tls12Missing, tls13Missing, null, anonymous, export, rc4, des, tripleDES,
        obsolete, noForwardSecrecy, cbc, clientPreference, weakPreferred, weakDH, insecureRenegotiation,
        clientRenegotiation, fallbackSCSVMissing, compression, extendedMasterSecretMissing, earlyData,
        ocspNotStapled, h2Missing, profileProtocol, profileCipher, profileGroup, profileCertificate, profileDHSize,
        hstsMissing, hstsShort, httpNotRedirected,
    ])
}
