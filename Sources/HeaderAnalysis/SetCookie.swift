/// One `Set-Cookie` field line parsed by the RFC 6265bis §5.6 algorithm (one line per cookie — never split a
/// combined value on commas, RFC 9110 §5.3). Attribute names are case-insensitive; the last occurrence of an
/// attribute wins; `Domain` loses a leading dot and is lowercased; a `Path` not starting with `/` is ignored.
public struct SetCookie: Sendable, Hashable {
    /// `SameSite` as written.
    public enum SameSite: Sendable, Hashable {
        /// `Strict`, `Lax` or `None` (ASCII case-insensitive).
        case strict, lax, none
        /// A value other than Strict/Lax/None (including empty); browsers treat it as absent.
        case invalid(String)
    }

    /// The cookie name.
    public var name: String
    /// The cookie value.
    public var value: String
    /// The `Domain` attribute (no leading dot, lowercased), when present and non-empty.
    public var domain: String?
    /// The `Path` attribute, when present and starting with `/`.
    public var path: String?
    /// Whether `Secure` is present.
    public var secure: Bool
    /// Whether `HttpOnly` is present.
    public var httpOnly: Bool
    /// The last `SameSite` attribute, nil when absent.
    public var sameSite: SameSite?
    /// Whether `Expires` or `Max-Age` is present (a persistent cookie).
    public var persistent: Bool
    /// Whether `Partitioned` is present.
    public var partitioned: Bool

    /// Parses one `Set-Cookie` value; nil when the algorithm ignores it (control characters, empty name and
    /// value, name plus value over 4096 bytes).
    public init?(_ line: String) {
        let bytes = Array(line.utf8)
        let isForbidden: (UInt8) -> Bool = { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }
        guard !bytes.contains(where: isForbidden) else { return nil }
        let firstSemicolon = bytes.firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
        let pair = bytes[..<firstSemicolon]
        if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
            name = FieldValues.trimmed(pair[..<equals])
            value = FieldValues.trimmed(pair[(equals + 1)...])
        } else {
            name = ""
            value = FieldValues.trimmed(pair)
        }
        guard !(name.isEmpty && value.isEmpty), name.utf8.count + value.utf8.count <= 4096 else { return nil }
        domain = nil
        path = nil
        secure = false
        httpOnly = false
        sameSite = nil
        persistent = false
        partitioned = false
        guard firstSemicolon < bytes.count else { return }
        for attribute in bytes[(firstSemicolon + 1)...].split(
            separator: UInt8(ascii: ";"),
            omittingEmptySubsequences: false
        ) {
            let attributeName: String
            let attributeValue: String
            if let equals = attribute.firstIndex(of: UInt8(ascii: "=")) {
                attributeName = FieldValues.trimmed(attribute[..<equals]).lowercased()
                attributeValue = FieldValues.trimmed(attribute[(equals + 1)...])
            } else {
                attributeName = FieldValues.trimmed(attribute).lowercased()
                attributeValue = ""
            }
            guard attributeValue.utf8.count <= 1024 else { continue }
            apply(attributeName, attributeValue)
        }
    }

    private mutating func apply(_ attribute: String, _ text: String) {
        switch attribute {
        case "expires", "max-age": persistent = true
        case "domain":
            var trimmed = Substring(text)
            if trimmed.hasPrefix(".") { trimmed = trimmed.dropFirst() }
            domain = trimmed.isEmpty ? nil : trimmed.lowercased()
        case "path": path = text.hasPrefix("/") ? text : nil
        case "secure": secure = true
        case "httponly": httpOnly = true
        case "partitioned": partitioned = true
        case "samesite":
            switch text.lowercased() {
            case "strict": sameSite = .strict
            case "lax": sameSite = .lax
            case "none": sameSite = SameSite.none
            default: sameSite = .invalid(text)
            }
        default: break
        }
    }

    /// Whether the name looks like a session identifier or login/auth token, by substring of the lowercased
    /// name: `sess` (session, jsessionid, phpsessid, asp.net_sessionid), `login`, `auth`, `token`, `jwt`,
    /// `remember`, or `sid` as a whole name part (`sid`, `connect.sid`, `_sid`, `sid_x`).
    public var isSessionLike: Bool {
        let lower = name.lowercased()
        if ["sess", "login", "auth", "token", "jwt", "remember"].contains(where: lower.contains) { return true }
        let parts = lower.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        return parts.contains { $0 == "sid" || $0.hasSuffix("sid") && $0.count <= 6 }
    }
}
