public import Foundation

/// One row of the TLS sweep table and the `tls` section of the JSON report: what the host probe found on an
/// origin, compact enough to compare a fleet at a glance, with the detail an auditor asks for next.
public struct TLSHostSummary: Sendable, Hashable, Codable {
    /// `host:port` probed.
    public var host: String
    /// The IP address connected to.
    public var address: String
    /// Protocol versions the server negotiates, oldest first (`TLSv1.2`, `TLSv1.3`).
    public var protocols: [String]
    /// Accepted suites per protocol (IANA names), in the server's preference order when it has one.
    public var suites: [String: [String]]
    /// Whether the server imposes its own suite order, per protocol.
    public var serverPreference: [String: Bool]
    /// The weakest accepted suite, by our ranking (NULL/anon/export < RC4/DES < 3DES < static RSA < CBC < AEAD).
    public var weakestSuite: String?
    /// Key exchange groups accepted.
    public var groups: [String]
    /// The smallest DHE prime, in bits.
    public var dhPrimeBits: Int?
    /// Features: ALPN, renegotiation, fallback SCSV, compression, tickets, resumption, stapling, EMS, 0-RTT …,
    /// as `name: value` (`yes`, `no`, or a value), only those that were determined.
    public var features: [String: String]
    /// The leaf certificate subject.
    public var certificateSubject: String?
    /// The leaf certificate's notAfter.
    public var certificateExpiry: Date?
    /// Days until the leaf certificate expires (negative when expired).
    public var certificateDaysLeft: Int?
    /// Whether the chain leads to a trusted anchor (system store plus --ca-file).
    public var certificateTrusted: Bool?
    /// The Mozilla profile judged against, such as `intermediate`.
    public var profile: String
    /// `compliant`, or how many deviations were found.
    public var profileVerdict: String
    /// The letter grade (A+ … F).
    public var grade: String
    /// Connections made to the host.
    public var handshakes: Int
    /// Wall time of the probe, in seconds.
    public var seconds: Double
    /// Probe notes: timeouts, garbage answers, failed sub-probes.
    public var notes: [String]

    /// Creates a summary row.
    public init(
        host: String,
        address: String,
        protocols: [String],
        suites: [String: [String]],
        serverPreference: [String: Bool],
        weakestSuite: String?,
        groups: [String],
        dhPrimeBits: Int?,
        features: [String: String],
        certificateSubject: String?,
        certificateExpiry: Date?,
        certificateDaysLeft: Int?,
        certificateTrusted: Bool?,
        profile: String,
        profileVerdict: String,
        grade: String,
        handshakes: Int,
        seconds: Double,
        notes: [String]
    ) {
        self.host = host
        self.address = address
        self.protocols = protocols
        self.suites = suites
        self.serverPreference = serverPreference
        self.weakestSuite = weakestSuite
        self.groups = groups
        self.dhPrimeBits = dhPrimeBits
        self.features = features
        self.certificateSubject = certificateSubject
        self.certificateExpiry = certificateExpiry
        self.certificateDaysLeft = certificateDaysLeft
        self.certificateTrusted = certificateTrusted
        self.profile = profile
        self.profileVerdict = profileVerdict
        self.grade = grade
        self.handshakes = handshakes
        self.seconds = seconds
        self.notes = notes
    }
}
