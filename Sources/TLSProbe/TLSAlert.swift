/// An alert record's content (RFC 8446 §6): level and description, with IANA names.
public struct TLSAlert: Sendable, Hashable, CustomStringConvertible {
    /// 1 = warning, 2 = fatal.
    public var level: UInt8
    /// The AlertDescription code.
    public var descriptionCode: UInt8

    /// Creates an alert.
    public init(level: UInt8, description: UInt8) {
        self.level = level
        self.descriptionCode = description
    }

    /// Parses the two bytes of an alert fragment; anything but exactly two bytes throws.
    public static func parse(_ fragment: [UInt8]) throws(TLSParseError) -> TLSAlert {
        guard fragment.count >= 2 else { throw TLSParseError(.truncated, "Alert", offset: fragment.count) }
        guard fragment.count == 2 else { throw TLSParseError(.trailingBytes, "Alert", offset: 2) }
        return TLSAlert(level: fragment[0], description: fragment[1])
    }

    /// handshake_failure (40): no common suite, group or signature scheme.
    public static let handshakeFailure: UInt8 = 40
    /// protocol_version (70): the offered version is not supported.
    public static let protocolVersion: UInt8 = 70
    /// inappropriate_fallback (86, RFC 7507): the server honoured TLS_FALLBACK_SCSV.
    public static let inappropriateFallback: UInt8 = 86

    /// Whether the level is fatal (2).
    public var isFatal: Bool { level == 2 }

    /// "warning", "fatal" or the number.
    public var levelName: String {
        switch level {
        case 1: "warning"
        case 2: "fatal"
        default: "level(\(level))"
        }
    }

    /// The IANA name of the description, e.g. `handshake_failure`, or `unknown(N)`.
    public var descriptionName: String { Self.names[descriptionCode] ?? "unknown(\(descriptionCode))" }

    /// "fatal handshake_failure (40)".
    public var description: String { "\(levelName) \(descriptionName) (\(descriptionCode))" }

    private static let names: [UInt8: String] = [
        0: "close_notify", 10: "unexpected_message", 20: "bad_record_mac", 21: "decryption_failed",
        22: "record_overflow", 30: "decompression_failure", 40: "handshake_failure", 41: "no_certificate",
        42: "bad_certificate", 43: "unsupported_certificate", 44: "certificate_revoked", 45: "certificate_expired",
        46: "certificate_unknown", 47: "illegal_parameter", 48: "unknown_ca", 49: "access_denied", 50: "decode_error",
        51: "decrypt_error", 60: "export_restriction", 70: "protocol_version", 71: "insufficient_security",
        80: "internal_error", 86: "inappropriate_fallback", 90: "user_canceled", 100: "no_renegotiation",
        109: "missing_extension", 110: "unsupported_extension", 111: "certificate_unobtainable",
        112: "unrecognized_name", 113: "bad_certificate_status_response", 114: "bad_certificate_hash_value",
        115: "unknown_psk_identity", 116: "certificate_required", 120: "no_application_protocol",
    ]
}
