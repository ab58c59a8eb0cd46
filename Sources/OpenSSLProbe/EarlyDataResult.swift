/// Whether the server accepts TLS 1.3 early data (0-RTT, replayable) on a resumed session.
public enum EarlyDataResult: String, Sendable, Codable {
    /// Early data sent with a resumed session was accepted.
    case accepted
    /// The server offered early data in its ticket but rejected it when sent.
    case rejected
    /// No ticket arrived, or its `max_early_data` is 0.
    case notOffered
    /// The server does not negotiate TLS 1.3.
    case notApplicable
    /// The probe could not tell (a handshake failed or timed out).
    case failed
}
