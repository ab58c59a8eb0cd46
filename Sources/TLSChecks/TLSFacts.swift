public import Foundation
public import TLSProbe

/// Everything the TLS host probe learned about one origin, in the shape the rules judge: which protocols and
/// suites the server accepts, its key exchange, extensions, certificate problems and HSTS.
///
/// `nil` always means "not determined" (probe failed or not applicable), never "no": a rule only fires on what
/// was actually seen.
public struct TLSFacts: Sendable, Hashable {
    /// The origin probed, `https://host:port/`; findings are located here.
    public var url: URL
    /// Protocol versions with a definite answer: true = the server negotiates it.
    public var protocols: [TLSVersion: Bool] = [:]
    /// Accepted suites per protocol, in the server's preference order when it has one.
    public var suites: [TLSVersion: [UInt16]] = [:]
    /// Whether the server imposes its own suite order, per protocol.
    public var serverPreference: [TLSVersion: Bool] = [:]
    /// Key exchange groups accepted (TLS 1.3 key shares and TLS ≤ 1.2 ECDHE curves).
    public var groups: [UInt16] = []
    /// The smallest finite-field DHE prime, in bits.
    public var dhPrimeBits: Int?
    /// ALPN protocols the server selects.
    public var alpn: [String]?
    /// RFC 5746 secure renegotiation in TLS ≤ 1.2.
    public var secureRenegotiation: Bool?
    /// Whether a client-initiated renegotiation completed.
    public var clientRenegotiation: Bool?
    /// Whether the server refuses a downgraded hello carrying TLS_FALLBACK_SCSV.
    public var fallbackProtected: Bool?
    /// Whether the server chose DEFLATE compression.
    public var compression: Bool?
    /// Whether the server acknowledged extended_master_secret in TLS 1.2.
    public var extendedMasterSecret: Bool?
    /// Whether TLS 1.3 early data was accepted.
    public var earlyDataAccepted: Bool?
    /// Whether the server staples an OCSP response.
    public var ocspStapled: Bool?
    /// Whether the certificate is publicly trusted (a system anchor, not only `--ca-file`): OCSP stapling is
    /// expected of public certificates only, since private CAs often run no OCSP responder.
    public var publicPKI = false
    /// What the certificate analysis found, nil when no chain was obtained.
    public var certificate: CertificateFacts?
    /// The HSTS header of the origin's root response, when fetched.
    public var hsts: HSTSFact?
    /// For a plain-HTTP entry: whether it redirects to HTTPS on the same host.
    public var httpRedirectsToHTTPS: Bool?

    /// Creates facts for `url` with nothing determined yet.
    public init(url: URL) { self.url = url }

    /// The protocols the server negotiates, oldest first.
    public var supportedProtocols: [TLSVersion] { protocols.filter(\.value).keys.sorted() }

    /// Every accepted suite code, over all protocols, without repeats.
    public var allSuites: Set<UInt16> { Set(suites.values.joined()) }
}

/// The certificate facts rules need: problems found and the leaf's properties for profile checks.
public struct CertificateFacts: Sendable, Hashable {
    /// One problem, as the certificate analysis names it.
    public struct Issue: Sendable, Hashable {
        /// The problem kind (`CertificateProblem.Kind` raw value, such as `expired`).
        public var kind: String
        /// The position in the chain as sent, when the problem is about one certificate.
        public var index: Int?
        /// What exactly is wrong, for people.
        public var detail: String

        /// Creates an issue.
        public init(kind: String, index: Int?, detail: String) {
            self.kind = kind
            self.index = index
            self.detail = detail
        }
    }

    /// Problems found in the chain.
    public var issues: [Issue]
    /// The leaf key type: `RSA`, `EC`, `Ed25519`, …
    public var keyType: String
    /// The leaf key size in bits.
    public var keyBits: Int
    /// The leaf's EC curve, when an EC key.
    public var curve: String?
    /// The leaf's signature algorithm name.
    public var signatureAlgorithm: String
    /// notAfter − notBefore of the leaf, in days.
    public var lifetimeDays: Int
    /// The leaf subject, for evidence.
    public var subject: String

    /// Creates certificate facts.
    public init(
        issues: [Issue],
        keyType: String,
        keyBits: Int,
        curve: String?,
        signatureAlgorithm: String,
        lifetimeDays: Int,
        subject: String
    ) {
        self.issues = issues
        self.keyType = keyType
        self.keyBits = keyBits
        self.curve = curve
        self.signatureAlgorithm = signatureAlgorithm
        self.lifetimeDays = lifetimeDays
        self.subject = subject
    }
}

/// The Strict-Transport-Security header of an origin's root response.
public enum HSTSFact: Sendable, Hashable {
    /// No valid header.
    case missing
    /// A valid header with this max-age in seconds.
    case maxAge(Int)
}
