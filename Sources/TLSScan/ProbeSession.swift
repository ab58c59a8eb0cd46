import TLSProbe

/// The per-host context every probe goes through: the transport, the connection limit, the log.
struct ProbeSession: Sendable {
    let target: ProbeTarget
    let transport: HandshakeTransport
    let limiter: ConnectionLimiter
    let log: ProbeLog

    /// Sends `hello` within the connection limit, counts it, and notes anything abnormal under `purpose`.
    func send(_ hello: [UInt8], purpose: String) async -> ProbeReply {
        await limiter.acquire()
        let outcome = await transport.exchange(hello, with: target)
        await limiter.release()
        await log.countHandshake()
        let reply = ProbeReply(outcome)
        switch outcome {
        case .flight(let flight):
            if case .failure(let reason) = reply { await log.note("\(purpose): \(reason)") }
            if let problem = flight.note { await log.note("\(purpose): \(problem)") }
            if flight.response != nil, !flight.isComplete, case .hello = reply {
                await log.note("\(purpose): first flight incomplete (no ServerHelloDone)")
            }
        case .closedWithoutAnswer:
            break
        default:
            await log.note("\(purpose): \(outcome.summary)")
        }
        return reply
    }
}
