import Foundation

/// Decides which charset decodes a document: byte order mark, then HTTP charset, then a `<meta>` declaration in the
/// first 1024 bytes, then UTF-8. A declared label libxml2 cannot decode is skipped (and recorded), as browsers do.
struct CharsetResolver {
    /// The outcome: the charset to decode with, where it came from, and labels skipped as unsupported.
    struct Decision: Equatable {
        var charset: String
        var source: CharsetSource
        var ignoredLabels: [String]
    }

    /// How many leading bytes the `<meta>` prescan looks at (the HTML standard's figure).
    static let prescanLength = 1024

    /// Whether a normalised charset name can be decoded; injectable so the rules are testable without libxml2.
    var isSupported: (String) -> Bool

    /// A resolver asking libxml2 which charsets it can decode.
    init(isSupported: @escaping (String) -> Bool = LibXML2.isEncodingSupported) {
        self.isSupported = isSupported
    }

    /// Resolves the charset for `data` given the HTTP `Content-Type` charset parameter, if any.
    func resolve(data: Data, httpCharset: String?) -> Decision {
        if let bom = Self.byteOrderMarkCharset(data) {
            return Decision(charset: bom, source: .byteOrderMark, ignoredLabels: [])
        }
        var ignored: [String] = []
        if let label = httpCharset.flatMap(Self.normalise) {
            if isSupported(label) {
                return Decision(charset: label, source: .httpHeader, ignoredLabels: ignored)
            }
            ignored.append(label)
        }
        if let label = MetaCharsetScanner.scan(data.prefix(Self.prescanLength)).flatMap(Self.normalise) {
            // A document whose meta tag we could read as ASCII is not UTF-16 (HTML standard, "get an encoding").
            let label = label.hasPrefix("utf-16") ? "utf-8" : label
            if isSupported(label) {
                return Decision(charset: label, source: .metaTag, ignoredLabels: ignored)
            }
            ignored.append(label)
        }
        return Decision(charset: "utf-8", source: .defaultUTF8, ignoredLabels: ignored)
    }

    /// The charset a leading byte order mark announces, if any.
    static func byteOrderMarkCharset(_ data: Data) -> String? {
        let head = Array(data.prefix(3))
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { return "utf-8" }
        if head.count >= 2, head[0] == 0xFE, head[1] == 0xFF { return "utf-16be" }
        if head.count >= 2, head[0] == 0xFF, head[1] == 0xFE { return "utf-16le" }
        return nil
    }

    /// Trims whitespace and quotes, lower-cases, and maps common aliases to the names browsers use
    /// (the Latin-1 family decodes as windows-1252, as the HTML standard requires). Nil when nothing is left.
    static func normalise(_ label: String) -> String? {
        let trimmed = label.trimmingCharacters(in: CharacterSet(charactersIn: " \t\n\r\u{0C}\"'"))
            .lowercased()
        guard !trimmed.isEmpty, trimmed.count <= 64 else { return nil }
        return aliases[trimmed] ?? trimmed
    }

    /// Labels the HTML standard maps to another decoder, limited to the ones seen in practice.
    private static let aliases: [String: String] = [
        "utf8": "utf-8",
        "unicode-1-1-utf-8": "utf-8",
        "iso-8859-1": "windows-1252",
        "iso8859-1": "windows-1252",
        "iso_8859-1": "windows-1252",
        "latin1": "windows-1252",
        "l1": "windows-1252",
        "us-ascii": "windows-1252",
        "ascii": "windows-1252",
        "cp1252": "windows-1252",
        "x-cp1252": "windows-1252",
        "gb2312": "gbk",
        "x-sjis": "shift_jis",
        "sjis": "shift_jis",
        "utf-16": "utf-16le",
        "unicode": "utf-16le",
    ]
}
