import COpenSSL
import Synchronization

/// The one `SSL_CTX` a prober shares across its connections: every suite and protocol from TLS 1.0 up at
/// security level 0 (so legacy servers still complete; key sizes are judged by our rules), and the trust anchors.
final class ClientContext: @unchecked Sendable {
    // SAFETY: the SSL_CTX is configured once in init and only read afterwards (SSL_new is thread-safe on it).

    /// Every TLS ≤ 1.2 suite this libssl knows, NULL and anonymous included.
    static let cipherList = "ALL:COMPLEMENTOFALL:@SECLEVEL=0"
    /// Every TLS 1.3 suite, CCM included.
    static let tls13Suites =
        "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_SHA256:"
        + "TLS_AES_128_CCM_8_SHA256"

    /// Contexts built so far, by trust settings: loading the system store costs tens of milliseconds, so probers
    /// (one per host in a sweep) share one context per trust configuration for the life of the process.
    private static let cache = Mutex<[TrustKey: ClientContext]>([:])

    /// What distinguishes one context from another.
    private struct TrustKey: Hashable {
        var caFile: String?
        var useSystemTrust: Bool
    }

    /// The shared context for `options`' trust settings (built on first use; a failed setup is retried next time).
    static func shared(for options: OpenSSLProbeOptions) -> ClientContext {
        let key = TrustKey(caFile: options.caFile, useSystemTrust: options.useSystemTrust)
        return cache.withLock { contexts in
            if let context = contexts[key] { return context }
            let context = ClientContext(options: options)
            if context.setupFailure == nil { contexts[key] = context }
            return context
        }
    }

    /// The context, or nil when it could not be set up.
    let pointer: OpaquePointer?
    /// Why the context could not be set up.
    let setupFailure: ProbeFailure?

    /// Creates the context for `options`' trust settings.
    init(options: OpenSSLProbeOptions) {
        guard let context = SSL_CTX_new(TLS_client_method()) else {
            pointer = nil
            setupFailure = ProbeFailure(kind: .setup, description: "SSL_CTX_new failed")
            return
        }
        var failure: ProbeFailure?
        SSL_CTX_set_security_level(context, 0)
        _ = SSL_CTX_set_options(context, PORTCULLIS_OP_LEGACY_SERVER_CONNECT)
        if SSL_CTX_set_cipher_list(context, Self.cipherList) != 1
            || SSL_CTX_set_ciphersuites(context, Self.tls13Suites) != 1
        {
            failure = ProbeFailure(kind: .setup, description: "libssl rejected the cipher lists")
        }
        if options.useSystemTrust {
            _ = SSL_CTX_set_default_verify_paths(context)
        }
        if let caFile = options.caFile, SSL_CTX_load_verify_locations(context, caFile, nil) != 1 {
            failure = ProbeFailure(kind: .setup, description: "cannot load CA file \(caFile)")
        }
        ERR_clear_error()
        pointer = context
        setupFailure = failure
    }

    deinit {
        if let pointer { SSL_CTX_free(pointer) }
    }
}
