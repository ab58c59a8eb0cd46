import CertificateAnalysis
import Foundation
import OpenSSLProbe
import PortcullisCore
import TLSChecks
import TLSProbe
import TLSScan

/// Turns a ``TLSHostScan`` into the ``TLSFacts`` the rules judge and the ``TLSHostSummary`` reports show.
enum TLSFactsMapping {
    /// The facts of `scan`, located at `url`, with the origin's HSTS policy when its entry page was fetched.
    static func facts(_ scan: TLSHostScan, url: URL, hsts: HSTSFact?) -> TLSFacts {
        var facts = TLSFacts(url: url)
        let enumeration = scan.enumeration
        for support in enumeration.protocols { facts.protocols[support.tlsVersion] = support.supported }
        for entry in enumeration.suites where !entry.suites.isEmpty {
            facts.suites[entry.tlsVersion] = entry.suites
            if let preference = entry.serverPreference { facts.serverPreference[entry.tlsVersion] = preference }
        }
        var seen: Set<UInt16> = []
        facts.groups = (enumeration.tls13Groups + enumeration.ecdheCurves).filter { seen.insert($0).inserted }
        facts.dhPrimeBits = enumeration.dhPrimeBits
        let anyProtocol = facts.protocols.values.contains(true)
        let legacy = facts.supportedProtocols.contains { $0 <= .tls12 }
        if legacy {
            facts.alpn = enumeration.alpn
        } else if scan.handshake.version != nil {
            // TLS 1.3 only: the raw probe cannot read the encrypted ALPN answer; libssl's handshake can.
            facts.alpn = scan.handshake.alpn.map { [$0] } ?? []
        }
        facts.secureRenegotiation = legacy ? enumeration.secureRenegotiation : nil
        // TLS 1.3 has no compression (RFC 8446 §4.1.2), so a TLS 1.3-only server definitely has none.
        facts.compression = legacy ? enumeration.compression : (anyProtocol ? false : nil)
        facts.extendedMasterSecret = enumeration.extendedMasterSecret
        switch enumeration.fallbackSCSV {
        case .rejectsDowngrade: facts.fallbackProtected = true
        case .acceptsDowngrade: facts.fallbackProtected = false
        case .notApplicable, .inconclusive: break
        }
        switch scan.renegotiation {
        case .accepted: facts.clientRenegotiation = true
        case .refused: facts.clientRenegotiation = false
        case .notApplicable, .failed: break
        }
        switch scan.earlyData {
        case .accepted: facts.earlyDataAccepted = true
        case .rejected, .notOffered: facts.earlyDataAccepted = false
        case .notApplicable, .failed: break
        }
        facts.publicPKI = scan.publicPKI
        if scan.handshake.version != nil || legacy {
            facts.ocspStapled = scan.handshake.stapledOCSP != nil || enumeration.ocspStapled
        }
        facts.certificate = scan.certificate.flatMap(certificateFacts)
        facts.hsts = hsts
        return facts
    }

    private static func certificateFacts(_ report: CertificateReport) -> CertificateFacts? {
        let issues = report.problems.map {
            CertificateFacts.Issue(kind: $0.kind.rawValue, index: $0.certificateIndex, detail: $0.detail)
        }
        guard let leaf = report.chain.first else {
            return CertificateFacts(
                issues: issues,
                keyType: "unknown",
                keyBits: 0,
                curve: nil,
                signatureAlgorithm: "unknown",
                lifetimeDays: 0,
                subject: "(unparsable certificate)"
            )
        }
        return CertificateFacts(
            issues: issues,
            keyType: leaf.keyType,
            keyBits: leaf.keyBits,
            curve: leaf.curve,
            signatureAlgorithm: leaf.signatureAlgorithm,
            lifetimeDays: Int(leaf.notAfter.timeIntervalSince(leaf.notBefore) / 86_400),
            subject: leaf.subject
        )
    }

    /// The summary row of `scan`, given the facts and the failed observations judged from them.
    static func summary(
        _ scan: TLSHostScan,
        facts: TLSFacts,
        observations: [Observation],
        profile: String,
        registry: CipherSuiteRegistry
    ) -> TLSHostSummary {
        let name: (UInt16) -> String = { registry[$0]?.ianaName ?? "0x" + String($0, radix: 16, uppercase: true) }
        var suites: [String: [String]] = [:]
        var preference: [String: Bool] = [:]
        for (version, codes) in facts.suites { suites[version.description] = codes.map(name) }
        for (version, value) in facts.serverPreference { preference[version.description] = value }
        let weakest = facts.suites.values.joined().min { rank($0, registry) < rank($1, registry) }
        let leaf = scan.certificate?.chain.first
        let deviations = observations.filter { $0.ruleID.rawValue.hasPrefix("tls.profile.") }.count
        var hstsAge: Int?
        if case .maxAge(let age)? = facts.hsts { hstsAge = age }
        var notes = scan.enumeration.notes
        notes += [scan.handshake.error, scan.resumption.error].compactMap { $0 }.map { "libssl: \($0)" }
        return TLSHostSummary(
            host: "\(scan.target.serverName):\(scan.target.port)",
            address: scan.target.address,
            protocols: facts.supportedProtocols.map(\.description),
            suites: suites,
            serverPreference: preference,
            weakestSuite: weakest.map(name),
            groups: facts.groups.map(GroupNames.name),
            dhPrimeBits: facts.dhPrimeBits,
            features: features(scan, facts),
            certificateSubject: leaf?.subject,
            certificateExpiry: leaf?.notAfter,
            certificateDaysLeft: leaf?.daysLeft,
            certificateTrusted: scan.certificate?.trusted,
            profile: profile,
            profileVerdict: deviations == 0 ? "compliant" : "\(deviations) deviation\(deviations == 1 ? "" : "s")",
            grade: TLSGrade.grade(failed: Set(observations.map(\.ruleID)), hstsMaxAge: hstsAge),
            handshakes: scan.handshakes,
            seconds: scan.seconds,
            notes: Array(notes.prefix(8))
        )
    }

    /// Lower is weaker: broken (NULL, anonymous, export) < RC4/DES < 3DES < static key exchange < CBC < AEAD.
    private static func rank(_ code: UInt16, _ registry: CipherSuiteRegistry) -> Int {
        guard let flags = registry[code]?.flags else { return 5 }
        if !flags.isDisjoint(with: [.null, .anonymous, .export]) { return 0 }
        if !flags.isDisjoint(with: [.rc4, .des, .rc2, .idea]) { return 1 }
        if flags.contains(.tripleDES) { return 2 }
        if !flags.contains(.forwardSecrecy) && !flags.contains(.aead) { return 3 }
        if flags.contains(.cbc) { return 4 }
        return flags.contains(.forwardSecrecy) || code >> 8 == 0x13 ? 6 : 5
    }

    private static func features(_ scan: TLSHostScan, _ facts: TLSFacts) -> [String: String] {
        func yesNo(_ value: Bool?) -> String? { value.map { $0 ? "yes" : "no" } }
        let entries: [(String, String?)] = [
            ("alpn", facts.alpn.map { $0.isEmpty ? "none" : $0.joined(separator: ",") }),
            ("secure-renegotiation", yesNo(facts.secureRenegotiation)),
            ("client-renegotiation", yesNo(facts.clientRenegotiation)),
            ("fallback-scsv", yesNo(facts.fallbackProtected)),
            ("compression", yesNo(facts.compression)),
            ("extended-master-secret", yesNo(facts.extendedMasterSecret)),
            ("encrypt-then-mac", yesNo(scan.enumeration.encryptThenMAC)),
            ("early-data", yesNo(facts.earlyDataAccepted)),
            ("ocsp-stapling", yesNo(facts.ocspStapled)),
            ("ocsp-status", scan.handshake.ocspCertificateStatus),
            ("session-ticket", yesNo(scan.handshake.version == nil ? nil : scan.resumption.ticket)),
            ("session-id-resumption", yesNo(scan.handshake.version == nil ? nil : scan.resumption.sessionID)),
            ("sct-extension", yesNo(scan.enumeration.sctExtension)),
            (
                "verification-errors",
                scan.handshake.verificationErrors.isEmpty
                    ? nil : scan.handshake.verificationErrors.map(\.reason).joined(separator: "; ")
            ),
        ]
        var result: [String: String] = [:]
        for (key, value) in entries { if let value { result[key] = value } }
        return result
    }
}
