import NIOCore
import NIOHTTP1

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serves decoded HTTP/1.1 requests on one connection by writing a ``DemoResponder``'s raw response bytes.
///
/// Requests are answered one at a time in arrival order (keep-alive and pipelining work); long bodies follow
/// the channel's writability; timers and streams stop when the client goes away, so nothing outlives the
/// connection. Errors (resets, TLS truncation, unparsable requests) close the connection without a trace.
final class RawHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = ByteBuffer

    private enum State {
        case idle
        case responding(closing: Bool)
        case closed
    }

    /// How many slices one pump turn writes before yielding the event loop to other connections.
    private static let slicesPerTurn = 16

    private let responder: any DemoResponder
    private var state = State.idle
    private var head: HTTPRequestHead?
    private var queue = CircularBuffer<DemoRequest>()
    private var pump: BodyPump?
    private var isPumping = false
    private var isServing = false
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
            guard let requestHead = head else { return }
            head = nil
            if case .closed = state { return }
            queue.append(DemoRequest(head: requestHead))
            serveQueued(context: context)
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
        if error is HTTPParserError, case .idle = state {
            let reply = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            state = .responding(closing: true)
            finish(context: context, with: ByteBuffer(string: reply))
            return
        }
        stop()
        context.close(promise: nil)
    }

    private func stop() {
        state = .closed
        timer?.cancel()
        timer = nil
        pump = nil
        queue.removeAll()
    }

    private func serveQueued(context: ChannelHandlerContext) {
        guard !isServing else { return }
        isServing = true
        defer { isServing = false }
        while case .idle = state, let request = queue.popFirst() {
            serve(request, context: context)
        }
    }

    private func serve(_ request: DemoRequest, context: ChannelHandlerContext) {
        let response = responder.respond(to: request)
        let closing = response.closeAfter || !request.keepAlive
        state = .responding(closing: closing)
        guard var bytes = response.serializedHead(closing: closing) else {
            switch response.body {
            case .hang(let timeout):
                timer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
                    context.close(promise: nil)
                }
            case .reset:
                abort(context: context)
            case .bytes, .stream, .drip:
                break
            }
            return
        }
        if request.method == .HEAD {
            finish(context: context, with: bytes)
            return
        }
        switch response.body {
        case .bytes(var body):
            bytes.writeBuffer(&body)
            finish(context: context, with: bytes)
        case .stream(let bodyPump):
            context.writeAndFlush(wrapOutboundOut(bytes), promise: nil)
            pump = bodyPump
            pumpBody(context: context)
        case .drip(let count, let byte, let interval):
            context.writeAndFlush(wrapOutboundOut(bytes), promise: nil)
            drip(context: context, remaining: count, byte: byte, interval: interval)
        case .hang, .reset:
            break
        }
    }

    /// Closes the connection with a TCP reset: `SO_LINGER` {on, 0 s} makes the kernel send RST instead of FIN.
    private func abort(context: ChannelHandlerContext) {
        state = .closed
        queue.removeAll()
        guard let socket = context.channel as? any SocketOptionProvider else {
            context.close(promise: nil)
            return
        }
        socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    /// Writes the response's last bytes, then either closes or moves on to the next queued request.
    private func finish(context: ChannelHandlerContext, with last: ByteBuffer) {
        guard case .responding(let closing) = state else { return }
        let written = context.writeAndFlush(wrapOutboundOut(last))
        guard closing else {
            state = .idle
            serveQueued(context: context)
            return
        }
        state = .closed
        written.assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    private func pumpBody(context: ChannelHandlerContext) {
        guard !isPumping else { return }
        isPumping = true
        defer { isPumping = false }
        var turns = Self.slicesPerTurn
        while case .responding = state, var current = pump, context.channel.isWritable {
            guard let slice = current.next() else {
                pump = nil
                finish(context: context, with: ByteBuffer())
                return
            }
            pump = current
            context.writeAndFlush(wrapOutboundOut(slice), promise: nil)
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
            finish(context: context, with: ByteBuffer())
            return
        }
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: interval) {
            guard case .responding = self.state else { return }
            self.timer = nil
            context.writeAndFlush(self.wrapOutboundOut(ByteBuffer(bytes: [byte])), promise: nil)
            self.drip(context: context, remaining: remaining - 1, byte: byte, interval: interval)
        }
    }
}
