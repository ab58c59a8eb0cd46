import PortcullisCore

/// The status line and header fields of one response, as parsed from raw header lines.
struct ResponseHead: Sendable, Hashable {
    /// The protocol as the status line spells it: `HTTP/1.1`, `HTTP/2`.
    var httpVersion: String
    /// The status code; 0 when the status line did not carry a number.
    var status: Int
    /// Header fields in wire order, duplicates kept, names as spelled.
    var headers: [HeaderField] = []
    /// Lines that could not be kept (no colon, empty name, a fold with nothing to continue).
    var ignoredLines: [String] = []

    /// Whether this is an interim (1xx) response that a final response follows.
    var isInformational: Bool { (100...199).contains(status) }
}

/// Turns the raw header lines libcurl hands over, one at a time, into response heads.
///
/// One transfer can carry several heads (a `100 Continue` or `103 Early Hints` before the final one;
/// trailers after it). Malformed input never stops the parser: continuation lines (obs-fold) are joined
/// to the previous value with one space, and lines without a colon are kept aside in
/// ``ResponseHead/ignoredLines`` rather than guessed at.
struct ResponseHeadParser: Sendable, Hashable {
    /// Every head seen so far, in order.
    private(set) var heads: [ResponseHead] = []
    /// Lines that came before any status line.
    private(set) var strayLines: [String] = []

    init() {}

    /// The head that carries the body: the last non-informational one, else the last one.
    var finalHead: ResponseHead? {
        heads.last { !$0.isInformational } ?? heads.last
    }

    /// Feeds one raw header line (bytes as received, line ending included or not).
    mutating func consume<Bytes: Collection<UInt8>>(bytes: Bytes) {
        consume(line: Self.decode(bytes))
    }

    /// Feeds one header line (line ending included or not).
    mutating func consume(line rawLine: String) {
        var line = Substring(rawLine)
        while let last = line.last, last.isNewline {  // "\r\n" is one Character
            line.removeLast()
        }
        if line.hasPrefix("HTTP/") {
            heads.append(Self.statusLine(line))
            return
        }
        if line.isEmpty {
            return
        }
        guard !heads.isEmpty else {
            strayLines.append(String(line))
            return
        }
        let index = heads.count - 1
        if let first = line.first, first == " " || first == "\t" {
            let continuation = line.trimmingHeaderWhitespace()
            if heads[index].headers.isEmpty {
                heads[index].ignoredLines.append(String(line))
            } else if !continuation.isEmpty {
                let last = heads[index].headers.count - 1
                let joined = heads[index].headers[last].value.isEmpty ? "" : " "
                heads[index].headers[last].value += joined + continuation
            }
            return
        }
        guard let colon = line.firstIndex(of: ":") else {
            heads[index].ignoredLines.append(String(line))
            return
        }
        let name = line[..<colon].trimmingHeaderWhitespace()
        guard !name.isEmpty else {
            heads[index].ignoredLines.append(String(line))
            return
        }
        let value = line[line.index(after: colon)...].trimmingHeaderWhitespace()
        heads[index].headers.append(HeaderField(name: name, value: value))
    }

    /// Parses `HTTP/1.1 200 OK` or `HTTP/2 200`.
    private static func statusLine(_ line: Substring) -> ResponseHead {
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        let version = parts.first.map(String.init) ?? "HTTP"
        let status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        return ResponseHead(httpVersion: version, status: (0...999).contains(status) ? status : 0)
    }

    /// Decodes header bytes as UTF-8 when valid, else as ISO-8859-1 (what RFC 9110 allows on the wire).
    static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        if let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs (the only whitespace HTTP allows there).
    fileprivate func trimmingHeaderWhitespace() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" {
            slice.removeFirst()
        }
        while let last = slice.last, last == " " || last == "\t" {
            slice.removeLast()
        }
        return String(slice)
    }
}
