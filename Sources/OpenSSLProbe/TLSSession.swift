import COpenSSL

/// A resumable libssl session (`SSL_SESSION`, one reference owned), kept between two connections of a probe.
final class TLSSession {
    let pointer: OpaquePointer

    /// Takes ownership of one reference to `pointer`.
    init(owning pointer: OpaquePointer) { self.pointer = pointer }

    deinit { SSL_SESSION_free(pointer) }

    /// Whether the session carries a ticket (RFC 5077 or TLS 1.3 NewSessionTicket).
    var hasTicket: Bool { SSL_SESSION_has_ticket(pointer) == 1 }

    /// Whether the server gave the session a non-empty session ID.
    var hasSessionID: Bool {
        var length: UInt32 = 0
        _ = SSL_SESSION_get_id(pointer, &length)
        return length > 0
    }

    /// The early data the ticket allows (0 = none).
    var maximumEarlyData: UInt32 { SSL_SESSION_get_max_early_data(pointer) }

    /// Whether libssl would offer it for resumption.
    var isResumable: Bool { SSL_SESSION_is_resumable(pointer) == 1 }
}
