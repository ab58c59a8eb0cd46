import Foundation

/// The raw query of one demo request, split into `name=value` pairs in wire order with duplicates kept.
///
/// The SSO demo sites must see exactly what a client sent (a duplicated `redirect_uri`, an encoded `%2F..`),
/// so nothing is normalised: names and values are only percent-decoded (`+` as space, as in form encoding)
/// when asked for.
struct SSOQuery: Sendable {
    /// One raw pair, still percent-encoded.
    struct Pair: Sendable {
        /// The raw name.
        var name: Substring
        /// The raw value; empty for `name` or `name=`.
        var value: Substring
    }

    /// The pairs in wire order.
    let pairs: [Pair]

    /// Splits the query part of `target` (after the first `?`, before any `#`).
    init(target: String) {
        guard let question = target.firstIndex(of: "?") else {
            pairs = []
            return
        }
        var query = target[target.index(after: question)...]
        if let hash = query.firstIndex(of: "#") {
            query = query[..<hash]
        }
        pairs = query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return Pair(name: parts[0], value: parts.count == 2 ? parts[1] : "")
        }
    }

    /// The decoded names that occur more than once (compared after decoding, so `state` and `st%61te` collide).
    var duplicatedNames: [String] {
        var seen: Set<String> = []
        var duplicated: [String] = []
        for pair in pairs {
            let name = Self.decode(pair.name) ?? String(pair.name)
            if !seen.insert(name).inserted, !duplicated.contains(name) {
                duplicated.append(name)
            }
        }
        return duplicated
    }

    /// The decoded value of the first pair named `name`; `nil` when absent or not valid percent-encoding.
    func value(_ name: String) -> String? {
        for pair in pairs where (Self.decode(pair.name) ?? String(pair.name)) == name {
            return Self.decode(pair.value)
        }
        return nil
    }

    /// Whether a pair named `name` is present (even with an empty or undecodable value).
    func contains(_ name: String) -> Bool {
        pairs.contains { (Self.decode($0.name) ?? String($0.name)) == name }
    }

    /// Form-decodes `raw`: `+` is a space, `%XX` a byte; `nil` for malformed escapes or invalid UTF-8.
    static func decode(_ raw: Substring) -> String? {
        raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters, for values placed in URLs we build.
    static func escape(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    )
}
