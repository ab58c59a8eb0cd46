/// What every probe of one endpoint needs: the shared context, the budgets, the counter.
struct ProbeEnvironment: Sendable {
    let context: ClientContext
    let options: OpenSSLProbeOptions
    let counter: HandshakeCounter
    let endpoint: OpenSSLEndpoint

    /// Opens a connection with `settings` (counted), ready for its handshake.
    func connect(_ settings: ConnectionSettings = ConnectionSettings()) throws(ProbeFailure) -> TLSConnection {
        counter.increment()
        return try TLSConnection(context: context, endpoint: endpoint, settings: settings, options: options)
    }
}
