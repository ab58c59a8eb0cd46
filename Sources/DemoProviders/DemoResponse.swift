import NIOCore

/// What a demo server sends for one request, described as exact wire bytes plus a body plan.
///
/// Responses are written as raw bytes rather than through NIOHTTP1's encoder so that header order, case,
/// duplicates and deliberate malformations reach the client exactly as written here.
struct DemoResponse: Sendable {
    /// The status line without CRLF, e.g. `HTTP/1.1 200 OK`.
    var statusLine: String
    /// Header lines without CRLF, in wire order. `Content-Length` or `Transfer-Encoding` is added from ``body``.
    var headerLines: [String]
    /// What follows the header block.
    var body: DemoBody
    /// Whether the server closes the connection after this response even if the client asked to keep it.
    var closeAfter = false
    /// Whether a `Content-Length` line is added for a fixed body (false for 204 and 304, which must not carry one).
    var sendsContentLength = true

    /// A complete response with a fixed body.
    init(status: Int, reason: String, headerLines: [String], body: [UInt8]) {
        statusLine = "HTTP/1.1 \(status) \(reason)"
        self.headerLines = headerLines
        self.body = .bytes(ByteBuffer(bytes: body))
    }

    /// A complete response with a UTF-8 text body.
    init(status: Int, reason: String, headerLines: [String], text: String) {
        self.init(status: status, reason: reason, headerLines: headerLines, body: Array(text.utf8))
    }

    /// A response with an arbitrary body plan.
    init(statusLine: String, headerLines: [String], body: DemoBody, closeAfter: Bool = false) {
        self.statusLine = statusLine
        self.headerLines = headerLines
        self.body = body
        self.closeAfter = closeAfter
    }

    /// The body length announced as `Content-Length`, or `nil` when none is announced (no length for 204 and 304,
    /// a chunked stream, or a reply that never comes).
    var contentLength: Int? {
        switch body {
        case .bytes(let buffer):
            return sendsContentLength ? buffer.readableBytes : nil
        case .stream(let pump):
            return pump.chunked ? nil : pump.totalBytes
        case .drip(let count, _, _):
            return count
        case .hang, .reset:
            return nil
        }
    }

    /// The status line and header block, ending in the blank line; `nil` when nothing is ever sent (hang, reset).
    func serializedHead(closing: Bool) -> ByteBuffer? {
        var lines = [statusLine] + headerLines
        switch body {
        case .stream(let pump) where pump.chunked:
            lines.append("Transfer-Encoding: chunked")
        case .hang, .reset:
            return nil
        case .bytes, .stream, .drip:
            if let contentLength {
                lines.append("Content-Length: \(contentLength)")
            }
        }
        if closing {
            lines.append("Connection: close")
        }
        var head = ByteBuffer()
        for line in lines {
            head.writeString(line)
            head.writeString("\r\n")
        }
        head.writeString("\r\n")
        return head
    }
}

/// How a response body is produced.
enum DemoBody: Sendable {
    /// A body written at once.
    case bytes(ByteBuffer)
    /// A long body written slice by slice as the socket drains (backpressure-aware).
    case stream(BodyPump)
    /// `count` copies of `byte`, one every `interval` (a slow client-side timeout test).
    case drip(count: Int, byte: UInt8, interval: TimeAmount)
    /// No answer at all; the server closes the connection after `timeout`.
    case hang(timeout: TimeAmount)
    /// No answer at all; the server aborts the connection at once with a TCP reset (an HTTP/2 stream is reset).
    case reset
}

/// Produces a long body in slices from a repeated unit, optionally in chunked transfer coding.
///
/// A value type so the handler owns its progress; slices share the unit's storage (no copies).
struct BodyPump: Sendable {
    /// The bytes repeated to make up the body.
    let unit: ByteBuffer
    /// The body length before chunk framing.
    let totalBytes: Int
    /// Whether slices are framed as HTTP/1.1 chunks (ending with the zero chunk).
    let chunked: Bool
    /// The largest slice handed out at once.
    let sliceSize: Int
    private(set) var sentBytes = 0
    private var terminated = false

    /// Creates a pump; `unit` must not be empty.
    init(unit: ByteBuffer, totalBytes: Int, chunked: Bool, sliceSize: Int = 64 * 1024) {
        precondition(unit.readableBytes > 0 && sliceSize > 0, "a body pump needs a non-empty unit and slice")
        self.unit = unit
        self.totalBytes = totalBytes
        self.chunked = chunked
        self.sliceSize = sliceSize
    }

    /// The next bytes to write (already framed), or `nil` when the body is complete.
    mutating func next() -> ByteBuffer? {
        guard sentBytes < totalBytes else {
            if chunked && !terminated {
                terminated = true
                return ByteBuffer(string: "0\r\n\r\n")
            }
            return nil
        }
        let offset = sentBytes % unit.readableBytes
        let length = min(sliceSize, unit.readableBytes - offset, totalBytes - sentBytes)
        sentBytes += length
        guard var slice = unit.getSlice(at: unit.readerIndex + offset, length: length) else {
            return nil
        }
        guard chunked else {
            return slice
        }
        var framed = ByteBuffer(string: String(length, radix: 16) + "\r\n")
        framed.writeBuffer(&slice)
        framed.writeString("\r\n")
        return framed
    }
}
