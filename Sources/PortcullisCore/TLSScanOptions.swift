/// How the TLS host probe runs in a scan: which Mozilla profile it judges by and the certificate expiry window.
public struct TLSScanOptions: Sendable, Hashable {
    /// The Mozilla profile name (`modern`, `intermediate`, `old`).
    public var profile: String
    /// Days before expiry from which a certificate is reported as expiring soon.
    public var expiryWarningDays: Int
    /// Whether origins are probed at all (off for `file://` scans and when TLS is not selected).
    public var enabled: Bool
    /// The Mozilla profiles a scan can judge by (`Rules/tls-profiles/mozilla.yaml`).
    public static let profileNames = ["modern", "intermediate", "old"]
    /// Most connections open to one host at once (default 4: five already broke a single-threaded server).
    public var connectionsPerHost: Int

    /// Creates options; the defaults are Mozilla intermediate, 30 days and 4 connections per host.
    public init(
        profile: String = "intermediate",
        expiryWarningDays: Int = 30,
        enabled: Bool = true,
        connectionsPerHost: Int = 4
    ) {
        self.profile = profile
        self.expiryWarningDays = expiryWarningDays
        self.enabled = enabled
        self.connectionsPerHost = connectionsPerHost
    }
}
