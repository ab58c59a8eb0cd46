/// One IANA cipher suite with the properties policy rules judge it by (one row of `Rules/tls-cipher-suites.tsv`).
public struct CipherSuite: Sendable, Hashable {
    /// Weakness and construction markers used by policy rules.
    public enum Flag: String, Sendable, Hashable, CaseIterable {
        /// No encryption (NULL cipher).
        case null = "NULL"
        /// No authentication (anonymous DH/ECDH).
        case anonymous = "ANON"
        /// Export-grade (40/56-bit) cryptography.
        case export = "EXPORT"
        /// RC4 stream cipher (RFC 7465 prohibits it).
        case rc4 = "RC4"
        /// Single DES.
        case des = "DES"
        /// Triple DES (Sweet32).
        case tripleDES = "3DES"
        /// RC2 cipher.
        case rc2 = "RC2"
        /// IDEA cipher.
        case idea = "IDEA"
        /// SEED cipher.
        case seed = "SEED"
        /// CAMELLIA cipher.
        case camellia = "CAMELLIA"
        /// ARIA cipher.
        case aria = "ARIA"
        /// GOST cipher suites.
        case gost = "GOST"
        /// CBC-mode block cipher (MAC-then-encrypt: Lucky13, POODLE-TLS exposure).
        case cbc = "CBC"
        /// AEAD construction (GCM, CCM, ChaCha20-Poly1305).
        case aead = "AEAD"
        /// CCM mode.
        case ccm = "CCM"
        /// Truncated 8-byte CCM tag.
        case ccm8 = "CCM8"
        /// MD5 MAC.
        case md5 = "MD5"
        /// SHA-1 MAC.
        case sha1 = "SHA1"
        /// Ephemeral key exchange (forward secrecy).
        case forwardSecrecy = "FS"
        /// Pre-shared key suites.
        case psk = "PSK"
        /// SRP suites.
        case srp = "SRP"
        /// Kerberos suites.
        case kerberos = "KRB5"
        /// Static (EC)DH key exchange.
        case staticDH = "STATIC_DH"
        /// A signalling value, not a real suite (SCSV).
        case signaling = "SCSV"
    }

    /// The two-byte code point.
    public var code: UInt16
    /// The IANA name, e.g. `TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256`.
    public var ianaName: String
    /// The OpenSSL name (e.g. `ECDHE-RSA-AES128-GCM-SHA256`), when OpenSSL has one.
    public var openSSLName: String?
    /// Key exchange: `RSA`, `DHE`, `ECDHE`, `DH`, `ECDH`, `PSK`, `any` (TLS 1.3), …
    public var keyExchange: String
    /// Authentication: `RSA`, `ECDSA`, `DSS`, `anon`, `PSK`, `any`, …
    public var authentication: String
    /// Bulk encryption with key size, e.g. `AES_128_GCM`, `NULL`.
    public var encryption: String
    /// MAC or PRF hash: `SHA`, `SHA256`, `SHA384`, `MD5`, `AEAD`, …
    public var mac: String
    /// Weakness and construction markers.
    public var flags: Set<Flag>
    /// Oldest protocol version the suite may be negotiated in.
    public var minimumVersion: TLSVersion
    /// Newest protocol version the suite may be negotiated in.
    public var maximumVersion: TLSVersion

    /// Creates a suite description.
    public init(
        code: UInt16,
        ianaName: String,
        openSSLName: String?,
        keyExchange: String,
        authentication: String,
        encryption: String,
        mac: String,
        flags: Set<Flag>,
        minimumVersion: TLSVersion,
        maximumVersion: TLSVersion
    ) {
        self.code = code
        self.ianaName = ianaName
        self.openSSLName = openSSLName
        self.keyExchange = keyExchange
        self.authentication = authentication
        self.encryption = encryption
        self.mac = mac
        self.flags = flags
        self.minimumVersion = minimumVersion
        self.maximumVersion = maximumVersion
    }

    /// Whether the suite can be negotiated in `version`.
    public func isUsable(in version: TLSVersion) -> Bool { minimumVersion <= version && version <= maximumVersion }
}
