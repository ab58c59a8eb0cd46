public import TLSProbe

/// Learns everything a ClientHello / first-flight exchange can tell about a TLS server, without any cryptography:
/// protocol versions, every accepted cipher suite per version with the server's preference, key-exchange groups,
/// extensions, and the certificate chain sent in clear.
///
/// Phase one runs SSLv2 detection and the suite enumeration of every version concurrently (TLS 1.3 followed by its
/// groups); phase two, which needs phase one's answers, runs server preference, ECDHE curves, ALPN, compression and
/// the fallback SCSV concurrently. All connections to the host go through one limiter (`concurrentConnections`).
/// A typical modern host costs about 30–40 handshakes.
public struct RawTLSEnumerator: Sendable {
    /// The per-connection and per-host bounds.
    public var limits: ProbeLimits
    /// The cipher suites enumerated (the full IANA registry from `Rules/tls-cipher-suites.tsv`).
    public var registry: CipherSuiteRegistry

    /// Creates an enumerator.
    public init(limits: ProbeLimits = .init(), registry: CipherSuiteRegistry) {
        self.limits = limits
        self.registry = registry
    }

    /// Probes `target` and returns what it learned; never throws: failures become notes and `false`/nil values.
    public func enumerate(_ target: ProbeTarget) async -> TLSEnumeration {
        let session = ProbeSession(
            target: target,
            transport: HandshakeTransport(limits: limits),
            limiter: ConnectionLimiter(permits: limits.concurrentConnections),
            log: ProbeLog()
        )
        let hellos = HelloFactory(serverName: target.serverName)
        let eliminator = SuiteEliminator(session: session, hellos: hellos)
        let probes = ExtensionProbes(session: session, hellos: hellos, registry: registry)

        // Phase one: versions and suites.
        async let tls13Scan = scan(.tls13, eliminator)
        async let tls12Scan = scan(.tls12, eliminator)
        async let tls11Scan = scan(.tls11, eliminator)
        async let tls10Scan = scan(.tls10, eliminator)
        async let ssl3Scan = scan(.ssl3, eliminator)
        async let sslv2 = probeSSLv2(session, hellos)
        let tls13 = await tls13Scan
        async let groups =
            tls13.supported
            ? probes.tls13Groups(seed: tls13.parts.first?.firstGroup, suites: tls13.candidates) : []
        let scans = await [ssl3Scan, tls10Scan, tls11Scan, tls12Scan, tls13]

        var result = TLSEnumeration()
        result.protocols =
            [await sslv2]
            + scans.map { ProtocolSupport(version: $0.version, supported: $0.supported, note: $0.note) }

        // Phase two: what needs phase one's answers.
        let supported = scans.filter(\.supported)
        let legacy = supported.filter { $0.version <= .tls12 }
        let best = legacy.last
        let flights = legacy.flatMap(\.flights)
        let ecdheSuites = best?.accepted.filter { kind(of: $0) == .ecdhe } ?? []
        let curveSeed = best?.flights.filter { kind(of: $0) == .ecdhe }.compactMap(ExtensionProbes.namedCurve) ?? []

        async let preferences = withTaskGroup(of: (Int, ProtocolSuites).self) { group in
            for (index, scan) in supported.enumerated() {
                group.addTask { (index, await scan.preference(eliminator: eliminator)) }
            }
            var collected: [(Int, ProtocolSuites)] = []
            for await entry in group { collected.append(entry) }
            return collected.sorted { $0.0 < $1.0 }.map(\.1)
        }
        async let curves = onBest(best, []) {
            await probes.ecdheCurves(version: $0.version, suites: ecdheSuites, seed: curveSeed)
        }
        async let h2 = onBest(best, false) { await probes.selectsALPN("h2", version: $0.version, suites: $0.accepted) }
        async let http11 = onBest(best, false) {
            await probes.selectsALPN("http/1.1", version: $0.version, suites: $0.accepted)
        }
        async let compression = onBest(best, false) {
            await probes.choosesCompression(version: $0.version, suites: $0.accepted)
        }
        async let fallback = fallbackSCSV(supported, probes)

        result.suites = await preferences
        result.tls13Groups = await groups
        result.ecdheCurves = ecdheSuites.isEmpty ? [] : await curves
        result.alpn = [await h2 ? "h2" : nil, await http11 ? "http/1.1" : nil].compactMap { $0 }
        result.compression = await compression
        result.fallbackSCSV = await fallback
        if best == nil, tls13.supported {
            await session.log.note("ALPN, OCSP stapling and extensions not observable: TLS 1.3 only (encrypted)")
        }
        summarise(flights, best: best, into: &result)
        result.handshakes = await session.log.handshakes
        result.notes = await session.log.finalNotes
        return result
    }

    /// Runs `probe` on the best TLS ≤ 1.2 version, or returns `fallback` when there is none.
    private func onBest<T: Sendable>(
        _ best: VersionScan?,
        _ fallback: T,
        _ probe: @Sendable (VersionScan) async -> T
    ) async -> T {
        guard let best else { return fallback }
        return await probe(best)
    }

    private func scan(_ version: TLSVersion, _ eliminator: SuiteEliminator) async -> VersionScan {
        await VersionScan.run(
            version,
            candidates: VersionScan.candidates(for: version, registry: registry),
            chunkSize: limits.suitesPerHello,
            eliminator: eliminator
        )
    }

    private func probeSSLv2(_ session: ProbeSession, _ hellos: HelloFactory) async -> ProtocolSupport {
        let reply = await session.send(hellos.sslv2(), purpose: "SSLv2")
        if case .sslv2(let hello) = reply, hello.version == .ssl2 {
            return ProtocolSupport(version: .ssl2, supported: true, note: "\(hello.cipherKinds.count) cipher kinds")
        }
        return ProtocolSupport(version: .ssl2, supported: false, note: reply.summary)
    }

    private func fallbackSCSV(_ supported: [VersionScan], _ probes: ExtensionProbes) async -> FallbackSCSVResult {
        guard supported.count >= 2 else { return .notApplicable }
        let lower = supported[supported.count - 2]
        return await probes.fallback(version: lower.version, suites: lower.accepted)
    }

    /// Extensions, chain, stapled response and DH size from the accepted TLS ≤ 1.2 flights.
    private func summarise(_ flights: [ServerFlight], best: VersionScan?, into result: inout TLSEnumeration) {
        let hellos = flights.compactMap(Self.serverHello)
        let bestHellos = best?.flights.compactMap(Self.serverHello) ?? []
        result.sessionTicket = hellos.contains { $0.sessionTicket }
        result.sctExtension = hellos.contains { $0.hasExtension(TLSExtensionType.signedCertificateTimestamp) }
        result.secureRenegotiation = bestHellos.isEmpty ? nil : bestHellos.allSatisfy { $0.renegotiationInfo != nil }
        result.extendedMasterSecret = bestHellos.isEmpty ? nil : bestHellos.contains { $0.extendedMasterSecret }
        let cbc = hellos.filter { registry[$0.cipherSuite]?.flags.contains(.cbc) ?? false }
        result.encryptThenMAC = cbc.isEmpty ? nil : cbc.contains { $0.encryptThenMAC }
        result.stapledOCSPResponse = flights.lazy.compactMap(\.certificateStatus).first
        result.ocspStapled = result.stapledOCSPResponse != nil
        let ordered = (best?.flights ?? []) + flights
        result.certificateChain = ordered.lazy.compactMap(\.certificates).first { !$0.isEmpty } ?? []
        let primes = flights.filter { kind(of: $0) == .dhe }.compactMap { flight -> Int? in
            guard let body = flight.serverKeyExchange,
                case .finiteField(let bits) = try? ServerKeyExchange.parse(body, isECDHE: false)
            else { return nil }
            return bits
        }
        result.dhPrimeBits = primes.min()
    }

    private static func serverHello(_ flight: ServerFlight) -> ServerHello? {
        if case .serverHello(let hello) = flight.response { return hello }
        return nil
    }

    private enum KeyExchangeKind { case ecdhe, dhe, other }

    private func kind(of flight: ServerFlight) -> KeyExchangeKind {
        guard let hello = Self.serverHello(flight) else { return .other }
        return kind(of: hello.cipherSuite)
    }

    /// Ephemeral (EC)DH suites, anonymous ones included, whose ServerKeyExchange carries the group.
    private func kind(of code: UInt16) -> KeyExchangeKind {
        guard let suite = registry[code] else { return .other }
        switch (suite.keyExchange, suite.authentication) {
        case ("ECDHE", _), ("ECDH", "anon"): return .ecdhe
        case ("DHE", _), ("DH", "anon"): return .dhe
        default: return .other
        }
    }
}
