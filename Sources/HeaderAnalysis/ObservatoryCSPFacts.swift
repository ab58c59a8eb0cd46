/// What the Observatory's CSP test needs to know about a response's Content-Security-Policy, filled in by the CSP
/// module from its effective-policy evaluation (enforced policies only, header and meta), so HeaderAnalysis does
/// not depend on the CSP parser.
public struct ObservatoryCSPFacts: Sendable, Hashable, Codable {
    /// Whether an enforced policy exists.
    public enum Presence: String, Sendable, Hashable, Codable {
        /// No CSP at all.
        case notImplemented
        /// Only `Content-Security-Policy-Report-Only` (never enforcing, CSP3 §3.2).
        case reportOnly
        /// A policy is present but could not be parsed.
        case invalid
        /// At least one enforced policy.
        case implemented
    }

    /// Whether an enforced policy exists.
    public var presence: Presence
    /// Scripts are effectively unrestricted: `'unsafe-inline'` not neutralised by a nonce/hash/`'strict-dynamic'`,
    /// `data:` or an over-broad source (`*`, `https:`, `http:`) in script-src, or object-src/script-src not
    /// restricted at all.
    public var unsafeScripts: Bool
    /// `'unsafe-eval'` allowed for scripts.
    public var unsafeEval: Bool
    /// Active content (scripts, styles, frames, connections…) may load over plain `http:`.
    public var insecureSchemeActive: Bool
    /// Only passive content (images, media) may load over plain `http:`.
    public var insecureSchemePassive: Bool
    /// `'unsafe-inline'`, `data:` or an over-broad source in style-src only.
    public var unsafeStyles: Bool
    /// `default-src 'none'`.
    public var defaultSrcNone: Bool

    /// Creates facts; everything defaults to the safe side except presence.
    public init(
        presence: Presence,
        unsafeScripts: Bool = false,
        unsafeEval: Bool = false,
        insecureSchemeActive: Bool = false,
        insecureSchemePassive: Bool = false,
        unsafeStyles: Bool = false,
        defaultSrcNone: Bool = false
    ) {
        self.presence = presence
        self.unsafeScripts = unsafeScripts
        self.unsafeEval = unsafeEval
        self.insecureSchemeActive = insecureSchemeActive
        self.insecureSchemePassive = insecureSchemePassive
        self.unsafeStyles = unsafeStyles
        self.defaultSrcNone = defaultSrcNone
    }

    /// No CSP.
    public static let notImplemented = ObservatoryCSPFacts(presence: .notImplemented)

    /// The Observatory CSP result, in its precedence order (worst script problem first).
    public var result: ObservatoryResult {
        switch presence {
        case .notImplemented: return .cspNotImplemented
        case .reportOnly: return .cspNotImplementedButReportingEnabled
        case .invalid: return .cspHeaderInvalid
        case .implemented: break
        }
        if unsafeScripts { return .cspImplementedWithUnsafeInline }
        if insecureSchemeActive { return .cspImplementedWithInsecureScheme }
        if unsafeEval { return .cspImplementedWithUnsafeEval }
        if insecureSchemePassive { return .cspImplementedWithInsecureSchemeInPassiveContentOnly }
        if unsafeStyles { return .cspImplementedWithUnsafeInlineInStyleSrcOnly }
        // MDN's score table mentions form-action, but neither Observatory's code checks it; scoring as they do keeps
        // the grade comparable (34 more of their own vectors agree).
        if defaultSrcNone { return .cspImplementedWithNoUnsafeDefaultSrcNone }
        return .cspImplementedWithNoUnsafe
    }
}
