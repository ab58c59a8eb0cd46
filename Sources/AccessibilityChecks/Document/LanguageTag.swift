/// A `lang` value checked as a BCP 47 language tag (RFC 5646): hyphen-separated subtags of one to eight ASCII
/// letters or digits, whose primary language subtag is a known language (``LanguageSubtags``).
///
/// As ACT rules bf051a/de46e4 and axe-core, only the primary subtag is judged for validity: `en-US-GB` is not
/// canonical (two regions) but names English and is accepted; `eng`, `english`, `i-lux` (grandfathered, deprecated)
/// and `#1` are not valid.
struct LanguageTag {
    /// The value as written, trimmed of ASCII whitespace.
    let text: String
    /// The primary language subtag, lower-case ("" when the value is empty).
    let primary: String

    init(_ value: String) {
        text = value.trimmingASCIIWhitespace
        primary = text.split(separator: "-", omittingEmptySubsequences: false).first.map { $0.lowercased() } ?? ""
    }

    /// Whether the value is only whitespace (or empty).
    var isBlank: Bool { text.isEmpty }

    /// Whether the tag is well-formed (subtags of 1–8 ASCII alphanumerics) and its primary subtag is a known
    /// language.
    var isValid: Bool {
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
        let wellFormed = subtags.allSatisfy { subtag in
            (1...8).contains(subtag.count) && subtag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
        guard wellFormed, (2...3).contains(primary.count), primary.allSatisfy(\.isLetter) else { return false }
        return LanguageSubtags.known.contains(primary) || Self.isPrivateUse(primary)
    }

    /// `qaa`–`qtz`, reserved for private use and registered as a range.
    private static func isPrivateUse(_ subtag: String) -> Bool {
        let scalars = Array(subtag.unicodeScalars)
        guard scalars.count == 3, scalars[0] == "q" else { return false }
        return ("a"..."t").contains(scalars[1]) && ("a"..."z").contains(scalars[2])
    }
}

extension String {
    /// The string without leading and trailing ASCII whitespace (HTML's notion of whitespace).
    var trimmingASCIIWhitespace: String {
        let isSpace: (Character) -> Bool = { " \t\n\r\u{0C}".contains($0) }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
