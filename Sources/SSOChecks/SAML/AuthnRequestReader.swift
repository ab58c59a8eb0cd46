import Foundation

/// A deliberately small reader for the root element of a SAML `AuthnRequest`: it reads the start tag's attributes
/// and refuses everything a careful reader must not process (DTDs, entity declarations, unknown entities,
/// duplicated attributes), so a hostile request can never expand or reach the network.
struct AuthnRequestReader {
    /// The root element's local name (`AuthnRequest`).
    var rootName: String
    /// The root element's attributes by local name.
    var attributes: [String: String]

    /// The root element of `xml`.
    init(_ xml: String) throws(SAMLRequestError) {
        if xml.contains("<!DOCTYPE") || xml.contains("<!ENTITY") {
            throw SAMLRequestError(.xml, "the request declares a DTD or entities, which a SAML message must not")
        }
        var scanner = Substring(xml)
        scanner = scanner.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        while scanner.hasPrefix("<?") || scanner.hasPrefix("<!--") {
            let end = scanner.hasPrefix("<?") ? "?>" : "-->"
            guard let close = scanner.range(of: end) else {
                throw SAMLRequestError(.xml, "an unterminated declaration or comment")
            }
            scanner = scanner[close.upperBound...].drop { $0.isWhitespace }
        }
        guard scanner.first == "<" else { throw SAMLRequestError(.xml, "no root element") }
        scanner = scanner.dropFirst()
        let qualified = String(scanner.prefix { !$0.isWhitespace && $0 != "/" && $0 != ">" })
        guard !qualified.isEmpty else { throw SAMLRequestError(.xml, "an empty element name") }
        scanner = scanner.dropFirst(qualified.count)
        rootName = String(qualified.split(separator: ":").last ?? "")
        attributes = try Self.readAttributes(&scanner)
        guard rootName == "AuthnRequest" else {
            throw SAMLRequestError(.xml, "the root element is \(qualified), not an AuthnRequest")
        }
        if !scanner.hasPrefix("/>") && !scanner.contains("</\(qualified)>") {
            throw SAMLRequestError(.xml, "the \(qualified) element is never closed")
        }
    }

    private static func readAttributes(_ scanner: inout Substring) throws(SAMLRequestError) -> [String: String] {
        var attributes: [String: String] = [:]
        while true {
            scanner = scanner.drop { $0.isWhitespace }
            if scanner.hasPrefix(">") || scanner.hasPrefix("/>") { return attributes }
            let name = String(scanner.prefix { !$0.isWhitespace && $0 != "=" && $0 != ">" && $0 != "/" })
            guard !name.isEmpty else { throw SAMLRequestError(.xml, "the start tag is not closed") }
            scanner = scanner.dropFirst(name.count).drop { $0.isWhitespace }
            guard scanner.first == "=" else { throw SAMLRequestError(.xml, "attribute \(name) has no value") }
            scanner = scanner.dropFirst().drop { $0.isWhitespace }
            guard let quote = scanner.first, quote == "\"" || quote == "'" else {
                throw SAMLRequestError(.xml, "attribute \(name) is not quoted")
            }
            scanner = scanner.dropFirst()
            guard let end = scanner.firstIndex(of: quote) else {
                throw SAMLRequestError(.xml, "attribute \(name) is not terminated")
            }
            let raw = scanner[..<end]
            scanner = scanner[scanner.index(after: end)...]
            guard !raw.contains("<") else { throw SAMLRequestError(.xml, "attribute \(name) contains '<'") }
            let local = String(name.split(separator: ":").last ?? "")
            if name.hasPrefix("xmlns") { continue }
            guard attributes[local] == nil else {
                throw SAMLRequestError(.xml, "attribute \(local) appears twice")
            }
            attributes[local] = try unescape(raw)
        }
    }

    /// `raw` with the five predefined entities and character references replaced; any other entity is refused.
    static func unescape(_ raw: Substring) throws(SAMLRequestError) -> String {
        var result = ""
        var rest = raw
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else {
                throw SAMLRequestError(.xml, "a bare '&' in an attribute")
            }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let hex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
                let digits = entity.dropFirst(hex ? 2 : 1)
                guard entity.hasPrefix("#"), let code = UInt32(digits, radix: hex ? 16 : 10),
                    let scalar = Unicode.Scalar(code)
                else { throw SAMLRequestError(.xml, "unknown entity &\(entity);") }
                result.unicodeScalars.append(scalar)
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}
