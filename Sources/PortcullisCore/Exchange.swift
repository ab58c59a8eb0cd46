public import Foundation

/// One header line exactly as received: name as spelled on the wire, value with surrounding whitespace trimmed.
public struct HeaderField: Sendable, Hashable, Codable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// One HTTP response in a chain of redirects, kept as the wire showed it.
public struct ResponseHop: Sendable, Hashable, Codable {
    /// The URL that was requested to get this response.
    public var url: URL
    /// The status code, such as 200 or 301.
    public var status: Int
    /// The protocol version the response came over, such as `HTTP/1.1` or `HTTP/2`.
    public var httpVersion: String
    /// Every header line in wire order, duplicates kept.
    public var headers: [HeaderField]

    public init(url: URL, status: Int, httpVersion: String, headers: [HeaderField]) {
        self.url = url
        self.status = status
        self.httpVersion = httpVersion
        self.headers = headers
    }

    /// All values of the header `name` (case-insensitive), in wire order.
    public func values(of name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    /// The first value of the header `name` (case-insensitive), or `nil` when absent.
    public func value(of name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The `Location` header of a redirect, if any.
    public var location: String? { value(of: "Location") }

    /// Whether this response is a redirect that carries a target.
    public var isRedirect: Bool { (300...399).contains(status) && location != nil }
}

/// Where time went in one request, in seconds from its start (as libcurl measures them).
public struct Timings: Sendable, Hashable, Codable {
    public var nameLookup: Double
    public var connect: Double
    public var tlsHandshake: Double
    public var firstByte: Double
    public var total: Double

    public init(
        nameLookup: Double = 0,
        connect: Double = 0,
        tlsHandshake: Double = 0,
        firstByte: Double = 0,
        total: Double = 0
    ) {
        self.nameLookup = nameLookup
        self.connect = connect
        self.tlsHandshake = tlsHandshake
        self.firstByte = firstByte
        self.total = total
    }
}

/// The TLS session a fetch negotiated, and the certificates the peer presented.
public struct TLSSession: Sendable, Hashable, Codable {
    /// The protocol version, such as `TLSv1.3`.
    public var version: String
    /// The cipher suite name as OpenSSL spells it.
    public var cipher: String
    /// The peer's certificate chain in PEM, leaf first.
    public var peerCertificatesPEM: [String]

    public init(version: String, cipher: String, peerCertificatesPEM: [String]) {
        self.version = version
        self.cipher = cipher
        self.peerCertificatesPEM = peerCertificatesPEM
    }
}

/// A request and everything that came back for it: every redirect hop, the final body, timings and TLS.
///
/// Checks read exchanges; they never fetch anything themselves.
public struct Exchange: Sendable, Hashable {
    /// The URL first requested.
    public var requestURL: URL
    /// Every response received, redirects first, the final response last. Never empty.
    public var hops: [ResponseHop]
    /// The final response body after content decoding, at most the body cap long.
    public var body: Data
    /// Whether the body was cut at the cap.
    public var bodyTruncated: Bool
    /// The charset named by the final response's `Content-Type`, if any.
    public var charset: String?
    /// Timings of the final request.
    public var timings: Timings
    /// The TLS session of the final request; `nil` over plain HTTP.
    public var tls: TLSSession?
    /// Why redirects stopped being followed before a non-redirect response, if they did.
    public var redirectNotFollowed: String?

    public init(
        requestURL: URL,
        hops: [ResponseHop],
        body: Data,
        bodyTruncated: Bool = false,
        charset: String? = nil,
        timings: Timings = Timings(),
        tls: TLSSession? = nil,
        redirectNotFollowed: String? = nil
    ) {
        precondition(!hops.isEmpty, "an exchange has at least one response")
        self.requestURL = requestURL
        self.hops = hops
        self.body = body
        self.bodyTruncated = bodyTruncated
        self.charset = charset
        self.timings = timings
        self.tls = tls
        self.redirectNotFollowed = redirectNotFollowed
    }

    /// The last response: the one whose body this exchange carries.
    public var response: ResponseHop { hops[hops.count - 1] }

    /// The URL the final response came from.
    public var finalURL: URL { response.url }

    /// The media type of the final response, lower-cased, without parameters (`text/html`).
    public var mediaType: String? {
        guard let contentType = response.value(of: "Content-Type") else { return nil }
        let type = contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? contentType
        return type.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Whether the final response looks like an HTML document worth parsing.
    public var isHTML: Bool {
        guard let mediaType else { return finalURL.isFileURL || body.prefix(512).containsHTMLMarker }
        return mediaType == "text/html" || mediaType == "application/xhtml+xml"
    }
}

extension Data {
    fileprivate var containsHTMLMarker: Bool {
        let head = String(decoding: self, as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<!doctype html")
    }
}
