import NIOCore
import NIOPosix
import NIOSSL

/// Binds one demo server on 127.0.0.1 with an ephemeral port; ``ConnectionPipeline`` sets up each connection.
///
/// The responder arrives as a future because a site's pages link to other listeners' URLs, which exist only
/// once every listener is bound; connections accepted earlier simply wait for it.
enum LoopbackListener {
    /// Binds a listener and returns its server channel and port.
    ///
    /// `versions` matters only with `tls`, whose context must advertise the same ALPN protocols.
    static func bind(
        group: any EventLoopGroup,
        tls: NIOSSLContext?,
        versions: ServedHTTPVersions = .http1Only,
        responder: EventLoopFuture<any DemoResponder>
    ) async throws(DemoProvidersError) -> (channel: any Channel, port: Int) {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                responder.hop(to: channel.eventLoop).flatMap { responder in
                    ConnectionPipeline.configure(channel, tls: tls, versions: versions, responder: responder)
                }
            }
        do {
            let channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
            guard let port = channel.localAddress?.port else {
                try? await channel.close()
                throw DemoProvidersError(code: .bind, reason: "the bound listener has no local port")
            }
            return (channel, port)
        } catch let error as DemoProvidersError {
            throw error
        } catch {
            throw DemoProvidersError(
                code: .bind,
                reason: "could not listen on 127.0.0.1",
                context: String(describing: error)
            )
        }
    }
}
