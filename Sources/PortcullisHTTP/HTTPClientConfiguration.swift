public import PortcullisCore

/// How an ``HTTPClient`` fetches: caps, trust anchors, identity and protocol choice.
public struct HTTPClientConfiguration: Sendable, Hashable {
    /// Timeouts, the body cap, the redirect limit and the concurrency limits applied to every fetch.
    public var limits: FetchLimits
    /// A PEM file of extra trust anchors, for targets on a private PKI.
    ///
    /// The file is **added to** the system trust store, not substituted for it: libcurl gets it as
    /// `CURLOPT_CAINFO` while the system certificate directory stays in use as `CURLOPT_CAPATH`, so
    /// public sites still verify when a private CA is configured.
    public var caFile: String?
    /// The `User-Agent` sent with every request, so operators can recognise the scanner in their logs.
    public var userAgent: String
    /// Whether to offer HTTP/2 over TLS (ALPN); plain HTTP always uses HTTP/1.1.
    public var http2: Bool
    /// Which peer addresses may be connected to (the SSRF guard). Checked on every connection, new or reused,
    /// against the address actually connected to (after DNS, so rebinding does not get past it); a refused
    /// fetch throws ``HTTPError`` with code `address-refused` before any request is sent.
    public var addressPolicy: AddressPolicy = .unrestricted

    /// The default user agent.
    public static let defaultUserAgent = "Portcullis/0.1 (+security scanner)"

    /// Creates a configuration; every parameter has a sensible default.
    public init(
        limits: FetchLimits = FetchLimits(),
        caFile: String? = nil,
        userAgent: String = HTTPClientConfiguration.defaultUserAgent,
        http2: Bool = true,
        addressPolicy: AddressPolicy = .unrestricted
    ) {
        self.limits = limits
        self.caFile = caFile
        self.userAgent = userAgent
        self.http2 = http2
        self.addressPolicy = addressPolicy
    }
}
