import NIOHTTP1

/// One request as a demo server sees it: the parts the routes need, already split.
struct DemoRequest: Sendable {
    /// The request method.
    var method: HTTPMethod
    /// The request target exactly as sent, e.g. `/page/3?x=1`.
    var target: String
    /// The path part of ``target`` (before `?`).
    var path: String
    /// The request headers.
    var headers: HTTPHeaders
    /// Whether the client allows the connection to stay open after the response.
    var keepAlive: Bool

    /// Splits a decoded request head.
    init(head: HTTPRequestHead) {
        method = head.method
        target = head.uri
        if let question = head.uri.firstIndex(of: "?") {
            path = String(head.uri[..<question])
        } else {
            path = head.uri
        }
        headers = head.headers
        keepAlive = head.isKeepAlive
    }

    /// The path split on `/`, without empty segments: `/page/3` is `["page", "3"]`.
    var segments: [Substring] {
        path.split(separator: "/")
    }

    /// The raw (still percent-encoded) value of the first `name=value` pair of the query, if any.
    func queryValue(_ name: String) -> Substring? {
        guard let question = target.firstIndex(of: "?") else { return nil }
        let query = target[target.index(after: question)...]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts[0] == name {
                return parts.count == 2 ? parts[1] : ""
            }
        }
        return nil
    }
}
