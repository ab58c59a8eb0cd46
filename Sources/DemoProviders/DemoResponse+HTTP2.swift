import NIOHTTP1

extension DemoResponse {
    /// HTTP/1.1 connection-specific header names that HTTP/2 forbids (RFC 9113, section 8.2.2), lower-case.
    static let connectionSpecificHeaderNames: Set<String> = [
        "connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade",
    ]

    /// The same response head for an HTTP/2 stream: the status code of ``statusLine`` and the ``headerLines``
    /// with lower-case names, in wire order, without connection-specific fields, plus `content-length` when
    /// ``contentLength`` is known.
    ///
    /// HTTP/2 has no reason phrase, no folded or colon-less lines and no framing headers, so those parts of a
    /// deliberately malformed HTTP/1.1 head are dropped. `nil` when the status line has no three-digit code.
    func http2Head() -> HTTPResponseHead? {
        let statusParts = statusLine.split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, statusParts[1].count == 3, let code = Int(statusParts[1]) else {
            return nil
        }
        var headers = HTTPHeaders()
        for line in headerLines {
            guard let (name, value) = Self.field(line) else { continue }
            headers.add(name: name, value: value)
        }
        if let contentLength {
            headers.add(name: "content-length", value: String(contentLength))
        }
        return HTTPResponseHead(version: .http2, status: HTTPResponseStatus(statusCode: code), headers: headers)
    }

    /// Splits `Name: value` into a lower-case name and a trimmed value; `nil` for lines HTTP/2 cannot carry.
    private static func field(_ line: String) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let name = line[..<colon].lowercased()
        let isToken = !name.isEmpty && !name.contains { $0 == " " || $0 == "\t" }
        guard isToken, name != "content-length", !connectionSpecificHeaderNames.contains(name) else { return nil }
        var value = line[line.index(after: colon)...]
        while value.first == " " || value.first == "\t" {
            value.removeFirst()
        }
        while value.last == " " || value.last == "\t" {
            value.removeLast()
        }
        return (name, String(value))
    }
}
