import COpenSSL

/// One libssl client connection over memory BIOs: this type moves the bytes between libssl and a `TCPSocket`, so
/// every wait is bounded by the connection's deadline and every byte read is counted. Used by one thread only.
final class TLSConnection {
    private let ssl: OpaquePointer
    private let readBIO: OpaquePointer
    private let writeBIO: OpaquePointer
    private let socket: TCPSocket
    private let deadline: Deadline
    private let maximumBytes: Int
    private let verifyLog: UnsafeMutablePointer<portcullis_verify_log>
    private var receivedBytes = 0
    private var buffer = [UInt8](repeating: 0, count: 16_384)

    /// Connects to `endpoint` and prepares (but does not start) the handshake.
    init(
        context: ClientContext,
        endpoint: OpenSSLEndpoint,
        settings: ConnectionSettings,
        options: OpenSSLProbeOptions
    ) throws(ProbeFailure) {
        if let failure = context.setupFailure { throw failure }
        guard let ctx = context.pointer, let ssl = SSL_new(ctx) else {
            throw ProbeFailure(kind: .setup, description: "SSL_new failed")
        }
        guard let readBIO = BIO_new(BIO_s_mem()) else {
            SSL_free(ssl)
            throw ProbeFailure(kind: .setup, description: "BIO_new failed")
        }
        guard let writeBIO = BIO_new(BIO_s_mem()) else {
            BIO_free(readBIO)
            SSL_free(ssl)
            throw ProbeFailure(kind: .setup, description: "BIO_new failed")
        }
        SSL_set_bio(ssl, readBIO, writeBIO)
        let log = UnsafeMutablePointer<portcullis_verify_log>.allocate(capacity: 1)
        log.initialize(to: portcullis_verify_log())
        let deadline = Deadline(seconds: options.timeout)
        do {
            socket = try TCPSocket(address: endpoint.address, port: endpoint.port, deadline: deadline)
        } catch {
            SSL_free(ssl)
            log.deallocate()
            throw error
        }
        self.ssl = ssl
        self.readBIO = readBIO
        self.writeBIO = writeBIO
        self.deadline = deadline
        self.maximumBytes = max(options.maximumBytes, 0)
        self.verifyLog = log
        configure(endpoint: endpoint, settings: settings)
    }

    deinit {
        SSL_free(ssl)
        verifyLog.deallocate()
    }

    private func configure(endpoint: OpenSSLEndpoint, settings: ConnectionSettings) {
        _ = portcullis_bio_set_mem_eof_return(readBIO, -1)
        _ = portcullis_ssl_set_min_proto_version(ssl, settings.minimumVersion)
        _ = portcullis_ssl_set_max_proto_version(ssl, settings.maximumVersion)
        _ = SSL_set_options(ssl, PORTCULLIS_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION)
        if !settings.tickets { _ = SSL_set_options(ssl, PORTCULLIS_OP_NO_TICKET) }
        let isIPLiteral = TCPSocket.isIPLiteral(endpoint.serverName)
        if !endpoint.serverName.isEmpty, !isIPLiteral {
            _ = portcullis_ssl_set_host_name(ssl, endpoint.serverName)
        }
        if settings.verify {
            portcullis_ssl_verify_into(ssl, verifyLog)
            if isIPLiteral {
                _ = X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), endpoint.serverName)
            } else if !endpoint.serverName.isEmpty {
                _ = SSL_set1_host(ssl, endpoint.serverName)
            }
        } else {
            SSL_set_verify(ssl, SSL_VERIFY_NONE, nil)
        }
        if settings.requestOCSP { _ = portcullis_ssl_request_ocsp_status(ssl) }
        let alpn = settings.alpn.flatMap { [UInt8(truncatingIfNeeded: $0.utf8.count)] + Array($0.utf8) }
        if !alpn.isEmpty {
            _ = alpn.withUnsafeBufferPointer { SSL_set_alpn_protos(ssl, $0.baseAddress, UInt32($0.count)) }
        }
        if let session = settings.session { _ = SSL_set_session(ssl, session.pointer) }
        SSL_set_connect_state(ssl)
        ERR_clear_error()
    }

    // MARK: - Operations

    /// Runs the handshake to completion.
    func handshake() throws(ProbeFailure) {
        _ = try drive { SSL_do_handshake(ssl) }
    }

    /// Starts a client renegotiation and runs it to completion; throws when the server refuses or closes.
    func renegotiate() throws(ProbeFailure) {
        ERR_clear_error()
        guard SSL_renegotiate(ssl) == 1 else { throw tlsFailure(fallback: "SSL_renegotiate refused") }
        _ = try drive { SSL_do_handshake(ssl) }
        guard SSL_renegotiate_pending(ssl) == 0 else {
            throw ProbeFailure(kind: .tls, description: "renegotiation did not complete")
        }
    }

    /// Sends `bytes` as TLS 1.3 early data (with the ClientHello), then completes the handshake.
    func handshake(earlyData bytes: [UInt8]) throws(ProbeFailure) {
        var written = 0
        _ = try drive {
            bytes.withUnsafeBytes { SSL_write_early_data(ssl, $0.baseAddress, $0.count, &written) }
        }
        _ = try drive { SSL_do_handshake(ssl) }
    }

    /// Reads post-handshake messages until the session holds a ticket or `wait` (seconds) passes; true on a ticket.
    func awaitTicket(wait: Double) -> Bool {
        if currentSessionHasTicket { return true }
        guard SSL_version(ssl) >= TLS1_3_VERSION else { return false }
        let limit = Deadline(seconds: wait).capped(by: deadline)
        var scratch = [UInt8](repeating: 0, count: 4_096)
        while !limit.hasPassed {
            let count = scratch.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32($0.count)) }
            if currentSessionHasTicket { return true }
            guard count <= 0 else { continue }
            guard SSL_get_error(ssl, count) == SSL_ERROR_WANT_READ, (try? fill(until: limit)) != nil else { break }
        }
        return currentSessionHasTicket
    }

    /// Sends close_notify (so a server keeps the session resumable) and closes the socket at once, without waiting
    /// for the server's close_notify (`s_server` lingers up to 0.5 s for the client to close first).
    func shutdown() {
        ERR_clear_error()
        _ = SSL_shutdown(ssl)
        try? flush()
        ERR_clear_error()
        socket.close()
    }

    // MARK: - Results

    /// The negotiated protocol's name (`"TLSv1.2"`).
    var versionName: String { String(cString: SSL_get_version(ssl)) }

    /// The negotiated protocol's number (`TLS1_2_VERSION`).
    var versionNumber: Int32 { SSL_version(ssl) }

    /// The negotiated suite: IANA name and code point.
    var cipher: (name: String, code: UInt16)? {
        guard let cipher = SSL_get_current_cipher(ssl) else { return nil }
        let name = SSL_CIPHER_standard_name(cipher).map { String(cString: $0) }
        return (name ?? String(cString: SSL_CIPHER_get_name(cipher)), SSL_CIPHER_get_protocol_id(cipher))
    }

    /// Every verification error recorded, deduplicated, in order.
    var verificationErrors: [VerificationError] {
        var seen = Set<VerificationError>()
        var errors: [VerificationError] = []
        for index in 0..<max(verifyLog.pointee.count, 0) {
            let code = portcullis_verify_log_code(verifyLog, index)
            let reason = String(cString: X509_verify_cert_error_string(Int(code)))
            let error = VerificationError(
                depth: Int(portcullis_verify_log_depth(verifyLog, index)),
                code: Int(code),
                reason: reason
            )
            if seen.insert(error).inserted { errors.append(error) }
        }
        return errors
    }

    /// The certificates the server sent, DER, leaf first.
    var peerChain: [[UInt8]] {
        guard let stack = SSL_get_peer_cert_chain(ssl) else { return [] }
        return (0..<portcullis_x509_stack_count(stack)).compactMap { index in
            guard let certificate = portcullis_x509_stack_value(stack, index) else { return nil }
            let length = i2d_X509(certificate, nil)
            guard length > 0 else { return nil }
            var bytes = [UInt8](repeating: 0, count: Int(length))
            let written = bytes.withUnsafeMutableBufferPointer { buffer -> Int32 in
                var cursor = buffer.baseAddress
                return i2d_X509(certificate, &cursor)
            }
            return written == length ? bytes : nil
        }
    }

    /// The stapled OCSP response, if any.
    var stapledOCSP: [UInt8]? {
        var response: UnsafePointer<UInt8>?
        let length = portcullis_ssl_get_ocsp_response(ssl, &response)
        guard length > 0, let response else { return nil }
        return Array(UnsafeBufferPointer(start: response, count: length))
    }

    /// The protocol the server selected through ALPN, if any.
    var selectedALPN: String? {
        var data: UnsafePointer<UInt8>?
        var length: UInt32 = 0
        SSL_get0_alpn_selected(ssl, &data, &length)
        guard let data, length > 0 else { return nil }
        return String(decoding: UnsafeBufferPointer(start: data, count: Int(length)), as: UTF8.self)
    }

    /// Whether the server signalled RFC 5746 secure renegotiation.
    var secureRenegotiation: Bool { portcullis_ssl_secure_renegotiation_support(ssl) == 1 }

    /// Whether this connection resumed the session it was given.
    var sessionReused: Bool { SSL_session_reused(ssl) == 1 }

    /// The early data status after the handshake (`SSL_EARLY_DATA_ACCEPTED`, …).
    var earlyDataStatus: Int32 { SSL_get_early_data_status(ssl) }

    /// The current session, for a later connection to resume.
    var session: TLSSession? { SSL_get1_session(ssl).map { TLSSession(owning: $0) } }

    private var currentSessionHasTicket: Bool {
        guard let session = SSL_get_session(ssl) else { return false }
        return SSL_SESSION_has_ticket(session) == 1
    }

    // MARK: - Byte pump

    /// Calls `operation` until it succeeds, moving bytes between libssl and the socket while it wants them.
    private func drive(_ operation: () -> Int32) throws(ProbeFailure) -> Int32 {
        while true {
            guard !deadline.hasPassed else {
                throw ProbeFailure(kind: .timeout, description: "timed out waiting for the server")
            }
            ERR_clear_error()
            let result = operation()
            if result > 0 {
                try flush()
                return result
            }
            switch SSL_get_error(ssl, result) {
            case SSL_ERROR_WANT_READ:
                try flush()
                try fill(until: deadline)
            case SSL_ERROR_WANT_WRITE:
                try flush()
            case SSL_ERROR_ZERO_RETURN:
                try? flush()
                throw ProbeFailure(kind: .closed, description: "the server closed the TLS connection (close_notify)")
            default:
                let failure = tlsFailure(fallback: "TLS failure")
                try? flush()
                throw failure
            }
        }
    }

    /// Writes everything libssl produced to the socket.
    private func flush() throws(ProbeFailure) {
        while BIO_ctrl_pending(writeBIO) > 0 {
            let count = buffer.withUnsafeMutableBytes { BIO_read(writeBIO, $0.baseAddress, Int32($0.count)) }
            guard count > 0 else { return }
            let sent = buffer.withUnsafeBytes { bytes in
                Result { () throws(ProbeFailure) in
                    try socket.send(UnsafeRawBufferPointer(rebasing: bytes.prefix(Int(count))), deadline: deadline)
                }
            }
            try sent.get()
        }
    }

    /// Reads one chunk from the socket into libssl, within `limit` and the byte budget.
    private func fill(until limit: Deadline) throws(ProbeFailure) {
        let count = try buffer.withUnsafeMutableBytes { bytes in
            Result { () throws(ProbeFailure) in try socket.receive(into: bytes, deadline: limit) }
        }.get()
        guard count > 0 else {
            throw ProbeFailure(kind: .closed, description: "the server closed the connection")
        }
        receivedBytes += count
        guard receivedBytes <= maximumBytes else {
            throw ProbeFailure(kind: .tooManyBytes, description: "the server sent more than \(maximumBytes) bytes")
        }
        let written = buffer.withUnsafeBytes { BIO_write(readBIO, $0.baseAddress, Int32(count)) }
        guard written == count else { throw ProbeFailure(kind: .setup, description: "BIO_write failed") }
    }

    /// The first queued OpenSSL error as a failure (the error queue is per thread; each operation clears it first).
    private func tlsFailure(fallback: String) -> ProbeFailure {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return ProbeFailure(kind: .tls, description: fallback) }
        var text = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &text, text.count)
        let description = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return ProbeFailure(kind: .tls, description: description, reasonCode: ERR_GET_REASON(code))
    }
}
