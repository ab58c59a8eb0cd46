import CertificateAnalysis
import Foundation
import OpenSSLProbe
import PortcullisCore
import TLSChecks
import TLSProbe
import TLSScan

/// What the TLS host probe needs, loaded once per scan from the rules folder and the plan: the cipher-suite
/// registry, the chosen Mozilla profile, and the trust anchors (system store plus `--ca-file`).
struct TLSSetup: Sendable {
    let scanner: TLSHostScanner
    let judge: TLSJudge

    /// Loads the registry and profile from the catalog's folder and the trust store; any problem is a
    /// configuration error naming the file.
    init(catalog: RuleCatalog, plan: ScanPlan) throws(PortcullisError) {
        guard let directory = catalog.directory else {
            throw PortcullisError(.invalidConfiguration, "the TLS probe needs a rules folder (cipher suites, profiles)")
        }
        let registryFile = directory.appendingPathComponent("tls-cipher-suites.tsv")
        let registry: CipherSuiteRegistry
        do {
            registry = try CipherSuiteRegistry.load(file: registryFile)
        } catch {
            throw PortcullisError(.invalidRuleFile, "\(error)", file: registryFile.path)
        }
        let profiles = try TLSProfile.loadAll(rulesDirectory: directory, registry: registry)
        guard let profile = profiles[plan.tls.profile] else {
            throw PortcullisError(
                .invalidConfiguration,
                "unknown TLS profile '\(plan.tls.profile)' (known: \(profiles.keys.sorted().joined(separator: ", ")))"
            )
        }
        var bundles: [String] = []
        if FileManager.default.isReadableFile(atPath: TrustStore.systemBundlePath) {
            bundles.append(TrustStore.systemBundlePath)
        }
        if let caFile = plan.caFile { bundles.append(caFile) }
        let trust: TrustStore
        let privateAnchors: TrustStore?
        do {
            trust = bundles.isEmpty ? TrustStore() : try TrustStore.load(pemFiles: bundles)
            privateAnchors = try plan.caFile.map { try TrustStore.load(pemFiles: [$0]) }
        } catch {
            throw PortcullisError(.invalidConfiguration, "trust anchors: \(error)", file: plan.caFile)
        }
        let timeout = min(plan.limits.connectTimeout, 5)
        scanner = TLSHostScanner(
            registry: registry,
            trust: trust,
            privateAnchors: privateAnchors,
            limits: ProbeLimits(
                concurrentConnections: plan.tls.connectionsPerHost,
                connectTimeout: .seconds(timeout),
                handshakeTimeout: .seconds(timeout)
            ),
            openSSLOptions: OpenSSLProbeOptions(timeout: timeout, caFile: plan.caFile),
            certificateOptions: CertificateAnalysisOptions(expiryWarningDays: plan.tls.expiryWarningDays)
        )
        judge = TLSJudge(registry: registry, profile: profile)
    }

    /// The probe for one scan, connecting only where `policy` allows.
    func probe(policy: AddressPolicy) -> TLSHostProbe {
        TLSHostProbe(scanner: scanner, judge: judge, policy: policy)
    }
}
