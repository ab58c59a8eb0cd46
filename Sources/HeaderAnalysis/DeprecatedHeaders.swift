public import PortcullisCore

/// Headers browsers no longer honour or that do harm: `X-XSS-Protection` other than `0` (the XSS auditor is gone
/// and its filter created XS-Leaks), `Expect-CT`, `Public-Key-Pins(-Report-Only)` and `Feature-Policy` (replaced
/// by Permissions-Policy), per the OWASP Secure Headers Project.
public struct DeprecatedHeaders: Sendable, Hashable {
    /// The deprecated header names found (as sent).
    public var found: [String]
    /// The `X-XSS-Protection` classification, when present.
    public var xssProtection: XSSProtection?
    /// Problems found.
    public var problems: [HeaderProblem]

    /// Headers deprecated outright, lowercased.
    public static let deprecatedNames = [
        "expect-ct", "public-key-pins", "public-key-pins-report-only", "feature-policy",
    ]

    /// Analyses the response headers.
    public init(headers: [HeaderField]) {
        found = []
        problems = []
        var seen = Set<String>()
        for field in headers where Self.deprecatedNames.contains(field.name.lowercased()) {
            guard seen.insert(field.name.lowercased()).inserted else { continue }
            found.append(field.name)
            problems.append(
                HeaderProblem(
                    .deprecatedHeader,
                    "\(field.name) is deprecated and ignored by "
                        + "current browsers; remove it"
                )
            )
        }
        xssProtection = FieldValues.combined("X-XSS-Protection", in: headers).map(XSSProtection.init(value:))
        if let xssProtection, xssProtection != .disabled {
            problems.append(
                HeaderProblem(
                    .xssProtectionEnabled,
                    "X-XSS-Protection is \(xssProtection.rawValue); "
                        + "the XSS auditor is removed from browsers and its filter enabled cross-site leaks; "
                        + "send `0` or "
                        + "nothing and rely on Content-Security-Policy"
                )
            )
        }
    }
}

/// The legacy `X-XSS-Protection` value as Chromium's former parser read it: `0`, or `1` with optional
/// `mode=block` / `report=<uri>` directives each at most once; anything else is invalid.
public enum XSSProtection: String, Sendable, Hashable, Codable {
    /// `0`: filter off (the recommended value).
    case disabled
    /// `1`: filter on.
    case enabled
    /// `1; mode=block`.
    case enabledModeBlock = "enabled-mode-block"
    /// Anything else.
    case invalid

    /// Classifies a combined field value.
    public init(value: String) {
        let parts = value.split(separator: ";", omittingEmptySubsequences: false).map { FieldValues.trim(String($0)) }
        guard let first = parts.first else {
            self = .invalid
            return
        }
        if first == "0" && parts.count == 1 {
            self = .disabled
            return
        }
        guard first == "1" else {
            self = .invalid
            return
        }
        var modeBlock = false
        var seen = Set<String>()
        for directive in parts.dropFirst() where !directive.isEmpty {
            let pair = directive.split(separator: "=", maxSplits: 1).map { FieldValues.trim(String($0)) }
            let name = pair[0].lowercased()
            guard seen.insert(name).inserted, pair.count == 2 else {
                self = .invalid
                return
            }
            switch name {
            case "mode":
                guard pair[1].lowercased() == "block" else {
                    self = .invalid
                    return
                }
                modeBlock = true
            case "report":
                guard !pair[1].contains(",") else {
                    self = .invalid
                    return
                }
            default:
                self = .invalid
                return
            }
        }
        self = modeBlock ? .enabledModeBlock : .enabled
    }
}
