import PortcullisHTML

/// The few CSS properties that decide whether content is rendered, read from a declaration block
/// (`style="display: none"` or the body of a stylesheet rule).
struct CSSDeclarations: Sendable, Hashable {
    /// The `display` value, lower-case, `!important` dropped; nil when not declared.
    var display: String?
    /// The `visibility` value, lower-case; nil when not declared.
    var visibility: String?
    /// Whether a `content` property is declared (generated content the markup does not show).
    var hasContent = false
    /// The `font-size` value, lower-case; nil when not declared.
    var fontSize: String?
    /// Whether the `font` shorthand is declared (it sets the size too, in a form not read here).
    var hasFontShorthand = false

    /// Parses `text` (`name: value; …`); the last declaration of a property wins, as in CSS.
    init(_ text: Substring) {
        for declaration in text.split(separator: ";") {
            guard let colon = declaration.firstIndex(of: ":") else { continue }
            let name = declaration[..<colon].trimmingHTMLWhitespace().lowercased()
            guard Self.properties.contains(name) else { continue }
            var value = declaration[declaration.index(after: colon)...].trimmingHTMLWhitespace().lowercased()
            if let bang = value.firstIndex(of: "!") { value = String(value[..<bang]).trimmingHTMLWhitespace() }
            switch name {
            case "display": display = value
            case "visibility": visibility = value
            case "content": hasContent = true
            case "font-size": fontSize = value
            default: hasFontShorthand = true
            }
        }
    }

    /// The properties read; the values of all others are skipped unparsed.
    private static let properties: Set<String> = ["display", "visibility", "content", "font-size", "font"]

    /// Whether `display: none`.
    var hidesByDisplay: Bool { display == "none" }
    /// Whether `visibility: hidden | collapse`.
    var hidesByVisibility: Bool { visibility == "hidden" || visibility == "collapse" }
}
