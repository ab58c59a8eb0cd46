public import PortcullisCore

/// The effective referrer policy of a document: the `Referrer-Policy` header parsed per Referrer Policy §8.1
/// ("parse a referrer policy from a Referrer-Policy header": the last recognised token wins, unknown tokens are
/// skipped) and then `<meta name=referrer>` elements in document order (HTML: each valid one replaces the policy;
/// its content is one token, lowercased, with the legacy `never`/`default`/`always`/`origin-when-crossorigin`).
public struct ReferrerPolicy: Sendable, Hashable {
    /// The referrer policy values of the Referrer Policy spec.
    public enum Value: String, Sendable, Hashable, Codable, CaseIterable {
        /// No `Referer` at all.
        case noReferrer = "no-referrer"
        /// Full URL except on HTTPS→HTTP.
        case noReferrerWhenDowngrade = "no-referrer-when-downgrade"
        /// Full URL same-origin only; nothing cross-origin.
        case sameOrigin = "same-origin"
        /// Only the origin, everywhere.
        case origin
        /// Only the origin, and nothing on HTTPS→HTTP.
        case strictOrigin = "strict-origin"
        /// Full URL same-origin, the origin cross-origin.
        case originWhenCrossOrigin = "origin-when-cross-origin"
        /// Like origin-when-cross-origin, nothing on HTTPS→HTTP (UA default).
        case strictOriginWhenCrossOrigin = "strict-origin-when-cross-origin"
        /// Full URL everywhere.
        case unsafeURL = "unsafe-url"

        /// How much the policy leaks to other origins.
        public var classification: Classification {
            switch self {
            case .noReferrer, .sameOrigin, .strictOrigin, .strictOriginWhenCrossOrigin: .privateToOrigin
            case .origin, .originWhenCrossOrigin: .leaksOrigin
            case .unsafeURL, .noReferrerWhenDowngrade: .leaksFullURL
            }
        }
    }

    /// How much a policy reveals to other origins.
    public enum Classification: String, Sendable, Hashable, Codable {
        /// Cross-origin requests get at most the origin, and never over a downgrade.
        case privateToOrigin = "private"
        /// The origin goes to every origin, even over HTTPS→HTTP.
        case leaksOrigin = "leaks-origin"
        /// The full URL (path and query) goes to other origins.
        case leaksFullURL = "unsafe"
    }

    /// Where the effective policy came from.
    public enum Source: String, Sendable, Hashable, Codable {
        /// No policy set, from the `Referrer-Policy` header, or from `<meta name=referrer>`.
        case none, header, meta
    }

    /// The effective policy, nil when nothing valid was set (the UA default `strict-origin-when-cross-origin`).
    public var policy: Value?
    /// Where `policy` came from.
    public var source: Source
    /// Whether a `Referrer-Policy` header was present.
    public var headerPresent: Bool
    /// Problems found.
    public var problems: [HeaderProblem]

    /// Analyses the header and the `content` of each `<meta name=referrer>` in document order.
    public init(headers: [HeaderField], metaValues: [String] = []) {
        let tokens = FieldValues.decodeSplit("Referrer-Policy", in: headers)
        headerPresent = tokens != nil
        policy = nil
        source = .none
        problems = []
        for token in tokens ?? [] {
            if let value = Value(rawValue: token.lowercased()) {
                policy = value
                source = .header
            } else if !token.isEmpty {
                problems.append(
                    HeaderProblem(
                        .referrerPolicyUnknownToken,
                        "Referrer-Policy token ignored: "
                            + HeaderProblem.excerpt(token)
                    )
                )
            }
        }
        if let tokens, policy == nil {
            problems.append(
                HeaderProblem(
                    .referrerPolicyInvalid,
                    "Referrer-Policy has no recognised token: "
                        + HeaderProblem.excerpt(tokens.joined(separator: ", "))
                )
            )
        }
        for meta in metaValues {
            if let value = Self.metaPolicy(meta) {
                policy = value
                source = .meta
            }
        }
        if let policy {
            switch policy.classification {
            case .privateToOrigin: break
            case .leaksOrigin:
                problems.append(
                    HeaderProblem(
                        .referrerPolicyLeaksOrigin,
                        "Referrer policy \(policy.rawValue) "
                            + "sends the origin to every site, also over plain HTTP"
                    )
                )
            case .leaksFullURL:
                problems.append(
                    HeaderProblem(
                        .referrerPolicyUnsafe,
                        "Referrer policy \(policy.rawValue) "
                            + "sends full URLs (path and query) to other origins"
                    )
                )
            }
        } else if tokens == nil {
            problems.append(HeaderProblem(.referrerPolicyMissing, "No Referrer-Policy header or meta referrer"))
        }
    }

    /// HTML's `<meta name=referrer>` processing of one content value.
    static func metaPolicy(_ content: String) -> Value? {
        let value = content.lowercased()
        switch value {
        case "never": return .noReferrer
        case "default": return .strictOriginWhenCrossOrigin
        case "always": return .unsafeURL
        case "origin-when-crossorigin": return .originWhenCrossOrigin
        default: return Value(rawValue: value)
        }
    }
}
