/// A host-source (CSP3 §2.3.1): optional scheme, host (possibly `*.`-prefixed), optional port and path.
public struct HostSource: Hashable, Sendable {
    /// A port-part: a number or `*`.
    public enum Port: Hashable, Sendable {
        case number(Int)
        case any
    }

    /// The scheme without `:`, lowercased, if the expression had one.
    public var scheme: String?
    /// The host, lowercased; `*` alone or `*.suffix` for wildcards.
    public var host: String
    /// The port, if given.
    public var port: Port?
    /// The path, if given (begins with `/`).
    public var path: String?

    /// Creates a host source from its parts.
    public init(scheme: String?, host: String, port: Port?, path: String?) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
    }

    /// Whether the host starts with a `*.` wildcard.
    public var hasWildcardHost: Bool { host.hasPrefix("*.") }

    /// Parses a host-source per the CSP3 grammar; nil when the token is not one.
    public static func parse(_ token: String) -> HostSource? {
        var rest = Substring(token)
        var scheme: String?
        if let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://") {
            let candidate = rest[rest.startIndex..<colon]
            guard SourceExpression.isSchemeName(candidate) else { return nil }
            scheme = candidate.lowercased()
            rest = rest[rest.index(colon, offsetBy: 3)...]
        }
        var path: String?
        if let slash = rest.firstIndex(of: "/") {
            path = String(rest[slash...])
            rest = rest[rest.startIndex..<slash]
        }
        var port: Port?
        if let colon = rest.lastIndex(of: ":") {
            let portText = rest[rest.index(after: colon)...]
            if portText == "*" {
                port = .any
            } else if !portText.isEmpty, portText.utf8.count <= 5,
                portText.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                let value = Int(portText)
            {
                port = .number(value)
            } else {
                return nil
            }
            rest = rest[rest.startIndex..<colon]
        }
        guard isHostPart(rest) else { return nil }
        if let path, !path.unicodeScalars.allSatisfy(isPathScalar) { return nil }
        return HostSource(scheme: scheme, host: rest.lowercased(), port: port, path: path)
    }

    /// `host-part = "*" / [ "*." ] 1*host-char *( "." 1*host-char ) [ "." ]`, host-char = ALPHA / DIGIT / "-".
    static func isHostPart(_ text: Substring) -> Bool {
        if text == "*" { return true }
        var body = text
        if body.hasPrefix("*.") { body = body.dropFirst(2) }
        if body.hasSuffix(".") { body = body.dropLast() }
        guard !body.isEmpty else { return false }
        var labelLength = 0
        for byte in body.utf8 {
            if byte == UInt8(ascii: ".") {
                guard labelLength > 0 else { return false }
                labelLength = 0
            } else if byte.isASCIILetterOrDigit || byte == UInt8(ascii: "-") {
                labelLength += 1
            } else {
                return false
            }
        }
        return labelLength > 0
    }

    private static func isPathScalar(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII, scalar.value > 0x20, scalar.value < 0x7F else { return false }
        return scalar != ";" && scalar != ","
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIILetterOrDigit: Bool { isASCII && (isLetter || isNumber) }
}
