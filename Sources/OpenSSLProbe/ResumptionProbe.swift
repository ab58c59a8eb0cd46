import COpenSSL

/// Session-ID, RFC 5077 ticket and TLS 1.3 ticket resumption, each proven by resuming in a second connection.
struct ResumptionProbe {
    let environment: ProbeEnvironment

    /// Runs the three mechanisms one after the other (each pair runs even if an earlier one failed); a mechanism
    /// whose protocol the server does not speak is false without an error.
    func run() -> ResumptionReport {
        var legacy = ConnectionSettings()
        legacy.maximumVersion = TLS1_2_VERSION
        legacy.tickets = false
        let sessionID = resumes(legacy) { $0.hasSessionID }
        legacy.tickets = true
        let ticket = resumes(legacy) { $0.hasTicket }
        var modern = ConnectionSettings()
        modern.minimumVersion = TLS1_3_VERSION
        let tls13 = resumes(modern) { $0.hasTicket }
        return ResumptionReport(
            sessionID: sessionID.resumed,
            ticket: ticket.resumed,
            tls13Ticket: tls13.resumed,
            error: (sessionID.failure ?? ticket.failure ?? tls13.failure)?.description
        )
    }

    /// Whether a session from a first connection (if `usable`) is resumed by a second one with the same settings.
    private func resumes(
        _ settings: ConnectionSettings,
        usable: (TLSSession) -> Bool
    ) -> (resumed: Bool, failure: ProbeFailure?) {
        do {
            let first = try environment.connect(settings)
            try first.handshake()
            _ = first.awaitTicket(wait: environment.options.ticketWait)
            let session = first.session
            first.shutdown()
            guard let session, usable(session) else { return (false, nil) }
            var again = settings
            again.session = session
            let second = try environment.connect(again)
            try second.handshake()
            let resumed = second.sessionReused
            second.shutdown()
            return (resumed, nil)
        } catch {
            return (false, error.isProtocolVersionRefusal ? nil : error)
        }
    }
}
