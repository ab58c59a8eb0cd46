import Foundation
import PortcullisCore
import TLSChecks
import TLSProbe
import TestSupport
import Testing

/// The TLS rules on hand-made facts: what no local server can serve any more (SSLv3, RC4, export, 3DES,
/// compression, insecure renegotiation) must still be reported, and a clean modern host must pass.
@Suite struct TLSJudgeTests {
    static let registry: CipherSuiteRegistry = {
        (try? CipherSuiteRegistry.load(file: TestPaths.rules.appendingPathComponent("tls-cipher-suites.tsv")))
            ?? CipherSuiteRegistry(suites: [])
    }()

    static func judge(_ profile: String = "intermediate") throws -> TLSJudge {
        let profiles = try TLSProfile.loadAll(rulesDirectory: TestPaths.rules, registry: registry)
        return TLSJudge(registry: registry, profile: try #require(profiles[profile]))
    }

    static let url = URL(string: "https://legacy.example/")!

    @Test func legacyServerFailsEveryLegacyRule() throws {
        var facts = TLSFacts(url: Self.url)
        facts.protocols = [.ssl2: false, .ssl3: true, .tls10: true, .tls11: false, .tls12: true, .tls13: false]
        facts.suites = [.ssl3: [0x0005, 0x0003], .tls10: [0x000A, 0x0005], .tls12: [0x009C, 0xC02F]]
        facts.serverPreference = [.tls12: false, .tls10: true]
        facts.compression = true
        facts.secureRenegotiation = false
        facts.fallbackProtected = false
        facts.dhPrimeBits = 1024
        facts.hsts = .maxAge(86_400)
        let rules = Set(try Self.judge().observations(facts).map(\.ruleID.rawValue))
        for expected in [
            "tls.protocol.sslv3", "tls.protocol.tls10", "tls.protocol.tls13-missing", "tls.cipher.rc4",
            "tls.cipher.export", "tls.cipher.3des", "tls.cipher.no-forward-secrecy", "tls.compression.enabled",
            "tls.reneg.insecure", "tls.fallback-scsv.missing", "tls.kex.weak-dh", "tls.profile.protocol",
            "tls.profile.cipher", "tls.profile.dh-size", "tls.hsts.short-max-age", "tls.cipher.client-preference",
        ] {
            #expect(rules.contains(expected), "missing \(expected) in \(rules.sorted())")
        }
        #expect(!rules.contains("tls.protocol.sslv2"))
        #expect(!rules.contains("tls.protocol.tls12-missing"))
        #expect(TLSGrade.grade(failed: Set(rules.map { RuleID($0) }), hstsMaxAge: 86_400) == "F")
    }

    @Test func modernHostIsClean() throws {
        var facts = TLSFacts(url: Self.url)
        facts.protocols = [.ssl2: false, .ssl3: false, .tls10: false, .tls11: false, .tls12: true, .tls13: true]
        facts.suites = [.tls13: [0x1301, 0x1302, 0x1303], .tls12: [0xC02B, 0xC02C, 0xCCA9]]
        facts.serverPreference = [.tls13: false, .tls12: false]
        facts.groups = [0x001D, 0x0017, 0x11EC]
        facts.secureRenegotiation = true
        facts.fallbackProtected = true
        facts.compression = false
        facts.extendedMasterSecret = true
        facts.alpn = ["h2", "http/1.1"]
        facts.hsts = .maxAge(63_072_000)
        facts.certificate = CertificateFacts(
            issues: [],
            keyType: "EC",
            keyBits: 256,
            curve: "P-256",
            signatureAlgorithm: "ecdsa-with-SHA256",
            lifetimeDays: 90,
            subject: "CN=modern.example"
        )
        let observations = try Self.judge().observations(facts)
        #expect(observations.isEmpty, "\(observations.map(\.ruleID))")
        #expect(TLSGrade.grade(failed: [], hstsMaxAge: 63_072_000) == "A+")
    }

    @Test func modernProfileRejectsTLS12AndRSACertificates() throws {
        var facts = TLSFacts(url: Self.url)
        facts.protocols = [.tls12: true, .tls13: true]
        facts.suites = [.tls12: [0xC02F]]
        facts.certificate = CertificateFacts(
            issues: [CertificateFacts.Issue(kind: "expired", index: 0, detail: "expired 2020-02-01")],
            keyType: "RSA",
            keyBits: 2048,
            curve: nil,
            signatureAlgorithm: "sha256WithRSAEncryption",
            lifetimeDays: 398,
            subject: "CN=rsa.example"
        )
        let observations = try Self.judge("modern").observations(facts)
        let rules = Set(observations.map(\.ruleID.rawValue))
        #expect(rules.isSuperset(of: ["tls.profile.protocol", "tls.profile.cipher", "tls.profile.certificate"]))
        #expect(rules.contains("tls.cert.expired"))
        let certificate = try #require(observations.first { $0.ruleID == "tls.profile.certificate" })
        #expect(certificate.evidence.summary.contains("key type RSA"))
        #expect(certificate.evidence.summary.contains("lifetime 398 days"))
    }
}
