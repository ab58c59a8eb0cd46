public import TLSProbe

/// What one ClientHello exchange produced, before any interpretation.
public enum HandshakeOutcome: Sendable, Hashable {
    /// The server answered; the flight holds the response (which may itself be `.garbage`) and whether it is complete.
    case flight(ServerFlight)
    /// The TCP connection could not be made (refused, unreachable, bad address, connect timeout); the reason.
    case connectFailed(String)
    /// The server closed the connection without sending a byte.
    case closedWithoutAnswer
    /// The server closed the connection cleanly in the middle of a record or message.
    case truncated(partialBytes: Int)
    /// The connection was reset (or sending failed) before a response could be read.
    case reset(partialBytes: Int)
    /// The handshake timeout passed before a response could be read.
    case timedOut(partialBytes: Int)

    /// One line for scan notes, e.g. "timed out after 12 bytes".
    public var summary: String {
        switch self {
        case .flight(let flight):
            switch flight.response {
            case .serverHello(let hello): "ServerHello \(hello.negotiatedVersion) suite \(hex(hello.cipherSuite))"
            case .helloRetryRequest(let hello): "HelloRetryRequest suite \(hex(hello.cipherSuite))"
            case .alert(let alert): "alert \(alert.descriptionName)"
            case .sslv2ServerHello: "SSLv2 ServerHello"
            case .garbage(let reason): "garbage: \(reason)"
            case nil: "incomplete answer"
            }
        case .connectFailed(let reason): "connect failed: \(reason)"
        case .closedWithoutAnswer: "closed without answer"
        case .truncated(let count): "closed mid-message after \(count) bytes"
        case .reset(let count): "connection reset after \(count) bytes"
        case .timedOut(let count): "timed out after \(count) bytes"
        }
    }
}

/// `0xC02F`-style code point.
func hex(_ code: UInt16) -> String {
    let digits = String(code, radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
