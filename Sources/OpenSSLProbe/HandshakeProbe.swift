/// One full handshake with verification and OCSP stapling requested: the facts of `HandshakeReport`.
struct HandshakeProbe {
    let environment: ProbeEnvironment

    /// Connects, completes the handshake and reads everything off the connection.
    func run() -> HandshakeReport {
        var settings = ConnectionSettings()
        settings.verify = true
        settings.requestOCSP = true
        settings.alpn = ["h2", "http/1.1"]
        let connection: TLSConnection
        do {
            connection = try environment.connect(settings)
        } catch {
            return HandshakeReport(error: error.description)
        }
        do {
            try connection.handshake()
        } catch {
            return HandshakeReport(verificationErrors: connection.verificationErrors, error: error.description)
        }
        let ticket = connection.awaitTicket(wait: environment.options.ticketWait)
        let stapled = connection.stapledOCSP
        let cipher = connection.cipher
        let report = HandshakeReport(
            version: connection.versionName,
            cipher: cipher?.name,
            cipherSuite: cipher?.code,
            verificationErrors: connection.verificationErrors,
            peerChain: connection.peerChain,
            stapledOCSP: stapled,
            ocspCertificateStatus: stapled.flatMap(OCSPStatus.certificateStatus),
            secureRenegotiation: connection.secureRenegotiation,
            sessionTicketIssued: ticket,
            alpn: connection.selectedALPN
        )
        connection.shutdown()
        return report
    }
}
