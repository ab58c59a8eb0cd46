public import Foundation

/// One `name=value` pair of a URL query, percent-decoded (`+` read as a space, as form encoding does).
public struct QueryParameter: Sendable, Hashable {
    /// The decoded name.
    public var name: String
    /// The decoded value.
    public var value: String

    /// A parameter.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// Raw query strings, parsed and built by hand so order and duplicated parameters survive (Foundation's
/// `URLComponents` would normalise them): tampering probes send the identity provider exactly these bytes.
public enum RawQuery {
    /// The parameters of `query` (the part after `?`, without it), in order, duplicates kept.
    public static func parse(_ query: String) -> [QueryParameter] {
        query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            return QueryParameter(name, value)
        }
    }

    /// The parameters of `url`'s query (raw, duplicates kept); empty when it has none.
    public static func parameters(of url: URL) -> [QueryParameter] {
        guard let query = url.query(percentEncoded: true) else { return [] }
        return parse(query)
    }

    /// `parameters` as a query string: names and values percent-encoded except RFC 3986 unreserved characters.
    public static func encode(_ parameters: [QueryParameter]) -> String {
        parameters.map { "\(escape($0.name))=\(escape($0.value))" }.joined(separator: "&")
    }

    /// `text` percent-encoded except the RFC 3986 unreserved characters.
    public static func escape(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
