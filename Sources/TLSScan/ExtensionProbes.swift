import TLSProbe

/// The probes that need to know which versions and suites work: key-exchange groups, ALPN, compression and the
/// fallback SCSV. Each is a short sequential chain; independent chains run concurrently.
struct ExtensionProbes: Sendable {
    let session: ProbeSession
    let hellos: HelloFactory
    let registry: CipherSuiteRegistry

    /// TLS 1.3 groups: offers the remaining candidates (X25519 share if still offered, else none), records the group
    /// of the ServerHello or HelloRetryRequest, removes it, repeats. `seed` is the group already seen.
    func tls13Groups(seed: UInt16?, suites: [UInt16]) async -> [UInt16] {
        var remaining = HelloFactory.tls13Groups
        var accepted: [UInt16] = []
        if let seed, remaining.contains(seed) {
            accepted.append(seed)
            remaining.removeAll { $0 == seed }
        }
        while !remaining.isEmpty, accepted.count < HelloFactory.tls13Groups.count {
            let group: UInt16?
            switch await session.send(hellos.tls13(suites: suites, groups: remaining), purpose: "TLSv1.3 groups") {
            case .hello(let hello, _) where hello.negotiatedVersion == .tls13: group = hello.keyShareGroup
            case .retry(let hello): group = hello.keyShareGroup
            default: group = nil
            }
            guard let group else { break }
            guard remaining.contains(group) else {
                await session.log.note("TLSv1.3 groups: server chose \(hex(group)), which was not offered")
                break
            }
            accepted.append(group)
            remaining.removeAll { $0 == group }
        }
        return accepted
    }

    /// TLS ≤ 1.2 ECDHE curves: offers only ECDHE suites with the remaining curves, reads the curve from the
    /// ServerKeyExchange, removes it, repeats. `seed` holds curves already seen in the suite enumeration.
    ///
    /// An ECDSA server also needs its certificate's curve in the list (RFC 8422 §5.1), so once a clean offer is
    /// refused and ECDSA suites are involved, the accepted curves are appended after the remaining ones: a pick
    /// among the remaining is new, a pick of an accepted one ends the search.
    func ecdheCurves(version: TLSVersion, suites: [UInt16], seed: [UInt16]) async -> [UInt16] {
        var accepted: [UInt16] = []
        for curve in seed where !accepted.contains(curve) { accepted.append(curve) }
        var remaining = HelloFactory.legacyCurves.filter { !accepted.contains($0) }
        let ecdsa = suites.contains { registry[$0]?.authentication == "ECDSA" }
        var appendAccepted = false
        while !remaining.isEmpty, !suites.isEmpty, accepted.count < HelloFactory.legacyCurves.count {
            let offer = appendAccepted ? remaining + accepted : remaining
            let hello = hellos.legacy(version, suites: suites, groups: offer)
            let reply = await session.send(hello, purpose: "\(version) curves")
            guard case .hello(let answer, let flight) = reply, answer.negotiatedVersion == version,
                let curve = Self.namedCurve(flight)
            else {
                guard case .alert = reply, ecdsa, !appendAccepted, !accepted.isEmpty else { break }
                appendAccepted = true
                continue
            }
            if accepted.contains(curve), appendAccepted { break }
            guard remaining.contains(curve) else {
                await session.log.note("\(version) curves: server chose \(hex(curve)), which was not offered")
                break
            }
            accepted.append(curve)
            remaining.removeAll { $0 == curve }
        }
        return accepted
    }

    /// Whether the server selects `proto` when it is the only ALPN protocol offered.
    func selectsALPN(_ proto: String, version: TLSVersion, suites: [UInt16]) async -> Bool {
        let hello = hellos.legacy(version, suites: suites) { $0.alpnProtocols = [proto] }
        guard case .hello(let answer, _) = await session.send(hello, purpose: "ALPN \(proto)") else { return false }
        return answer.alpnProtocol == proto
    }

    /// Whether the server chooses DEFLATE when it is offered before null (CRIME).
    func choosesCompression(version: TLSVersion, suites: [UInt16]) async -> Bool {
        let hello = hellos.legacy(version, suites: suites) { $0.compressionMethods = [1, 0] }
        guard case .hello(let answer, _) = await session.send(hello, purpose: "compression") else { return false }
        return answer.compressionMethod == 1
    }

    /// Offers `version` (below the server's best) with TLS_FALLBACK_SCSV.
    func fallback(version: TLSVersion, suites: [UInt16]) async -> FallbackSCSVResult {
        let hello = hellos.legacy(version, suites: suites) { $0.fallbackSCSV = true }
        switch await session.send(hello, purpose: "fallback SCSV") {
        case .alert(let alert) where alert.descriptionCode == TLSAlert.inappropriateFallback:
            return .rejectsDowngrade
        case .hello:
            return .acceptsDowngrade
        case let other:
            await session.log.note("fallback SCSV at \(version): \(other.summary)")
            return .inconclusive
        }
    }

    /// The named curve of an ECDHE ServerKeyExchange, if the flight has one.
    static func namedCurve(_ flight: ServerFlight) -> UInt16? {
        guard let body = flight.serverKeyExchange,
            case .namedCurve(let curve) = try? ServerKeyExchange.parse(body, isECDHE: true)
        else { return nil }
        return curve
    }
}
