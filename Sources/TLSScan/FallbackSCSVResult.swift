/// How the server treats `TLS_FALLBACK_SCSV` (RFC 7507) in a hello below its best version.
public enum FallbackSCSVResult: String, Sendable, Codable, Hashable {
    /// It refused with `inappropriate_fallback`: downgrade attacks are blocked.
    case rejectsDowngrade
    /// It completed the downgraded handshake: downgrade protection is missing.
    case acceptsDowngrade
    /// Fewer than two protocol versions are supported, so there is nothing to fall back to.
    case notApplicable
    /// The server answered neither way (other alert, garbage, timeout).
    case inconclusive
}
