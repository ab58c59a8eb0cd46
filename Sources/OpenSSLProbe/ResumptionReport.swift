/// Which session resumption mechanisms the server honours, each proven by a resumed second handshake.
public struct ResumptionReport: Sendable, Hashable, Codable {
    /// Session-ID resumption (tickets off, TLS ≤ 1.2) worked.
    public var sessionID: Bool
    /// RFC 5077 session-ticket resumption (TLS ≤ 1.2) worked.
    public var ticket: Bool
    /// TLS 1.3 resumption with a NewSessionTicket (PSK, stateless or stateful) worked.
    public var tls13Ticket: Bool
    /// The first connection failure met, if any, for scan notes.
    public var error: String?

    /// Creates a report.
    public init(sessionID: Bool, ticket: Bool, tls13Ticket: Bool, error: String? = nil) {
        self.sessionID = sessionID
        self.ticket = ticket
        self.tls13Ticket = tls13Ticket
        self.error = error
    }
}
