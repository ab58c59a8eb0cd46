import Foundation
public import PortcullisCore
public import TLSProbe

/// Turns one origin's ``TLSFacts`` into observations: protocol, suite, key exchange, extension, certificate,
/// Mozilla-profile and HSTS rules. Pure: the same facts always give the same observations.
public struct TLSJudge: Sendable {
    /// Suite properties by code point.
    public let registry: CipherSuiteRegistry
    /// The Mozilla profile deviations are measured against.
    public let profile: TLSProfile

    /// Creates a judge for `profile`.
    public init(registry: CipherSuiteRegistry, profile: TLSProfile) {
        self.registry = registry
        self.profile = profile
    }

    /// Every failed observation the facts support.
    public func observations(_ facts: TLSFacts) -> [Observation] {
        var found = ProtocolRules.judge(facts)
        found += SuiteRules(registry: registry).judge(facts)
        found += ExtensionRules.judge(facts)
        found += CertificateRules.judge(facts)
        found += ProfileRules(profile: profile, registry: registry).judge(facts)
        return found
    }
}

/// Protocol version rules (RFC 8996, RFC 7568, RFC 6176, NIST SP 800-52r2 §3.1).
enum ProtocolRules {
    static func judge(_ facts: TLSFacts) -> [Observation] {
        let supported = facts.supportedProtocols
        guard !supported.isEmpty else { return [] }
        let list = supported.map(\.description).joined(separator: ", ")
        var found: [Observation] = []
        let legacy: [(TLSVersion, RuleID)] = [
            (.ssl2, TLSRules.sslv2), (.ssl3, TLSRules.sslv3), (.tls10, TLSRules.tls10), (.tls11, TLSRules.tls11),
        ]
        for (version, rule) in legacy where facts.protocols[version] == true {
            found.append(.failed(rule, at: facts.url, "The server negotiates \(version)", snippet: "accepted: \(list)"))
        }
        if facts.protocols[.tls12] == false {
            found.append(
                .failed(TLSRules.tls12Missing, at: facts.url, "TLS 1.2 is refused", snippet: "accepted: \(list)")
            )
        }
        if facts.protocols[.tls13] == false {
            found.append(
                .failed(TLSRules.tls13Missing, at: facts.url, "TLS 1.3 is refused", snippet: "accepted: \(list)")
            )
        }
        return found
    }
}

/// Cipher suite rules: weak constructions accepted in any protocol, preference and the preferred suite.
struct SuiteRules {
    let registry: CipherSuiteRegistry

    /// Which flags make a suite fall under which rule, checked in order (a suite is reported under the first).
    private static let flagRules: [(RuleID, Set<CipherSuite.Flag>, String)] = [
        (TLSRules.null, [.null], "without encryption"),
        (TLSRules.anonymous, [.anonymous], "without authentication"),
        (TLSRules.export, [.export], "of export strength"),
        (TLSRules.rc4, [.rc4], "with RC4"),
        (TLSRules.des, [.des, .rc2, .idea], "with DES, RC2 or IDEA"),
        (TLSRules.tripleDES, [.tripleDES], "with 3DES"),
        (TLSRules.obsolete, [.seed, .gost, .md5], "with SEED, GOST or an MD5 MAC"),
    ]

    func judge(_ facts: TLSFacts) -> [Observation] {
        var byRule: [RuleID: [String]] = [:]
        var noForwardSecrecy: [String] = []
        var cbc: [String] = []
        for version in facts.suites.keys.sorted() {
            for code in facts.suites[version] ?? [] {
                let label = "\(version) \(name(code))"
                guard let suite = registry[code] else { continue }
                if let rule = Self.flagRules.first(where: { !$0.1.isDisjoint(with: suite.flags) })?.0 {
                    byRule[rule, default: []].append(label)
                }
                if version < .tls13, !suite.flags.contains(.forwardSecrecy), !suite.flags.contains(.anonymous) {
                    noForwardSecrecy.append(label)
                }
                if version < .tls13, suite.flags.contains(.cbc) { cbc.append(label) }
            }
        }
        var found: [Observation] = []
        for (rule, _, what) in Self.flagRules {
            guard let labels = byRule[rule] else { continue }
            found.append(suiteObservation(rule, facts, "\(labels.count) accepted suite(s) \(what)", labels))
        }
        if !noForwardSecrecy.isEmpty {
            found.append(
                suiteObservation(
                    TLSRules.noForwardSecrecy,
                    facts,
                    "\(noForwardSecrecy.count) accepted suite(s) with static key exchange",
                    noForwardSecrecy
                )
            )
        }
        if !cbc.isEmpty {
            found.append(suiteObservation(TLSRules.cbc, facts, "\(cbc.count) accepted CBC-mode suite(s)", cbc))
        }
        found += preference(facts)
        return found
    }

    private func preference(_ facts: TLSFacts) -> [Observation] {
        var found: [Observation] = []
        // Client order only matters where the client can pick a weaker suite: Mozilla's intermediate and modern
        // profiles recommend client preference when every accepted suite is strong (AEAD with forward secrecy).
        let clientOrdered = facts.serverPreference.filter { version, preferred in
            !preferred && (facts.suites[version] ?? []).contains { !isStrong($0, in: version) }
        }.keys.sorted()
        if !clientOrdered.isEmpty {
            found.append(
                .failed(
                    TLSRules.clientPreference,
                    at: facts.url,
                    "The server follows the client's suite order, weak suites included, in "
                        + clientOrdered.map(\.description).joined(separator: ", ")
                )
            )
        }
        if facts.protocols[.tls13] != true, let newest = facts.suites.keys.filter({ $0 < .tls13 }).max(),
            facts.serverPreference[newest] == true, let first = facts.suites[newest]?.first,
            let suite = registry[first], !(suite.flags.contains(.aead) && suite.flags.contains(.forwardSecrecy))
        {
            found.append(
                .failed(
                    TLSRules.weakPreferred,
                    at: facts.url,
                    "The server prefers \(suite.ianaName) in \(newest)",
                    snippet: suite.ianaName
                )
            )
        }
        return found
    }

    private func isStrong(_ code: UInt16, in version: TLSVersion) -> Bool {
        guard version < .tls13 else { return true }
        guard let flags = registry[code]?.flags else { return false }
        return flags.contains(.aead) && flags.contains(.forwardSecrecy)
    }

    private func name(_ code: UInt16) -> String {
        registry[code]?.ianaName ?? "0x" + String(code, radix: 16, uppercase: true)
    }

    private func suiteObservation(
        _ rule: RuleID,
        _ facts: TLSFacts,
        _ summary: String,
        _ labels: [String]
    )
        -> Observation
    {
        .failed(rule, at: facts.url, summary, snippet: labels.joined(separator: "\n"))
    }
}

/// Key exchange, renegotiation, downgrade, compression and extension rules.
enum ExtensionRules {
    static func judge(_ facts: TLSFacts) -> [Observation] {
        let url = facts.url
        var found: [Observation] = []
        if let bits = facts.dhPrimeBits, bits < 2048 {
            found.append(.failed(TLSRules.weakDH, at: url, "DHE uses a \(bits)-bit prime", snippet: "\(bits) bits"))
        }
        let legacyProtocols = facts.supportedProtocols.contains { $0 <= .tls12 }
        if legacyProtocols, facts.secureRenegotiation == false {
            found.append(.failed(TLSRules.insecureRenegotiation, at: url, "No renegotiation_info in the ServerHello"))
        }
        if facts.clientRenegotiation == true {
            found.append(
                .failed(TLSRules.clientRenegotiation, at: url, "A client-initiated renegotiation was completed")
            )
        }
        if facts.fallbackProtected == false {
            found.append(
                .failed(
                    TLSRules.fallbackSCSVMissing,
                    at: url,
                    "A lower-version hello with TLS_FALLBACK_SCSV was accepted instead of inappropriate_fallback"
                )
            )
        }
        if facts.compression == true {
            found.append(.failed(TLSRules.compression, at: url, "The server chose DEFLATE compression"))
        }
        if facts.protocols[.tls12] == true, facts.extendedMasterSecret == false {
            found.append(
                .failed(TLSRules.extendedMasterSecretMissing, at: url, "No extended_master_secret in TLS 1.2")
            )
        }
        if facts.earlyDataAccepted == true {
            found.append(.failed(TLSRules.earlyData, at: url, "The server accepted 0-RTT early data"))
        }
        if facts.publicPKI, facts.ocspStapled == false {
            found.append(.failed(TLSRules.ocspNotStapled, at: url, "No OCSP response stapled to status_request"))
        }
        if let alpn = facts.alpn, !alpn.contains("h2") {
            let selected = alpn.isEmpty ? "none" : alpn.joined(separator: ", ")
            found.append(
                .failed(TLSRules.h2Missing, at: url, "The server does not select h2 (selects: \(selected))")
            )
        }
        switch facts.hsts {
        case .missing?:
            found.append(.failed(TLSRules.hstsMissing, at: url, "No Strict-Transport-Security on the HTTPS root"))
        default: break
        }
        if facts.httpRedirectsToHTTPS == false {
            found.append(
                .failed(TLSRules.httpNotRedirected, at: url, "The HTTP entry answers without redirecting to HTTPS")
            )
        }
        return found
    }
}

/// Certificate problems, one observation per problem kind and certificate.
enum CertificateRules {
    static func judge(_ facts: TLSFacts) -> [Observation] {
        guard let certificate = facts.certificate else { return [] }
        return certificate.issues.compactMap { issue in
            guard let rule = TLSRules.certificateRules[issue.kind] else { return nil }
            let position = issue.index.map { $0 == 0 ? "leaf" : "certificate \($0)" } ?? "chain"
            return .failed(
                rule,
                at: facts.url,
                issue.detail,
                snippet: issue.index == 0 ? "leaf: \(certificate.subject)" : position,
                key: "\(issue.kind)#\(issue.index ?? -1)"
            )
        }
    }
}
