public import CertificateAnalysis
import Foundation
public import OpenSSLProbe
import PortcullisCore
public import TLSProbe

/// Everything the TLS host probe learned about one origin: the raw enumeration, the completed-handshake probes
/// and the certificate analysis, plus what it cost.
public struct TLSHostScan: Sendable, Hashable {
    /// Where the probe connected.
    public var target: ProbeTarget
    /// Protocols, suites, groups and extensions from raw ClientHello probes.
    public var enumeration: TLSEnumeration
    /// The verified handshake through libssl (chain, verification errors, stapled OCSP).
    public var handshake: HandshakeReport
    /// Session-id and ticket resumption.
    public var resumption: ResumptionReport
    /// Client-initiated renegotiation.
    public var renegotiation: RenegotiationResult
    /// TLS 1.3 0-RTT acceptance.
    public var earlyData: EarlyDataResult
    /// The chain judged, nil when the server sent none.
    public var certificate: CertificateReport?
    /// Whether the chain is publicly trusted: it leads to a system anchor, not only to a `--ca-file` anchor.
    /// Certificate Transparency and OCSP stapling are expected of public certificates only.
    public var publicPKI: Bool
    /// Connections made, raw and libssl together.
    public var handshakes: Int
    /// Wall time of the whole probe, in seconds.
    public var seconds: Double
}

/// Runs the complete TLS host probe on one origin: raw enumeration and libssl probes side by side within the
/// per-host connection limit, then the certificate analysis of the chain the server sent.
public struct TLSHostScanner: Sendable {
    /// The suite registry the enumeration offers from.
    public let registry: CipherSuiteRegistry
    /// Trust anchors: the system store plus any `--ca-file`.
    public let trust: TrustStore
    /// The `--ca-file` anchors alone, to tell a private PKI from a public one.
    public let privateAnchors: TrustStore?
    /// Limits for the raw probes; one of the per-host connections is kept for the libssl probes.
    public let limits: ProbeLimits
    /// libssl probe options (timeout, extra CA file).
    public let openSSLOptions: OpenSSLProbeOptions
    /// Certificate thresholds (expiry window, key sizes).
    public let certificateOptions: CertificateAnalysisOptions

    /// Creates a scanner.
    public init(
        registry: CipherSuiteRegistry,
        trust: TrustStore,
        privateAnchors: TrustStore? = nil,
        limits: ProbeLimits = ProbeLimits(),
        openSSLOptions: OpenSSLProbeOptions = OpenSSLProbeOptions(),
        certificateOptions: CertificateAnalysisOptions = CertificateAnalysisOptions()
    ) {
        self.registry = registry
        self.trust = trust
        self.privateAnchors = privateAnchors
        self.limits = limits
        self.openSSLOptions = openSSLOptions
        self.certificateOptions = certificateOptions
    }

    /// Probes `target` completely; never throws: what failed is in the enumeration's notes and the reports' errors.
    public func scan(_ target: ProbeTarget) async -> TLSHostScan {
        let clock = ContinuousClock()
        let start = clock.now
        var rawLimits = limits
        rawLimits.concurrentConnections = max(1, limits.concurrentConnections - 1)
        let enumerator = RawTLSEnumerator(limits: rawLimits, registry: registry)
        let prober = OpenSSLProber(options: openSSLOptions)
        let endpoint = OpenSSLEndpoint(serverName: target.serverName, address: target.address, port: target.port)
        // The libssl probes share one lane, one connection at a time, beside the raw probes, so the host sees at
        // most the limit; with a limit of one everything runs in turn.
        let sequential = limits.concurrentConnections <= 1
        let early = sequential ? await enumerator.enumerate(target) : nil
        async let concurrent = sequential ? nil : enumerator.enumerate(target)
        let handshake = await prober.handshake(endpoint)
        let reachable = handshake.version != nil
        let resumption =
            reachable
            ? await prober.resumption(endpoint) : ResumptionReport(sessionID: false, ticket: false, tls13Ticket: false)
        let earlyData = reachable ? await prober.earlyData(endpoint) : .failed
        let enumeration = await concurrent ?? early ?? TLSEnumeration()
        // Renegotiation goes last: a refused renegotiation leaves some servers (OpenSSL's s_server) busy for a
        // second, which would stall every probe queued behind it.
        let renegotiation = reachable ? await prober.clientRenegotiation(endpoint) : .failed

        let chain = handshake.peerChain.isEmpty ? enumeration.certificateChain : handshake.peerChain
        let stapled = handshake.stapledOCSP != nil || enumeration.ocspStapled
        var certificate: CertificateReport? =
            chain.isEmpty
            ? nil
            : CertificateAnalyzer(trust: trust, options: certificateOptions).analyze(
                chain: chain,
                hostname: target.serverName,
                stapledOCSP: stapled,
                sctFromTLS: enumeration.sctExtension
            )
        var publicPKI = certificate?.trusted ?? false
        if publicPKI, let privateAnchors,
            CertificateAnalyzer(trust: privateAnchors, options: certificateOptions).analyze(
                chain: chain,
                hostname: target.serverName,
                stapledOCSP: stapled,
                sctFromTLS: enumeration.sctExtension
            ).trusted
        {
            publicPKI = false
        }
        if !publicPKI { certificate?.problems.removeAll { $0.kind == .noSCT } }
        return TLSHostScan(
            target: target,
            enumeration: enumeration,
            handshake: handshake,
            resumption: resumption,
            renegotiation: renegotiation,
            earlyData: earlyData,
            certificate: certificate,
            publicPKI: publicPKI,
            handshakes: enumeration.handshakes + prober.handshakeCount,
            seconds: (clock.now - start).seconds
        )
    }
}
