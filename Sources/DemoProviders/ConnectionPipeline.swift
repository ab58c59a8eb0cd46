import NIOCore
import NIOHTTP1
import NIOHTTP2
import NIOSSL

/// Sets up the handlers of one accepted demo connection: optional TLS, then HTTP/1.1 or, when ALPN picks `h2`,
/// HTTP/2 with one stream channel per request.
///
/// Both versions answer with the same ``DemoResponder``: HTTP/1.1 through ``RawHTTPHandler`` (raw bytes), HTTP/2
/// through NIOHTTP2's HTTP/1-style codec and ``HTTP2StreamHandler``.
enum ConnectionPipeline {
    /// Configures `channel`; the future completes once the pipeline is ready to read (before ALPN has run).
    static func configure(
        _ channel: any Channel,
        tls: NIOSSLContext?,
        versions: ServedHTTPVersions,
        responder: any DemoResponder
    ) -> EventLoopFuture<Void> {
        do {
            let handlers = channel.pipeline.syncOperations
            guard let tls else {
                try addHTTP1(to: handlers, responder: responder)
                return channel.eventLoop.makeSucceededVoidFuture()
            }
            try handlers.addHandler(NIOSSLServerHandler(context: tls))
            guard versions == .http2WithHTTP1Fallback else {
                try addHTTP1(to: handlers, responder: responder)
                return channel.eventLoop.makeSucceededVoidFuture()
            }
            return channel.configureHTTP2SecureUpgrade(
                h2ChannelConfigurator: { connection in
                    connection.eventLoop.makeCompletedFuture {
                        try addHTTP2(to: connection, responder: responder)
                    }
                },
                http1ChannelConfigurator: { connection in
                    connection.eventLoop.makeCompletedFuture {
                        try addHTTP1(to: connection.pipeline.syncOperations, responder: responder)
                    }
                }
            )
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
    }

    /// HTTP/1.1 request decoding and raw replies.
    private static func addHTTP1(
        to handlers: ChannelPipeline.SynchronousOperations,
        responder: any DemoResponder
    ) throws {
        try handlers.addHandler(ByteToMessageHandler(HTTPRequestDecoder(leftOverBytesStrategy: .dropBytes)))
        try handlers.addHandler(RawHTTPHandler(responder: responder))
    }

    /// The HTTP/2 connection handler (default settings) whose inbound streams each get a codec and a responder.
    private static func addHTTP2(to connection: any Channel, responder: any DemoResponder) throws {
        let handlers = connection.pipeline.syncOperations
        _ = try handlers.configureHTTP2Pipeline(
            mode: .server,
            connectionConfiguration: NIOHTTP2Handler.ConnectionConfiguration(),
            streamConfiguration: NIOHTTP2Handler.StreamConfiguration()
        ) { stream in
            stream.eventLoop.makeCompletedFuture {
                let streamHandlers = stream.pipeline.syncOperations
                try streamHandlers.addHandler(HTTP2FramePayloadToHTTP1ServerCodec())
                try streamHandlers.addHandler(HTTP2StreamHandler(responder: responder))
            }
        }
        try handlers.addHandler(ConnectionErrorCloser())
    }
}
