/// Masks credentials and tokens before any evidence leaves the scanner, in reports and logs alike.
public enum SecretMasker {
    /// Header names whose values are always secret.
    public static let secretHeaders: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "x-auth-token",
    ]

    /// Query or form parameter names whose values are secret.
    public static let secretParameters: Set<String> = [
        "access_token", "id_token", "refresh_token", "code", "client_secret", "password", "passwd", "token",
        "api_key", "apikey", "session", "sessionid", "jsessionid", "phpsessid", "sid", "code_verifier",
        "client_assertion",
    ]

    /// The mask that replaces a secret value.
    public static let mask = "****"

    /// `value` with its secret part masked if the header `name` carries secrets.
    ///
    /// For cookies the names stay visible (they are useful evidence) and only the values are masked.
    public static func maskHeader(name: String, value: String) -> String {
        let lower = name.lowercased()
        guard secretHeaders.contains(lower) else { return maskParameters(in: value) }
        switch lower {
        case "cookie":
            return value.split(separator: ";").map { maskPair(String($0)) }.joined(separator: ";")
        case "set-cookie":
            var parts = value.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            if !parts.isEmpty { parts[0] = maskPair(parts[0]) }
            return parts.joined(separator: ";")
        case "authorization", "proxy-authorization":
            let scheme = value.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            return scheme.isEmpty || scheme == value ? mask : "\(scheme) \(mask)"
        default:
            return mask
        }
    }

    /// `text` with the values of secret `name=value` parameters masked (query strings, fragments, bodies).
    public static func maskParameters(in text: String) -> String {
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let char = text[index]
            result.append(char)
            index = text.index(after: index)
            guard char == "?" || char == "&" || char == "#" || char == ";" else { continue }
            guard let equals = text[index...].firstIndex(of: "="),
                !text[index..<equals].contains(where: { "&?#; \"'<>".contains($0) })
            else { continue }
            let name = text[index..<equals].lowercased()
            guard secretParameters.contains(name) else { continue }
            let valueEnd =
                text[text.index(after: equals)...].firstIndex(where: { "&#; \"'<>".contains($0) }) ?? text.endIndex
            result += text[index...equals] + mask
            index = valueEnd
        }
        return result
    }

    private static func maskPair(_ pair: String) -> String {
        guard let equals = pair.firstIndex(of: "=") else { return pair }
        return pair[...equals] + mask
    }
}
