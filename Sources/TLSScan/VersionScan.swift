import TLSProbe

/// Suite enumeration of one protocol version: candidates split into chunks of at most `suitesPerHello`, each
/// chunk eliminated on its own.
struct VersionScan: Sendable {
    let version: TLSVersion
    /// Candidates in offer order.
    let candidates: [UInt16]
    /// One elimination per chunk that was tried, in chunk order.
    var parts: [Elimination]

    /// Accepted suites, in offer order within each chunk.
    var accepted: [UInt16] { parts.flatMap(\.chosen) }
    /// Accepted handshakes' flights.
    var flights: [ServerFlight] { parts.flatMap(\.flights) }
    /// Whether any suite was accepted at exactly this version.
    var supported: Bool { !accepted.isEmpty }
    /// Why the version is unsupported (the first chunk's ending).
    var note: String? { supported ? nil : parts.first?.stop }

    /// Candidates usable in `version` (the whole IANA registry), most commonly deployed first so the first chunk
    /// usually holds every suite a modern server accepts: AEAD with forward secrecy, then forward secrecy, then
    /// suites OpenSSL names, then the rest, registry order within each rank.
    static func candidates(for version: TLSVersion, registry: CipherSuiteRegistry) -> [UInt16] {
        func rank(_ suite: CipherSuite) -> Int {
            if suite.flags.contains(.aead) && suite.flags.contains(.forwardSecrecy) { return 0 }
            if suite.flags.contains(.forwardSecrecy) { return 1 }
            return suite.openSSLName == nil ? 3 : 2
        }
        return registry.suites(for: version).enumerated()
            .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element.code)
    }

    /// Eliminates the first chunk; unless the version was refused or the server did not answer, eliminates the other
    /// chunks concurrently.
    static func run(
        _ version: TLSVersion,
        candidates: [UInt16],
        chunkSize: Int,
        eliminator: SuiteEliminator
    ) async -> VersionScan {
        let size = max(1, chunkSize)
        let chunks = stride(from: 0, to: candidates.count, by: size).map {
            Array(candidates[$0..<min($0 + size, candidates.count)])
        }
        guard let firstChunk = chunks.first else { return VersionScan(version: version, candidates: [], parts: []) }
        let first = await eliminator.run(version, candidates: firstChunk)
        var parts = [first]
        if !first.versionRefused, !first.unanswered, chunks.count > 1 {
            let rest = await withTaskGroup(of: (Int, Elimination).self) { group in
                for (index, chunk) in chunks.enumerated().dropFirst() {
                    group.addTask { (index, await eliminator.run(version, candidates: chunk)) }
                }
                var results: [(Int, Elimination)] = []
                for await result in group { results.append(result) }
                return results.sorted { $0.0 < $1.0 }.map(\.1)
            }
            parts += rest
        }
        return VersionScan(version: version, candidates: candidates, parts: parts)
    }

    /// Server preference: compares the pick from the accepted suites in offer order with the pick from the reversed
    /// order, and orders the suites by the server's preference when it has one. One to two handshakes, plus one per
    /// accepted suite when the accepted suites came from several chunks and the server has an order.
    func preference(eliminator: SuiteEliminator) async -> ProtocolSuites {
        let accepted = accepted
        guard accepted.count >= 2 else {
            return ProtocolSuites(version: version, suites: accepted, serverPreference: nil, preferredSuite: nil)
        }
        let contributing = parts.filter { !$0.chosen.isEmpty }
        let singleChunk = contributing.count == 1
        let forward: UInt16?
        if singleChunk {
            forward = contributing[0].chosen.first
        } else {
            forward = await eliminator.pick(version, from: accepted)
        }
        let backward = await eliminator.pick(version, from: accepted.reversed())
        let serverPreference: Bool?
        if let forward, forward == backward {
            serverPreference = true
        } else if forward == accepted.first, backward == accepted.last {
            serverPreference = false
        } else {
            serverPreference = nil
            let picks = [forward, backward].map { $0.map(hex) ?? "none" }.joined(separator: "/")
            await eliminator.session.log.note("\(version) preference: contradictory picks \(picks)")
        }
        guard serverPreference == true else {
            return ProtocolSuites(
                version: version,
                suites: accepted,
                serverPreference: serverPreference,
                preferredSuite: nil
            )
        }
        var order = contributing[0].chosen
        if !singleChunk {
            order = await eliminator.run(version, candidates: accepted, limit: accepted.count - 1).chosen
            order += accepted.filter { !order.contains($0) }
        }
        return ProtocolSuites(version: version, suites: order, serverPreference: true, preferredSuite: forward)
    }
}
