import COpenSSL

/// TLS 1.3 0-RTT: take a ticket, then resume with early data and ask libssl whether the server accepted it.
struct EarlyDataProbe {
    let environment: ProbeEnvironment

    /// A harmless request sent as early data.
    static let request = Array("GET / HTTP/1.0\r\n\r\n".utf8)

    /// Runs the two connections.
    func run() -> EarlyDataResult {
        let session: TLSSession
        do {
            let first = try environment.connect()
            try first.handshake()
            guard first.versionNumber == TLS1_3_VERSION else {
                first.shutdown()
                return .notApplicable
            }
            let ticket = first.awaitTicket(wait: environment.options.ticketWait)
            let current = first.session
            first.shutdown()
            guard ticket, let current, current.maximumEarlyData > 0 else { return .notOffered }
            session = current
        } catch {
            return .failed
        }
        var settings = ConnectionSettings()
        settings.session = session
        do {
            let second = try environment.connect(settings)
            try second.handshake(earlyData: Self.request)
            let status = second.earlyDataStatus
            second.shutdown()
            switch status {
            case SSL_EARLY_DATA_ACCEPTED: return .accepted
            case SSL_EARLY_DATA_REJECTED: return .rejected
            default: return .notOffered
            }
        } catch {
            return .failed
        }
    }
}
