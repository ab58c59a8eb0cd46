public import PortcullisCore

/// `Cross-Origin-Opener-Policy` parsed as HTML "obtain a cross-origin opener policy": a Structured Field Item
/// whose bare item is a token naming a known value (case-sensitive); anything else is invalid and the policy
/// falls back to `unsafe-none`. Parameters such as `report-to` are allowed.
public struct CrossOriginOpenerPolicy: Sendable, Hashable {
    /// The known values.
    public enum Value: String, Sendable, Hashable, Codable, CaseIterable {
        /// `unsafe-none`: no isolation (the default).
        case unsafeNone = "unsafe-none"
        /// `same-origin-allow-popups`.
        case sameOriginAllowPopups = "same-origin-allow-popups"
        /// `same-origin`: full browsing-context-group isolation.
        case sameOrigin = "same-origin"
        /// `noopener-allow-popups`.
        case noopenerAllowPopups = "noopener-allow-popups"
    }

    /// The parsed value; nil when absent or invalid (the UA then uses `unsafe-none`).
    public var value: Value?
    /// Whether the header was present.
    public var present: Bool
    /// Problems found.
    public var problems: [HeaderProblem]

    /// The policy the browser applies.
    public var effective: Value { value ?? .unsafeNone }

    /// Analyses `Cross-Origin-Opener-Policy`.
    public init(headers: [HeaderField]) {
        (present, value, problems) = TokenItemHeader.parse(
            "Cross-Origin-Opener-Policy",
            in: headers,
            invalid: .coopInvalid
        )
    }
}

/// `Cross-Origin-Embedder-Policy` parsed as HTML "obtain an embedder policy": a Structured Field Item whose bare
/// item is a known token; anything else is invalid and the policy is `unsafe-none`.
public struct CrossOriginEmbedderPolicy: Sendable, Hashable {
    /// The known values.
    public enum Value: String, Sendable, Hashable, Codable, CaseIterable {
        /// `unsafe-none`: no embedder restriction (the default).
        case unsafeNone = "unsafe-none"
        /// `require-corp`: cross-origin subresources need CORP or CORS.
        case requireCorp = "require-corp"
        /// `credentialless`: cross-origin no-CORS requests go without credentials.
        case credentialless
    }

    /// The parsed value; nil when absent or invalid.
    public var value: Value?
    /// Whether the header was present.
    public var present: Bool
    /// Problems found.
    public var problems: [HeaderProblem]

    /// Analyses `Cross-Origin-Embedder-Policy`.
    public init(headers: [HeaderField]) {
        (present, value, problems) = TokenItemHeader.parse(
            "Cross-Origin-Embedder-Policy",
            in: headers,
            invalid: .coepInvalid
        )
    }
}

/// `Cross-Origin-Resource-Policy` per Fetch "cross-origin resource policy internal check": the combined value
/// (Fetch "get") byte-compared with `same-origin` or `same-site`; `cross-origin` and anything else allow all.
public struct CrossOriginResourcePolicy: Sendable, Hashable {
    /// The known values.
    public enum Value: String, Sendable, Hashable, Codable, CaseIterable {
        /// `same-origin`: only same-origin requesters may load the resource.
        case sameOrigin = "same-origin"
        /// `same-site`: only same-site requesters.
        case sameSite = "same-site"
        /// `cross-origin`: anyone (explicit opt-out).
        case crossOrigin = "cross-origin"
    }

    /// The parsed value; nil when absent or not an exact match.
    public var value: Value?
    /// Whether the header was present.
    public var present: Bool
    /// Problems found.
    public var problems: [HeaderProblem]

    /// Analyses `Cross-Origin-Resource-Policy`.
    public init(headers: [HeaderField]) {
        let combined = FieldValues.combined("Cross-Origin-Resource-Policy", in: headers)
        present = combined != nil
        value = combined.map(FieldValues.trim).flatMap(Value.init(rawValue:))
        problems = []
        if let combined, value == nil {
            problems.append(
                HeaderProblem(
                    .corpInvalid,
                    "Cross-Origin-Resource-Policy is not exactly same-origin, "
                        + "same-site or cross-origin, so it allows all: \(HeaderProblem.excerpt(combined))"
                )
            )
        }
    }
}

/// A header whose value is a Structured Field Item with a known token (COOP, COEP): HTML parses both this way,
/// and anything else is invalid and falls back to `unsafe-none`.
enum TokenItemHeader {
    static func parse<Value: RawRepresentable>(
        _ name: String,
        in headers: [HeaderField],
        invalid kind: HeaderProblemKind
    ) -> (present: Bool, value: Value?, problems: [HeaderProblem]) where Value.RawValue == String {
        let combined = FieldValues.combined(name, in: headers)
        let value = combined.flatMap(StructuredField.item).flatMap(StructuredField.token).flatMap(Value.init(rawValue:))
        guard let combined, value == nil else { return (combined != nil, value, []) }
        let problem = HeaderProblem(
            kind,
            "\(name) is not a known token (RFC 8941 item; falls back to unsafe-none): \(HeaderProblem.excerpt(combined))"
        )
        return (true, nil, [problem])
    }
}
