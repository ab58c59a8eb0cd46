public import PortcullisCore

/// A letter grade for an origin's TLS, in the spirit of SSL Labs' caps: the worst problem found caps the grade.
///
/// Our own rules, not SSL Labs' exact algorithm (which is not public in full): F for anything that lets an
/// attacker read or impersonate (broken protocols or suites, certificate not valid for the host), C for weak
/// cryptography, B for legacy protocols and suites, A otherwise, A+ with a strong HSTS policy.
public enum TLSGrade {
    private static let caps: [RuleID: String] = [
        TLSRules.sslv2: "F", TLSRules.sslv3: "F", TLSRules.null: "F", TLSRules.anonymous: "F",
        TLSRules.export: "F", TLSRules.compression: "F", TLSRules.insecureRenegotiation: "F",
        "tls.cert.expired": "F", "tls.cert.not-yet-valid": "F", "tls.cert.hostname-mismatch": "F",
        "tls.cert.self-signed": "F", "tls.cert.untrusted": "F", "tls.cert.malformed": "F",
        "tls.cert.intermediate-not-ca": "F", "tls.cert.must-staple-unstapled": "F",
        TLSRules.rc4: "C", TLSRules.des: "C", "tls.cert.weak-key": "C", "tls.cert.weak-signature": "C",
        TLSRules.tls10: "B", TLSRules.tls11: "B", TLSRules.tripleDES: "B", TLSRules.noForwardSecrecy: "B",
        TLSRules.weakDH: "B", TLSRules.tls12Missing: "B", "tls.cert.missing-intermediate": "B",
        TLSRules.clientRenegotiation: "B", TLSRules.weakPreferred: "B",
    ]
    private static let rank: [String: Int] = ["F": 0, "C": 1, "B": 2, "A": 3, "A+": 4]

    /// The grade for an origin whose failed TLS rules are `failed`; `hstsMaxAge` lifts A to A+ at ≥ 180 days.
    public static func grade(failed: Set<RuleID>, hstsMaxAge: Int?) -> String {
        let capped = failed.compactMap { caps[$0] }.min { rank[$0, default: 0] < rank[$1, default: 0] }
        if let capped { return capped }
        if let age = hstsMaxAge, age >= 15_552_000 { return "A+" }
        return "A"
    }
}
