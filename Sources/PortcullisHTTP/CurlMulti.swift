import CCurl
import Foundation
import PortcullisCore

// The only file in PortcullisHTTP that touches C pointers. Everything above it speaks in
// `TransferRequest` and `TransferResult`, plain Swift values.

/// What one libcurl transfer (one hop, one GET) should do.
struct TransferRequest: Sendable, Hashable {
    /// The absolute http(s) URL to GET.
    var url: String
    /// Extra request header lines, `Name: value`, already validated.
    var headerLines: [String] = []
    /// The `User-Agent` header.
    var userAgent: String
    /// Milliseconds allowed to connect (at least 1).
    var connectTimeoutMilliseconds: Int
    /// Milliseconds allowed for the whole transfer (at least 1).
    var totalTimeoutMilliseconds: Int
    /// Decoded body bytes kept; the transfer stops when more arrive.
    var maxBodyBytes: Int
    /// Whether to offer HTTP/2 over TLS.
    var http2: Bool
    /// Extra trust anchors (`CURLOPT_CAINFO`), or `nil` for the system bundle alone.
    var caFile: String?
    /// Peer addresses the transfer may use; checked by `CURLOPT_PREREQFUNCTION` unless unrestricted.
    var addressPolicy: AddressPolicy = .unrestricted
}

/// What came back from one transfer: raw header lines, decoded body, timings and TLS facts.
struct TransferResult: Sendable {
    /// How the transfer ended.
    enum Outcome: Sendable, Hashable {
        /// The response arrived (possibly with the body cut at the cap).
        case completed
        /// The transfer failed.
        case failed(HTTPError.Code, String)
    }

    var outcome: Outcome
    /// Every header line received, as raw bytes, in wire order (status lines included).
    var headerLines: [[UInt8]] = []
    /// The decoded body, at most the cap long.
    var body = Data()
    /// Whether the body was cut at the cap.
    var bodyTruncated = false
    /// libcurl's timings of the transfer.
    var timings = Timings()
    /// The negotiated TLS session, if the transfer went over TLS and got far enough to read it.
    var tls: TLSSession?
}

/// Process-wide `curl_global_init`, run exactly once (Swift globals initialise lazily and atomically).
private let curlGlobalInitResult: CURLcode = pc_curl_global_init_all()

/// One libcurl multi handle driven by its own thread.
///
/// Callers submit a ``TransferRequest`` and await its ``TransferResult``; submissions and cancellations go
/// through a lock-protected inbox and `curl_multi_wakeup`. The thread alone touches the multi handle and
/// the easy handles: it adds new transfers, runs `curl_multi_perform` / `curl_multi_info_read`, resumes
/// the waiting continuations and sleeps in `curl_multi_poll`. No blocking curl call ever runs on the
/// Swift concurrency pool. Connections stay in the multi handle's cache, so keep-alive works across
/// requests.
final class CurlMulti: Sendable {
    /// Where a submitted transfer stands, as seen from the submitting side.
    private enum Phase {
        /// An id was handed out; the submission is not in the inbox yet.
        case announced
        /// The task was cancelled before the submission reached the inbox.
        case cancelledEarly
        /// The submission is in the inbox or running on the thread.
        case submitted
    }

    fileprivate struct Submission {
        var id: UInt64
        var request: TransferRequest
        var continuation: CheckedContinuation<TransferResult, Never>
    }

    private struct Inbox {
        var nextID: UInt64 = 0
        var phases: [UInt64: Phase] = [:]
        var submissions: [Submission] = []
        var cancellations: [UInt64] = []
        var stopping = false
        /// Set by the thread just before it frees the multi handle: no more wakeups after that.
        var exited = false
    }

    private let inbox = LockedState(Inbox())
    /// The multi handle; created in `init`, freed by the thread on exit. Only wakeups touch it off-thread,
    /// and only under the inbox lock while the thread has not exited.
    private let handle: MultiHandle
    private var multi: UnsafeMutableRawPointer { handle.pointer }
    private let exited = DispatchSemaphore(value: 0)
    private let threadBox = LockedState<Thread?>(nil)

    /// Creates the multi handle and starts its thread.
    init(maxTotalConnections: Int, maxHostConnections: Int) throws(HTTPError) {
        let placeholder = URL(string: "about:blank")!
        guard curlGlobalInitResult == CURLE_OK else {
            throw HTTPError(code: .internal, reason: "curl_global_init failed", url: placeholder)
        }
        guard let multi = curl_multi_init() else {
            throw HTTPError(code: .internal, reason: "curl_multi_init failed", url: placeholder)
        }
        self.handle = MultiHandle(pointer: multi)
        _ = pc_curl_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, max(1, maxTotalConnections))
        _ = pc_curl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, max(1, maxHostConnections))
        _ = pc_curl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(16, maxTotalConnections))
        let handle = self.handle
        let thread = Thread { [self] in
            CurlLoop(multi: handle.pointer, owner: self).run()
        }
        thread.name = "portcullis-curl"
        threadBox.withLock { $0 = thread }
        thread.start()
    }

    /// Runs one transfer on the curl thread and returns what came back.
    ///
    /// Never throws: failures, including cancellation of the awaiting task (which removes the easy
    /// handle from the multi handle at once), come back as ``TransferResult/Outcome/failed(_:_:)``.
    func perform(_ request: TransferRequest) async -> TransferResult {
        let id = inbox.withLock { inbox -> UInt64 in
            inbox.nextID += 1
            inbox.phases[inbox.nextID] = .announced
            return inbox.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<TransferResult, Never>) in
                let refusal: TransferResult? = inbox.withLock { inbox in
                    let phase = inbox.phases[id]
                    if phase == .cancelledEarly || inbox.stopping {
                        inbox.phases[id] = nil
                        let reason = inbox.stopping ? "the HTTP client was shut down" : "the request was cancelled"
                        return TransferResult(outcome: .failed(.cancelled, reason))
                    }
                    inbox.phases[id] = .submitted
                    inbox.submissions.append(Submission(id: id, request: request, continuation: continuation))
                    _ = curl_multi_wakeup(multi)
                    return nil
                }
                if let refusal {
                    continuation.resume(returning: refusal)
                }
            }
        } onCancel: {
            inbox.withLock { inbox in
                switch inbox.phases[id] {
                case .announced?:
                    inbox.phases[id] = .cancelledEarly
                case .submitted?:
                    inbox.cancellations.append(id)
                    if !inbox.exited {
                        _ = curl_multi_wakeup(multi)
                    }
                case .cancelledEarly?, nil:
                    break
                }
            }
        }
    }

    /// Stops the thread: running and queued transfers end as cancelled. Idempotent; waits (bounded) for
    /// the thread to free the multi handle.
    func shutdown() {
        let first = inbox.withLock { inbox -> Bool in
            guard !inbox.stopping else { return false }
            inbox.stopping = true
            if !inbox.exited {
                _ = curl_multi_wakeup(multi)
            }
            return true
        }
        guard first else { return }
        let onCurlThread = threadBox.withLock { $0 === Thread.current }
        if !onCurlThread {
            _ = exited.wait(timeout: .now() + 10)
        }
    }

    // MARK: - Called by the curl thread

    fileprivate struct Drained {
        var submissions: [Submission]
        var cancellations: [UInt64]
        var stopping: Bool
    }

    fileprivate func drainInbox() -> Drained {
        inbox.withLock { inbox in
            defer {
                inbox.submissions.removeAll(keepingCapacity: true)
                inbox.cancellations.removeAll(keepingCapacity: true)
            }
            return Drained(
                submissions: inbox.submissions,
                cancellations: inbox.cancellations,
                stopping: inbox.stopping
            )
        }
    }

    fileprivate func complete(
        _ id: UInt64,
        _ continuation: CheckedContinuation<TransferResult, Never>,
        _ result: TransferResult
    ) {
        inbox.withLock { $0.phases[id] = nil }
        continuation.resume(returning: result)
    }

    fileprivate func markExited() {
        inbox.withLock { $0.exited = true }
    }

    fileprivate func signalExited() {
        exited.signal()
    }

    fileprivate typealias Continuation = CheckedContinuation<TransferResult, Never>
    fileprivate typealias PendingSubmission = Submission
}

/// The multi handle pointer, handed to the curl thread once; see ``CurlMulti`` for who may touch it.
private struct MultiHandle: @unchecked Sendable {
    let pointer: UnsafeMutableRawPointer
}

/// The state that lives on the curl thread only: the multi handle and the running transfers.
private final class CurlLoop {
    private let multi: UnsafeMutableRawPointer
    private unowned let owner: CurlMulti
    private var running: [UInt64: Transfer] = [:]
    private var byHandle: [UnsafeMutableRawPointer: UInt64] = [:]

    init(multi: UnsafeMutableRawPointer, owner: CurlMulti) {
        self.multi = multi
        self.owner = owner
    }

    func run() {
        while true {
            let drained = owner.drainInbox()
            for submission in drained.submissions {
                start(submission)
            }
            for id in drained.cancellations {
                if let transfer = running[id] {
                    finish(transfer, code: nil, override: .failed(.cancelled, "the request was cancelled"))
                }
            }
            if drained.stopping {
                for transfer in Array(running.values) {
                    finish(transfer, code: nil, override: .failed(.cancelled, "the HTTP client was shut down"))
                }
                break
            }
            var stillRunning: Int32 = 0
            _ = curl_multi_perform(multi, &stillRunning)
            var easy: UnsafeMutableRawPointer?
            var code = CURLE_OK
            while pc_curl_multi_next_done(multi, &easy, &code) == 1 {
                if let easy, let id = byHandle[easy], let transfer = running[id] {
                    finish(transfer, code: code, override: nil)
                }
            }
            var events: Int32 = 0
            _ = curl_multi_poll(multi, nil, 0, 1000, &events)
        }
        owner.markExited()
        curl_multi_cleanup(multi)
        owner.signalExited()
        // Anything submitted between the last drain and `stopping` was refused by `perform`.
        let late = owner.drainInbox()
        for submission in late.submissions {
            owner.complete(
                submission.id,
                submission.continuation,
                TransferResult(outcome: .failed(.cancelled, "the HTTP client was shut down"))
            )
        }
    }

    private func start(_ submission: CurlMulti.PendingSubmission) {
        guard let easy = curl_easy_init() else {
            owner.complete(
                submission.id,
                submission.continuation,
                TransferResult(outcome: .failed(.internal, "curl_easy_init failed"))
            )
            return
        }
        let transfer = Transfer(
            id: submission.id,
            easy: easy,
            maxBodyBytes: submission.request.maxBodyBytes,
            continuation: submission.continuation
        )
        if let failure = transfer.configure(submission.request) {
            transfer.release()
            owner.complete(submission.id, submission.continuation, TransferResult(outcome: failure))
            return
        }
        let added = curl_multi_add_handle(multi, easy)
        guard added == CURLM_OK else {
            transfer.release()
            let reason = "curl_multi_add_handle failed: \(String(cString: curl_multi_strerror(added)))"
            owner.complete(submission.id, submission.continuation, TransferResult(outcome: .failed(.internal, reason)))
            return
        }
        running[submission.id] = transfer
        byHandle[easy] = submission.id
    }

    /// Removes a transfer from the multi handle, collects its result and resumes its caller.
    private func finish(_ transfer: Transfer, code: CURLcode?, override: TransferResult.Outcome?) {
        _ = curl_multi_remove_handle(multi, transfer.easy)
        running[transfer.id] = nil
        byHandle[transfer.easy] = nil
        let result = transfer.result(code: code, override: override)
        transfer.release()
        owner.complete(transfer.id, transfer.continuation, result)
    }
}

/// One easy handle and what its callbacks collect. Lives on the curl thread only.
private final class Transfer {
    let id: UInt64
    let easy: UnsafeMutableRawPointer
    let continuation: CurlMulti.Continuation
    private let maxBodyBytes: Int
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var headerLines: [[UInt8]] = []
    private var body = Data()
    private var bodyTruncated = false
    private var tlsCaptured = false
    private var tlsVersion: String?
    private var tlsCipher: String?
    private var tlsChainPEM: String?
    private var released = false
    private var addressPolicy = AddressPolicy.unrestricted
    /// Why the connect-time address check refused the peer, if it did.
    private var addressRefusal: String?

    init(id: UInt64, easy: UnsafeMutableRawPointer, maxBodyBytes: Int, continuation: CurlMulti.Continuation) {
        self.id = id
        self.easy = easy
        self.maxBodyBytes = max(0, maxBodyBytes)
        self.continuation = continuation
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        self.errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    /// Sets every option of the request; returns a failure outcome when libcurl refuses one.
    func configure(_ request: TransferRequest) -> TransferResult.Outcome? {
        let context = Unmanaged.passUnretained(self).toOpaque()
        var codes: [(String, CURLcode)] = [
            ("ERRORBUFFER", pc_curl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer)),
            ("URL", pc_curl_easy_setopt_string(easy, CURLOPT_URL, request.url)),
            ("PROTOCOLS_STR", pc_curl_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")),
            ("NOSIGNAL", pc_curl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)),
            ("FOLLOWLOCATION", pc_curl_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0)),
            ("HTTPGET", pc_curl_easy_setopt_long(easy, CURLOPT_HTTPGET, 1)),
            (
                "CONNECTTIMEOUT_MS",
                pc_curl_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, max(1, request.connectTimeoutMilliseconds))
            ),
            (
                "TIMEOUT_MS",
                pc_curl_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, max(1, request.totalTimeoutMilliseconds))
            ),
            ("ACCEPT_ENCODING", pc_curl_easy_setopt_string(easy, CURLOPT_ACCEPT_ENCODING, "")),
            ("USERAGENT", pc_curl_easy_setopt_string(easy, CURLOPT_USERAGENT, request.userAgent)),
            ("CERTINFO", pc_curl_easy_setopt_long(easy, CURLOPT_CERTINFO, 1)),
            ("WRITEFUNCTION", pc_curl_easy_setopt_write_function(easy, transferWriteCallback)),
            ("WRITEDATA", pc_curl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context)),
            ("HEADERFUNCTION", pc_curl_easy_setopt_header_function(easy, transferHeaderCallback)),
            ("HEADERDATA", pc_curl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context)),
        ]
        let version = request.http2 ? CURL_HTTP_VERSION_2TLS : CURL_HTTP_VERSION_1_1
        codes.append(("HTTP_VERSION", pc_curl_easy_setopt_long(easy, CURLOPT_HTTP_VERSION, Int(version))))
        if let caFile = request.caFile {
            // Added to the system trust store rather than replacing it: the file is CAINFO, the
            // system's hashed certificate directory stays in use as CAPATH.
            codes.append(("CAINFO", pc_curl_easy_setopt_string(easy, CURLOPT_CAINFO, caFile)))
            if FileManager.default.fileExists(atPath: systemCertificateDirectory) {
                codes.append(("CAPATH", pc_curl_easy_setopt_string(easy, CURLOPT_CAPATH, systemCertificateDirectory)))
            }
        }
        if !request.addressPolicy.allowPrivate {
            addressPolicy = request.addressPolicy
            codes.append(("PREREQFUNCTION", pc_curl_easy_setopt_prereq_function(easy, transferPrereqCallback)))
            codes.append(("PREREQDATA", pc_curl_easy_setopt_prereq_data(easy, context)))
        }
        for line in request.headerLines {
            guard let list = curl_slist_append(headerList, line) else {
                return .failed(.internal, "curl_slist_append failed")
            }
            headerList = list
        }
        if let headerList {
            codes.append(("HTTPHEADER", pc_curl_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList)))
        }
        for (name, code) in codes where code != CURLE_OK {
            let text = String(cString: curl_easy_strerror(code))
            let kind: HTTPError.Code = code == CURLE_UNSUPPORTED_PROTOCOL ? .unsupportedScheme : .internal
            return .failed(kind, "libcurl refused CURLOPT_\(name): \(text)")
        }
        return nil
    }

    /// Frees the easy handle and what it points to. Safe to call twice.
    func release() {
        guard !released else { return }
        released = true
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        headerList = nil
        errorBuffer.deallocate()
    }

    // MARK: Callbacks

    fileprivate func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        let room = maxBodyBytes - body.count
        if bytes.count > room {
            if room > 0 {
                body.append(contentsOf: bytes.prefix(room))
            }
            bodyTruncated = true
            return 0  // anything but the byte count stops the transfer with CURLE_WRITE_ERROR
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    fileprivate func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) -> Int {
        if !tlsCaptured {
            // CURLINFO_TLS_SSL_PTR is only valid while the transfer runs: read it with the first header.
            tlsCaptured = true
            tlsVersion = pc_curl_tls_version(easy).map { String(cString: $0) }
            tlsCipher = pc_curl_tls_cipher(easy).map { String(cString: $0) }
            if tlsVersion != nil, pc_curl_certinfo_count(easy) == 0, let chain = pc_curl_tls_peer_chain_pem(easy) {
                // A reused connection has no CURLINFO_CERTINFO; read the chain from the session instead.
                tlsChainPEM = String(cString: chain)
                pc_curl_free_string(chain)
            }
        }
        headerLines.append(Array(bytes))
        return bytes.count
    }

    /// The connect-time address check: the peer is allowed, or the transfer aborts before the request is sent.
    fileprivate func checkPeer(_ ip: String) -> Int32 {
        guard let reason = addressPolicy.refusalReason(ip: ip) else { return Int32(CURL_PREREQFUNC_OK) }
        addressRefusal = reason
        return Int32(CURL_PREREQFUNC_ABORT)
    }

    // MARK: Result

    func result(code: CURLcode?, override: TransferResult.Outcome?) -> TransferResult {
        var result = TransferResult(outcome: .completed)
        result.headerLines = headerLines
        result.body = body
        result.bodyTruncated = bodyTruncated
        result.timings = timings()
        result.tls = tlsSession()
        if let override {
            result.outcome = override
        } else if let addressRefusal {
            result.outcome = .failed(.addressRefused, addressRefusal)
        } else if let code, code != CURLE_OK, !(code == CURLE_WRITE_ERROR && bodyTruncated) {
            result.outcome = .failed(errorCode(for: code), errorReason(for: code))
        }
        return result
    }

    private func timings() -> Timings {
        func seconds(_ info: CURLINFO) -> Double {
            var microseconds: curl_off_t = 0
            guard pc_curl_easy_getinfo_off_t(easy, info, &microseconds) == CURLE_OK else { return 0 }
            return Double(microseconds) / 1_000_000
        }
        return Timings(
            nameLookup: seconds(CURLINFO_NAMELOOKUP_TIME_T),
            connect: seconds(CURLINFO_CONNECT_TIME_T),
            tlsHandshake: seconds(CURLINFO_APPCONNECT_TIME_T),
            firstByte: seconds(CURLINFO_STARTTRANSFER_TIME_T),
            total: seconds(CURLINFO_TOTAL_TIME_T)
        )
    }

    private func tlsSession() -> TLSSession? {
        guard let tlsVersion else { return nil }
        var certificates: [String] = []
        let count = pc_curl_certinfo_count(easy)
        for index in 0..<max(0, count) {
            if let pem = pc_curl_certinfo_pem(easy, Int32(index)) {
                certificates.append(String(cString: pem))
            }
        }
        if certificates.isEmpty, let tlsChainPEM {
            certificates = splitPEM(tlsChainPEM)
        }
        return TLSSession(version: tlsVersion, cipher: tlsCipher ?? "", peerCertificatesPEM: certificates)
    }

    private func errorReason(for code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        let text = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        return "\(text) (curl error \(code.rawValue))"
    }

    private func errorCode(for code: CURLcode) -> HTTPError.Code {
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL:
            return .unsupportedScheme
        case CURLE_URL_MALFORMAT:
            return .invalidURL
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .dns
        case CURLE_COULDNT_CONNECT:
            return .connectionRefused
        case CURLE_OPERATION_TIMEDOUT:
            var connectTime: curl_off_t = 0
            _ = pc_curl_easy_getinfo_off_t(easy, CURLINFO_CONNECT_TIME_T, &connectTime)
            return connectTime == 0 ? .connectTimeout : .timeout
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM,
            CURLE_SSL_ISSUER_ERROR, CURLE_SSL_CRL_BADFILE, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS:
            return .tlsCertificate
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
            CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_SHUTDOWN_FAILED, CURLE_USE_SSL_FAILED:
            return .tls
        case CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING,
            CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_BAD_CONTENT_ENCODING, CURLE_HTTP_RETURNED_ERROR,
            CURLE_HTTP3:
            return .protocol
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled
        default:
            return .internal
        }
    }
}

/// Where Debian (and most Linux distributions) keep the hashed system trust anchors.
private let systemCertificateDirectory = "/etc/ssl/certs"

/// Splits concatenated PEM text into one string per certificate.
private func splitPEM(_ text: String) -> [String] {
    let end = "-----END CERTIFICATE-----"
    var certificates: [String] = []
    var rest = Substring(text)
    while let range = rest.range(of: end) {
        let block = rest[..<range.upperBound].drop { $0 == "\n" || $0 == "\r" }
        certificates.append(String(block) + "\n")
        rest = rest[range.upperBound...]
    }
    return certificates
}

private let transferWriteCallback: curl_write_callback = { buffer, size, count, context in
    guard let buffer, let context else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receiveBody(UnsafeRawBufferPointer(start: buffer, count: size * count))
}

private let transferHeaderCallback: curl_write_callback = { buffer, size, count, context in
    guard let buffer, let context else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: buffer, count: size * count))
}

private let transferPrereqCallback: curl_prereq_callback = { context, primaryIP, _, _, _ in
    guard let context else { return Int32(CURL_PREREQFUNC_ABORT) }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    return transfer.checkPeer(primaryIP.map { String(cString: $0) } ?? "")
}
