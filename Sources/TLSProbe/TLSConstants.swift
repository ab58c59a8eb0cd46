/// Extension type code points (IANA "TLS ExtensionType Values") the prober sends or reads.
public enum TLSExtensionType {
    /// server_name, RFC 6066 §3.
    public static let serverName: UInt16 = 0
    /// status_request (OCSP stapling), RFC 6066 §8.
    public static let statusRequest: UInt16 = 5
    /// supported_groups, RFC 8422 §5.1.1 / RFC 8446 §4.2.7.
    public static let supportedGroups: UInt16 = 10
    /// ec_point_formats, RFC 8422 §5.1.2.
    public static let ecPointFormats: UInt16 = 11
    /// signature_algorithms, RFC 8446 §4.2.3.
    public static let signatureAlgorithms: UInt16 = 13
    /// application_layer_protocol_negotiation, RFC 7301.
    public static let alpn: UInt16 = 16
    /// signed_certificate_timestamp, RFC 6962 §3.3.1.
    public static let signedCertificateTimestamp: UInt16 = 18
    /// encrypt_then_mac, RFC 7366.
    public static let encryptThenMAC: UInt16 = 22
    /// extended_master_secret, RFC 7627.
    public static let extendedMasterSecret: UInt16 = 23
    /// session_ticket, RFC 5077.
    public static let sessionTicket: UInt16 = 35
    /// early_data, RFC 8446 §4.2.10.
    public static let earlyData: UInt16 = 42
    /// supported_versions, RFC 8446 §4.2.1.
    public static let supportedVersions: UInt16 = 43
    /// psk_key_exchange_modes, RFC 8446 §4.2.9.
    public static let pskKeyExchangeModes: UInt16 = 45
    /// key_share, RFC 8446 §4.2.8.
    public static let keyShare: UInt16 = 51
    /// renegotiation_info, RFC 5746 §3.2.
    public static let renegotiationInfo: UInt16 = 0xFF01
}

/// Named group code points (IANA "TLS Supported Groups") for supported_groups and key_share.
public enum NamedGroup {
    /// secp256r1 (NIST P-256).
    public static let secp256r1: UInt16 = 0x0017
    /// secp384r1 (NIST P-384).
    public static let secp384r1: UInt16 = 0x0018
    /// secp521r1 (NIST P-521).
    public static let secp521r1: UInt16 = 0x0019
    /// x25519, RFC 7748.
    public static let x25519: UInt16 = 0x001D
    /// x448, RFC 7748.
    public static let x448: UInt16 = 0x001E
    /// ffdhe2048, RFC 7919.
    public static let ffdhe2048: UInt16 = 0x0100
    /// ffdhe3072, RFC 7919.
    public static let ffdhe3072: UInt16 = 0x0101
    /// ffdhe4096, RFC 7919.
    public static let ffdhe4096: UInt16 = 0x0102
    /// The broad default offer: every common ECDHE curve and the RFC 7919 finite-field groups.
    public static let defaultOffer: [UInt16] = [
        x25519, secp256r1, secp384r1, secp521r1, x448, ffdhe2048, ffdhe3072,
        ffdhe4096,
    ]
}

/// Signature scheme code points (IANA "TLS SignatureScheme") for signature_algorithms.
public enum SignatureScheme {
    /// A broad offer covering ECDSA, RSA-PSS, EdDSA, RSA PKCS#1 and the legacy SHA-1 schemes, so that servers with old
    /// certificates still answer.
    public static let defaultOffer: [UInt16] = [
        0x0403, 0x0503, 0x0603,  // ecdsa_secp256r1_sha256, secp384r1_sha384, secp521r1_sha512
        0x0807, 0x0808,  // ed25519, ed448
        0x0804, 0x0805, 0x0806,  // rsa_pss_rsae_sha256/384/512
        0x0809, 0x080A, 0x080B,  // rsa_pss_pss_sha256/384/512
        0x0401, 0x0501, 0x0601,  // rsa_pkcs1_sha256/384/512
        0x0303, 0x0301, 0x0302,  // sha224 variants
        0x0203, 0x0201, 0x0202,  // ecdsa_sha1, rsa_pkcs1_sha1, dsa_sha1
    ]
}

/// Special cipher-suite values that are signals rather than suites.
public enum SignalingCipherSuite {
    /// TLS_EMPTY_RENEGOTIATION_INFO_SCSV, RFC 5746 §3.3.
    public static let emptyRenegotiationInfo: UInt16 = 0x00FF
    /// TLS_FALLBACK_SCSV, RFC 7507 §2.
    public static let fallback: UInt16 = 0x5600
}
