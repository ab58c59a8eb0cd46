import CertificateAnalysis
import Foundation
import Testing

/// The analyzer against real certificates made by `/usr/bin/openssl` (generated once per run by `TestPKI`).
@Suite struct CertificateAnalyzerTests {
    private static func pki() throws -> TestPKI { try TestPKI.shared.get() }

    private static func analyze(
        _ chain: [[UInt8]],
        host: String = "localhost",
        now: Date? = nil,
        staple: Bool = false,
        sct: Bool = false,
        requireSCT: Bool = false,
        trust: TrustStore? = nil
    ) throws -> CertificateReport {
        let pki = try pki()
        let store = try trust ?? TrustStore(derCertificates: [pki.root])
        let options = CertificateAnalysisOptions(now: now ?? pki.now, requireSCT: requireSCT)
        return CertificateAnalyzer(trust: store, options: options)
            .analyze(chain: chain, hostname: host, stapledOCSP: staple, sctFromTLS: sct)
    }

    private static func kinds(_ report: CertificateReport) -> [CertificateProblem.Kind] { report.problems.map(\.kind) }

    @Test(arguments: ["localhost", "LOCALHOST.", "www.example.test", "127.0.0.1"])
    func goodChainIsTrustedWithoutProblems(host: String) throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("good"), pki.intermediate], host: host)
        #expect(report.problems == [])
        #expect(report.trusted)
        #expect(
            report.trustPath == [
                "CN=good.example.test", "CN=Portcullis Test Intermediate", "CN=Portcullis Test Root",
            ]
        )
        let leaf = try #require(report.chain.first)
        #expect(leaf.subjectAlternativeNames == ["localhost", "*.example.test", "127.0.0.1"])
        #expect(leaf.keyType == "EC" && leaf.keyBits == 256 && leaf.curve == "P-256")
        #expect(leaf.signatureAlgorithm == "ecdsa-with-SHA256")
        #expect(leaf.sha256Fingerprint.count == 64)
        #expect(leaf.issuer == "CN=Portcullis Test Intermediate")
        #expect(!leaf.isCA && !leaf.selfIssued && !leaf.mustStaple && leaf.embeddedSCTs == 0)
        #expect((88...90).contains(leaf.daysLeft))
        #expect(report.chain.map(\.index) == [0, 1])
        #expect(report.chain[1].isCA)
    }

    @Test func sendingTheRootToIsFine() throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("good"), pki.intermediate, pki.root])
        #expect(report.problems == [])
        #expect(report.trustPath.count == 3)
    }

    @Test func expiredLeafNamesTheDate() throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("expired"), pki.intermediate])
        #expect(Self.kinds(report) == [.expired])
        let detail = try #require(report.problems.first?.detail)
        #expect(detail.hasPrefix("expired 2020-02-01 ("))
        #expect(detail.hasSuffix(" days ago)"))
        #expect(report.trusted, "trust is judged without dates; expiry is its own problem")
        #expect(report.chain[0].daysLeft < -2_000)
    }

    @Test func notYetValidLeaf() throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("not-yet-valid"), pki.intermediate])
        #expect(Self.kinds(report) == [.notYetValid])
        #expect(report.problems.first?.detail.contains("in 30 days") == true)
    }

    @Test(arguments: [("soon-10", true), ("soon-40", false)])
    func expiryWarningHonoursTheThreshold(name: String, warned: Bool) throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf(name), pki.intermediate])
        #expect(Self.kinds(report) == (warned ? [.expiresSoon] : []))
        if warned { #expect(report.problems.first?.detail.contains("in 10 days") == true) }
    }

    @Test(arguments: ["example.org", "a.b.example.test", "example.test", "127.0.0.2", "::1"])
    func wrongHostIsAMismatch(host: String) throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("good"), pki.intermediate], host: host)
        #expect(Self.kinds(report) == [.hostnameMismatch])
        #expect(report.problems.first?.detail.contains("DNS:*.example.test") == true)
    }

    @Test func commonNameIsNeverUsed() throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("no-san"), pki.intermediate], host: "no-san.example.test")
        #expect(Self.kinds(report) == [.hostnameMismatch])
        #expect(report.problems.first?.detail.contains("no subjectAlternativeName") == true)
    }

    @Test func selfSignedLeafIsNamedSo() throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("self-signed")])
        #expect(Self.kinds(report) == [.selfSigned])
        #expect(!report.trusted)
        #expect(report.trustPath.isEmpty)
        #expect(report.chain[0].selfIssued)
    }

    @Test func selfSignedLeafThatIsAnAnchorIsTrusted() throws {
        let pki = try Self.pki()
        let trust = try TrustStore(derCertificates: [pki.leaf("self-signed")])
        let report = try Self.analyze([pki.leaf("self-signed")], trust: trust)
        #expect(report.problems == [])
        #expect(report.trusted)
    }

    @Test func missingIntermediateNamesTheIssuer() throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("good")])
        #expect(Self.kinds(report) == [.missingIntermediate])
        #expect(report.problems.first?.detail.contains("'CN=Portcullis Test Intermediate'") == true)
        #expect(!report.trusted)
    }

    @Test func unknownRootIsUntrusted() throws {
        let pki = try Self.pki()
        let trust = try TrustStore(derCertificates: [pki.otherRoot])
        let report = try Self.analyze([pki.leaf("good"), pki.intermediate, pki.root], trust: trust)
        #expect(Self.kinds(report) == [.untrusted])
        #expect(report.problems.first?.certificateIndex == 2)
        #expect(report.problems.first?.detail.contains("not a trust anchor") == true)
    }

    @Test func emptyTrustStoreTrustsNothing() throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("good"), pki.intermediate], trust: TrustStore())
        #expect(Self.kinds(report) == [.untrusted])
        #expect(!report.trusted)
    }

    @Test func outOfOrderChainIsReported() throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("good"), pki.root, pki.intermediate])
        #expect(Self.kinds(report) == [.chainOrder])
        #expect(report.problems.first?.detail.contains("0 → 2 → 1") == true)
        #expect(report.trusted)
    }

    @Test func unrelatedAndDuplicateCertificatesAreReported() throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("good"), pki.intermediate, pki.otherRoot, pki.intermediate])
        #expect(Self.kinds(report) == [.chainOrder, .chainOrder])
        #expect(report.problems.map(\.certificateIndex) == [2, 3])
        #expect(report.problems[0].detail.contains("not part of the chain"))
        #expect(report.problems[1].detail.contains("duplicate"))
    }

    @Test func weakRSAKeyAndSHA1SignatureAreReported() throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("rsa1024-sha1"), pki.rsaIntermediate])
        #expect(Self.kinds(report) == [.weakRSAKey, .weakSignature])
        #expect(report.problems.allSatisfy { $0.certificateIndex == 0 })
        #expect(report.problems[0].detail.contains("1024 bits"))
        #expect(report.problems[1].detail.contains("sha1WithRSAEncryption"))
        #expect(report.chain[0].keyType == "RSA" && report.chain[0].keyBits == 1024)
        #expect(report.trusted, "SHA-1 still verifies; it is reported, not a trust failure")
    }

    @Test func ecdsaWithSHA1IsWeakButVerified() throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("ecdsa-sha1"), pki.intermediate])
        #expect(Self.kinds(report) == [.weakSignature])
        #expect(report.problems.first?.detail == "signed with ecdsa-with-SHA1 (SHA-1 is broken)")
        #expect(report.trusted)
    }

    @Test func md5SignatureIsWeakAndCannotBeVerified() throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("md5"), pki.rsaIntermediate])
        #expect(Self.kinds(report) == [.weakRSAKey, .weakSignature, .untrusted])
        #expect(report.problems[1].detail == "signed with md5WithRSAEncryption (MD5 is broken)")
        #expect(report.problems[2].detail.contains("md5WithRSAEncryption cannot be verified"))
        #expect(!report.trusted)
    }

    @Test func smallCurveIsWeak() throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("p192"), pki.intermediate])
        #expect(Self.kinds(report) == [.weakECKey])
        #expect(report.problems.first?.detail.contains("P-192 (192 bits") == true)
        #expect(report.chain[0].curve == "P-192")
    }

    @Test(arguments: [false, true])
    func mustStapleNeedsAStapledResponse(stapled: Bool) throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("must-staple"), pki.intermediate], staple: stapled)
        #expect(Self.kinds(report) == (stapled ? [] : [.mustStapleWithoutStaple]))
        #expect(report.chain[0].mustStaple)
    }

    @Test(arguments: [("good", false, true), ("good", true, false), ("with-sct", false, false)])
    func certificateTransparency(name: String, sctFromTLS: Bool, reported: Bool) throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf(name), pki.intermediate], sct: sctFromTLS, requireSCT: true)
        #expect(Self.kinds(report) == (reported ? [.noSCT] : []))
        #expect(report.chain[0].embeddedSCTs == (name == "with-sct" ? 2 : 0))
    }

    @Test func leafWithCAFlag() throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("leaf-ca"), pki.intermediate])
        #expect(Self.kinds(report) == [.leafIsCA])
    }

    @Test func intermediateWithoutBasicConstraintsBreaksTrust() throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("under-no-ca"), pki.intermediateWithoutCA])
        #expect(Self.kinds(report) == [.intermediateNotCA])
        #expect(report.problems.first?.certificateIndex == 1)
        #expect(!report.trusted)
    }

    @Test func clientAuthOnlyEKU() throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("client-eku"), pki.intermediate])
        #expect(Self.kinds(report) == [.extendedKeyUsage])
    }

    @Test func keyUsageWithoutDigitalSignatureForEC() throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("key-agreement-only"), pki.intermediate])
        #expect(Self.kinds(report) == [.keyUsage])
    }

    @Test func malformedCertificateIsReportedAndTheRestJudged() throws {
        let pki = try Self.pki()
        var truncated = pki.intermediate
        truncated.removeLast(10)
        let report = try Self.analyze([pki.leaf("good"), [0x30, 0x03, 0x02, 0x01], pki.intermediate, truncated])
        #expect(Self.kinds(report) == [.malformed, .malformed])
        #expect(report.problems.map(\.certificateIndex) == [1, 3])
        #expect(report.trusted)
        #expect(report.chain.map(\.index) == [0, 2])
    }

    @Test func malformedLeaf() throws {
        let report = try Self.analyze([Array("not a certificate".utf8)])
        #expect(Self.kinds(report) == [.malformed])
        #expect(!report.trusted)
        #expect(report.chain.isEmpty)
    }

    @Test func emptyChain() throws {
        let report = try Self.analyze([])
        #expect(Self.kinds(report) == [.emptyChain])
    }

    @Test func hundredCertificateChainIsBounded() throws {
        let pki = try Self.pki()
        var chain = [pki.leaf("good")]
        for index in 0..<99 {
            switch index % 3 {
            case 0: chain.append(pki.intermediate)
            case 1: chain.append(pki.leaf("self-signed"))
            default: chain.append((0..<300).map { _ in UInt8.random(in: 0...255) })
            }
        }
        let started = Date()
        let report = try Self.analyze(chain)
        print("100-certificate chain analysed in \(Int(Date().timeIntervalSince(started) * 1_000)) ms")
        #expect(report.problems.first?.kind == .chainTooLong)
        #expect(report.problems.first?.detail.contains("100 certificates") == true)
        #expect(report.chain.count <= 16)
        #expect(report.trusted)
    }

    @Test func oversizedCertificateIsNotDecoded() throws {
        let pki = try Self.pki()
        let huge = [UInt8](repeating: 0x30, count: CertificateAnalyzer.maximumCertificateBytes + 1)
        let report = try Self.analyze([pki.leaf("good"), huge, pki.intermediate])
        #expect(Self.kinds(report) == [.malformed])
        #expect(report.problems.first?.detail.contains("limit 65536") == true)
        #expect(report.trusted)
    }

    /// Random byte flips, truncations and insertions in real certificates: never a crash, always a report.
    @Test func mutatedCertificatesNeverCrash() throws {
        let pki = try Self.pki()
        let analyzer = CertificateAnalyzer(
            trust: try TrustStore(derCertificates: [pki.root]),
            options: CertificateAnalysisOptions(now: pki.now)
        )
        var generator = SystemRandomNumberGenerator()
        let seeds = [pki.leaf("good"), pki.intermediate, pki.leaf("must-staple"), pki.leaf("with-sct")]
        var malformed = 0
        for iteration in 0..<1_500 {
            var bytes = seeds[iteration % seeds.count]
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[position] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.removeSubrange(position...)
                default: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
                }
                if bytes.isEmpty { bytes = [0x30] }
            }
            let report = analyzer.analyze(
                chain: [bytes, pki.intermediate],
                hostname: "localhost",
                stapledOCSP: false,
                sctFromTLS: false
            )
            if report.problems.contains(where: { $0.kind == .malformed }) { malformed += 1 }
        }
        print("fuzz: 1500 mutated chains, \(malformed) with a malformed certificate")
        #expect(malformed > 100)
    }

    @Test func analysisIsFast() throws {
        let pki = try Self.pki()
        let analyzer = CertificateAnalyzer(
            trust: try pki.withRootPEMFile { try TrustStore.load(pemFiles: [$0]) },
            options: CertificateAnalysisOptions(now: pki.now)
        )
        let chain = [pki.leaf("good"), pki.intermediate]
        let started = Date()
        var trusted = 0
        for _ in 0..<200 {
            let report = analyzer.analyze(chain: chain, hostname: "localhost", stapledOCSP: false, sctFromTLS: false)
            if report.trusted { trusted += 1 }
        }
        let perChain = Date().timeIntervalSince(started) / 200 * 1_000_000
        print("analysis of a 2-certificate ECDSA chain: \(Int(perChain)) µs each")
        #expect(trusted == 200)
    }

    @Test func reportRoundTripsThroughJSON() throws {
        let pki = try Self.pki()
        let report = try Self.analyze([pki.leaf("rsa1024-sha1")], requireSCT: true)
        let data = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(CertificateReport.self, from: data) == report)
    }
}
