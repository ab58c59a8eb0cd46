public import PortcullisCore

/// Reads a Portcullis scan result in the zoo's property vocabulary, so its answers can be compared with each
/// server's expectations (and with sslyze's, which `Benchmarks/tls/sslyze_properties.py` maps the same way).
public enum ZooPropertyReader {
    /// The properties of `host` (`host:port`) that `result` determines; properties it cannot decide are absent.
    public static func properties(of host: String, in result: ScanResult) -> [String: String] {
        guard let summary = result.tls.first(where: { $0.host == host }) else { return [:] }
        let origin = "https://\(host)"
        let failed = Set(result.findings.filter { $0.origin == origin }.map(\.ruleID.rawValue))
        func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }
        var properties: [String: String] = [:]
        let versions: [(ZooProperty, String)] = [
            (.sslv2, "SSLv2"), (.sslv3, "SSLv3"), (.tls10, "TLSv1.0"), (.tls11, "TLSv1.1"), (.tls12, "TLSv1.2"),
            (.tls13, "TLSv1.3"),
        ]
        for (property, name) in versions { properties[property.rawValue] = yesNo(summary.protocols.contains(name)) }
        let rules: [(ZooProperty, String)] = [
            (.nullSuites, "tls.cipher.null"), (.anonymousSuites, "tls.cipher.anonymous"),
            (.exportSuites, "tls.cipher.export"), (.rc4Suites, "tls.cipher.rc4"),
            (.tripleDESSuites, "tls.cipher.3des"), (.cbcSuites, "tls.cipher.cbc"),
            (.noForwardSecrecy, "tls.cipher.no-forward-secrecy"), (.weakDH, "tls.kex.weak-dh"),
            (.certificateExpired, "tls.cert.expired"), (.hostnameMismatch, "tls.cert.hostname-mismatch"),
            (.selfSigned, "tls.cert.self-signed"), (.missingIntermediate, "tls.cert.missing-intermediate"),
            (.weakKey, "tls.cert.weak-key"), (.weakSignature, "tls.cert.weak-signature"),
            (.mustStapleUnstapled, "tls.cert.must-staple-unstapled"),
        ]
        for (property, rule) in rules { properties[property.rawValue] = yesNo(failed.contains(rule)) }
        if let trusted = summary.certificateTrusted {
            let invalid = ["tls.cert.expired", "tls.cert.not-yet-valid", "tls.cert.hostname-mismatch"]
            properties[ZooProperty.certificateTrusted.rawValue] = yesNo(
                trusted && failed.isDisjoint(with: invalid)
            )
        }
        let ordered = summary.serverPreference.filter { (summary.suites[$0.key]?.count ?? 0) > 1 }
        if !ordered.isEmpty {
            properties[ZooProperty.serverPreference.rawValue] = yesNo(ordered.values.contains(true))
        }
        let features: [(ZooProperty, String)] = [
            (.ocspStapled, "ocsp-stapling"), (.secureRenegotiation, "secure-renegotiation"),
            (.clientInitiatedRenegotiation, "client-renegotiation"), (.fallbackSCSV, "fallback-scsv"),
            (.compression, "compression"), (.earlyData, "early-data"), (.sessionTicket, "session-ticket"),
            (.sessionIDResumption, "session-id-resumption"),
        ]
        for (property, feature) in features {
            if let value = summary.features[feature] { properties[property.rawValue] = value }
        }
        if let alpn = summary.features["alpn"] {
            properties[ZooProperty.alpnH2.rawValue] = yesNo(alpn.split(separator: ",").contains("h2"))
        }
        return properties
    }
}
