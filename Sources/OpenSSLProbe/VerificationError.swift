/// One certificate verification error OpenSSL reported during the handshake (`X509_V_ERR_*`).
public struct VerificationError: Sendable, Hashable, Codable {
    /// Position in the chain OpenSSL built: 0 is the leaf.
    public var depth: Int
    /// The `X509_V_ERR_*` code, for example 10 (expired), 18 (self-signed leaf), 62 (hostname mismatch).
    public var code: Int
    /// OpenSSL's text for the code (`X509_verify_cert_error_string`).
    public var reason: String

    /// Creates an error record.
    public init(depth: Int, code: Int, reason: String) {
        self.depth = depth
        self.code = code
        self.reason = reason
    }
}
