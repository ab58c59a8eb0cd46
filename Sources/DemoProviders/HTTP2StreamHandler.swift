import NIOCore
import NIOHTTP1

/// Serves the one request of an HTTP/2 stream with a ``DemoResponder``, behind NIOHTTP2's HTTP/1-style codec.
///
/// The codec turns the stream's frames into request parts and the parts written here back into HEADERS and
/// DATA frames. The head is ``DemoResponse/http2Head()`` (lower-case names, no connection-specific fields) and
/// the body is the same bytes the HTTP/1.1 path sends, so a site's pages read the same over both versions.
/// Long bodies follow the stream's flow-control window (its writability); timers and streams stop when the
/// stream or its connection goes away. Errors reset the stream without a trace. ``DemoResponse/closeAfter`` has no
/// HTTP/2 counterpart here: the stream ends and the connection stays open for other streams.
final class HTTP2StreamHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// How many slices one pump turn writes before yielding the event loop to other streams.
    private static let slicesPerTurn = 16

    private let responder: any DemoResponder
    private var head: HTTPRequestHead?
    private var isAnswered = false
    private var isResponding = false
    private var pump: BodyPump?
    private var isPumping = false
    private var timer: Scheduled<Void>?

    /// Creates a handler answering with `responder`.
    init(responder: any DemoResponder) {
        self.responder = responder
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
        case .body:
            break
        case .end:
            guard let requestHead = head, !isAnswered else { return }
            head = nil
            isAnswered = true
            serve(DemoRequest(head: requestHead), context: context)
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            pumpBody(context: context)
        }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stop()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        stop()
        context.close(promise: nil)
    }

    private func stop() {
        isResponding = false
        timer?.cancel()
        timer = nil
        pump = nil
    }

    private func serve(_ request: DemoRequest, context: ChannelHandlerContext) {
        let response = responder.respond(to: request)
        switch response.body {
        case .hang(let timeout):
            timer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
                context.close(promise: nil)
            }
            return
        case .reset:
            // Closing a stream channel before it ends sends RST_STREAM.
            context.close(promise: nil)
            return
        case .bytes, .stream, .drip:
            break
        }
        guard let responseHead = response.http2Head() else {
            // No status code HTTP/2 can carry: reset the stream.
            context.close(promise: nil)
            return
        }
        isResponding = true
        context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
        if request.method == .HEAD {
            finish(context: context)
            return
        }
        switch response.body {
        case .bytes(let body):
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
            finish(context: context)
        case .stream(let bodyPump):
            context.flush()
            // HTTP/2 frames the body itself: the same bytes, never HTTP/1.1 chunks.
            pump = BodyPump(
                unit: bodyPump.unit,
                totalBytes: bodyPump.totalBytes,
                chunked: false,
                sliceSize: bodyPump.sliceSize
            )
            pumpBody(context: context)
        case .drip(let count, let byte, let interval):
            context.flush()
            drip(context: context, remaining: count, byte: byte, interval: interval)
        case .hang, .reset:
            break
        }
    }

    /// Ends the stream (an empty DATA frame with END_STREAM); the stream channel then closes by itself.
    private func finish(context: ChannelHandlerContext) {
        guard isResponding else { return }
        stop()
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    private func pumpBody(context: ChannelHandlerContext) {
        guard !isPumping else { return }
        isPumping = true
        defer { isPumping = false }
        var turns = Self.slicesPerTurn
        while isResponding, var current = pump, context.channel.isWritable {
            guard let slice = current.next() else {
                finish(context: context)
                return
            }
            pump = current
            context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(slice))), promise: nil)
            turns -= 1
            if turns == 0 {
                context.eventLoop.assumeIsolated().execute {
                    self.pumpBody(context: context)
                }
                return
            }
        }
    }

    private func drip(context: ChannelHandlerContext, remaining: Int, byte: UInt8, interval: TimeAmount) {
        guard remaining > 0 else {
            finish(context: context)
            return
        }
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: interval) {
            guard self.isResponding else { return }
            self.timer = nil
            context.writeAndFlush(self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: [byte])))), promise: nil)
            self.drip(context: context, remaining: remaining - 1, byte: byte, interval: interval)
        }
    }
}
