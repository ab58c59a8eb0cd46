import NIOCore

/// Closes an HTTP/2 connection on any error that reaches the end of its pipeline, without a trace.
///
/// The HTTP/1.1 path's ``RawHTTPHandler`` does the same itself; on HTTP/2 the connection's errors (resets, TLS
/// truncation, protocol violations) surface on the connection channel, after the HTTP/2 handler.
final class ConnectionErrorCloser: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = Never

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
