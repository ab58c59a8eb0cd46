import Foundation

/// One `Set-Cookie` header read for its security attributes (RFC 6265bis): name, value and the flags that keep a
/// login-binding cookie away from scripts, plain http and cross-site requests.
struct BindingCookie: Sendable, Hashable {
    var name: String
    var value: String
    var secure = false
    var httpOnly = false
    /// The `SameSite` value lowercased, nil when absent.
    var sameSite: String?
    /// Whether the cookie is being deleted (`Max-Age=0` or less, or an empty value with an `Expires` attribute).
    var isDeletion = false

    /// The cookie in `header`, nil when it has no `name=` pair.
    init?(_ header: String) {
        let parts = header.split(separator: ";", omittingEmptySubsequences: false)
        guard let first = parts.first, let equals = first.firstIndex(of: "=") else { return nil }
        name = first[..<equals].trimmingCharacters(in: .whitespaces)
        value = first[first.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }
        var hasExpires = false
        for attribute in parts.dropFirst() {
            let pair = attribute.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let key = pair.first?.lowercased() else { continue }
            let argument = pair.count > 1 ? pair[1] : ""
            switch key {
            case "secure": secure = true
            case "httponly": httpOnly = true
            case "samesite": sameSite = argument.lowercased()
            case "max-age": if let age = Int(argument), age <= 0 { isDeletion = true }
            case "expires": hasExpires = true
            default: break
            }
        }
        if value.isEmpty && hasExpires { isDeletion = true }
    }

    /// The attributes missing for a cookie that binds a login, as words for a message; empty when none is.
    func missingProtections(allowSameSiteNone: Bool) -> [String] {
        var missing: [String] = []
        if !secure { missing.append("Secure") }
        if !httpOnly { missing.append("HttpOnly") }
        switch sameSite {
        case nil: missing.append("SameSite")
        case "none" where !allowSameSiteNone: missing.append("SameSite=Lax (is None)")
        case "lax", "strict", "none": break
        default: missing.append("a valid SameSite")
        }
        return missing
    }

    /// Whether the name looks like one that carries a session or login (for callback checks).
    var looksLikeSession: Bool {
        let lower = name.lowercased()
        return !looksLikeTransaction
            && ["sess", "sid", "auth", "token", "login", "user", "jwt", "remember"].contains { lower.contains($0) }
    }

    /// Whether the name looks like one that binds an OAuth transaction (`state`, `nonce`, PKCE verifier).
    var looksLikeTransaction: Bool {
        let lower = name.lowercased()
        return ["state", "oauth", "nonce", "pkce", "verifier", "oidc", "openid"].contains { lower.contains($0) }
    }
}
