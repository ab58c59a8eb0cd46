/// Whether the server completes a renegotiation its client starts (TLS ≤ 1.2; CVE-2011-1473 style DoS surface).
public enum RenegotiationResult: String, Sendable, Codable {
    /// The server completed the client-initiated renegotiation.
    case accepted
    /// The server refused it (no_renegotiation alert, handshake failure, or closed the connection).
    case refused
    /// The server speaks only TLS 1.3, which has no renegotiation.
    case notApplicable
    /// The probe could not tell: the first handshake failed or the server never answered.
    case failed
}
