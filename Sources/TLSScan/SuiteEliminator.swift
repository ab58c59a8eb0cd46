import TLSProbe

/// What offering a list of suites and removing each chosen one until the server refuses produced.
struct Elimination: Sendable {
    /// Suites the server chose, in the order it chose them.
    var chosen: [UInt16] = []
    /// The flights of the accepted handshakes (certificates, key exchange, extensions).
    var flights: [ServerFlight] = []
    /// TLS 1.3: the key-share group of the first answer.
    var firstGroup: UInt16?
    /// What ended the loop: "alert handshake_failure", "answered with TLSv1.0", "timed out after 0 bytes", ….
    var stop = ""
    /// Whether the version itself was refused before any suite was accepted.
    var versionRefused = false
    /// Whether the loop ended without an alert and without any accepted suite (garbage, timeout, reset…).
    var unanswered = false
}

/// The elimination loop of suite enumeration: offer the remaining candidates, note the server's choice, remove
/// it, repeat until the server refuses. Costs one handshake per accepted suite plus one.
struct SuiteEliminator: Sendable {
    let session: ProbeSession
    let hellos: HelloFactory

    /// The hello offering `suites` at `version` (TLS 1.3 through `supported_versions`).
    func hello(_ version: TLSVersion, _ suites: [UInt16]) -> [UInt8] {
        version == .tls13 ? hellos.tls13(suites: suites) : hellos.legacy(version, suites: suites)
    }

    /// Runs the loop over `candidates`, stopping early once `limit` suites were chosen.
    func run(_ version: TLSVersion, candidates: [UInt16], limit: Int? = nil) async -> Elimination {
        var result = Elimination()
        var remaining = candidates
        let limit = limit ?? candidates.count
        while !remaining.isEmpty, result.chosen.count < limit {
            let reply = await session.send(hello(version, remaining), purpose: "\(version) suites")
            let chosen: ServerHello
            switch reply {
            case .hello(let hello, let flight):
                guard hello.negotiatedVersion == version else {
                    result.stop = "answered with \(hello.negotiatedVersion)"
                    result.versionRefused = result.chosen.isEmpty
                    return result
                }
                result.flights.append(flight)
                chosen = hello
            case .retry(let hello) where version == .tls13:
                chosen = hello
            case .alert(let alert):
                result.stop = "alert \(alert.descriptionName)"
                result.versionRefused = result.chosen.isEmpty && alert.descriptionCode == TLSAlert.protocolVersion
                return result
            default:
                result.stop = reply.summary
                result.unanswered = result.chosen.isEmpty
                return result
            }
            guard remaining.contains(chosen.cipherSuite) else {
                result.stop = "chose \(hex(chosen.cipherSuite)), which was not offered"
                await session.log.note("\(version) suites: server \(result.stop)")
                return result
            }
            if result.firstGroup == nil { result.firstGroup = chosen.keyShareGroup }
            result.chosen.append(chosen.cipherSuite)
            remaining.removeAll { $0 == chosen.cipherSuite }
        }
        return result
    }

    /// The suite the server picks from `suites` offered in this order, or nil if it refuses or misbehaves.
    func pick(_ version: TLSVersion, from suites: [UInt16]) async -> UInt16? {
        switch await session.send(hello(version, suites), purpose: "\(version) preference") {
        case .hello(let hello, _) where hello.negotiatedVersion == version && suites.contains(hello.cipherSuite):
            hello.cipherSuite
        case .retry(let hello) where version == .tls13 && suites.contains(hello.cipherSuite):
            hello.cipherSuite
        default:
            nil
        }
    }
}
