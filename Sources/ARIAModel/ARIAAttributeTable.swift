/// Every WAI-ARIA 1.2 state and property (with the ARIA 1.3 `aria-colindextext` / `aria-rowindextext` that
/// browsers and axe-core already accept), its value type and whether it is global.
///
/// `aria-disabled`, `aria-errormessage`, `aria-haspopup` and `aria-invalid` are still global in ARIA 1.2 but that
/// global use is deprecated: they are marked global and deprecated. `aria-grabbed` and `aria-dropeffect` are
/// deprecated outright.
enum ARIAAttributeTable {
    /// The table by name.
    static func build() -> [String: ARIAAttribute] {
        typealias Kind = ARIAAttribute.ValueType
        let entries: [(String, Kind, Bool, Bool)] = [
            ("aria-activedescendant", .idReference, false, false),
            ("aria-atomic", .trueFalse, true, false),
            ("aria-autocomplete", .token(["inline", "list", "both", "none"]), false, false),
            ("aria-braillelabel", .string, true, false),
            ("aria-brailleroledescription", .string, true, false),
            ("aria-busy", .trueFalse, true, false),
            ("aria-checked", .tristate, false, false),
            ("aria-colcount", .integer, false, false),
            ("aria-colindex", .integer, false, false),
            ("aria-colindextext", .string, false, false),
            ("aria-colspan", .integer, false, false),
            ("aria-controls", .idReferenceList, true, false),
            ("aria-current", .token(["page", "step", "location", "date", "time", "true", "false"]), true, false),
            ("aria-describedby", .idReferenceList, true, false),
            ("aria-description", .string, true, false),
            ("aria-details", .idReference, true, false),
            ("aria-disabled", .trueFalse, true, true),
            ("aria-dropeffect", .tokenList(["copy", "execute", "link", "move", "none", "popup"]), true, true),
            ("aria-errormessage", .idReference, true, true),
            ("aria-expanded", .trueFalseUndefined, false, false),
            ("aria-flowto", .idReferenceList, true, false),
            ("aria-grabbed", .trueFalseUndefined, true, true),
            ("aria-haspopup", .token(["false", "true", "menu", "listbox", "tree", "grid", "dialog"]), true, true),
            ("aria-hidden", .trueFalseUndefined, true, false),
            ("aria-invalid", .token(["grammar", "false", "spelling", "true"]), true, true),
            ("aria-keyshortcuts", .string, true, false),
            ("aria-label", .string, true, false),
            ("aria-labelledby", .idReferenceList, true, false),
            ("aria-level", .integer, false, false),
            ("aria-live", .token(["assertive", "off", "polite"]), true, false),
            ("aria-modal", .trueFalse, false, false),
            ("aria-multiline", .trueFalse, false, false),
            ("aria-multiselectable", .trueFalse, false, false),
            ("aria-orientation", .token(["horizontal", "undefined", "vertical"]), false, false),
            ("aria-owns", .idReferenceList, true, false),
            ("aria-placeholder", .string, false, false),
            ("aria-posinset", .integer, false, false),
            ("aria-pressed", .tristate, false, false),
            ("aria-readonly", .trueFalse, false, false),
            ("aria-relevant", .tokenList(["additions", "all", "removals", "text"]), true, false),
            ("aria-required", .trueFalse, false, false),
            ("aria-roledescription", .string, true, false),
            ("aria-rowcount", .integer, false, false),
            ("aria-rowindex", .integer, false, false),
            ("aria-rowindextext", .string, false, false),
            ("aria-rowspan", .integer, false, false),
            ("aria-selected", .trueFalseUndefined, false, false),
            ("aria-setsize", .integer, false, false),
            ("aria-sort", .token(["ascending", "descending", "none", "other"]), false, false),
            ("aria-valuemax", .number, false, false),
            ("aria-valuemin", .number, false, false),
            ("aria-valuenow", .number, false, false),
            ("aria-valuetext", .string, false, false),
        ]
        var result: [String: ARIAAttribute] = [:]
        for (name, kind, isGlobal, isDeprecated) in entries {
            result[name] = ARIAAttribute(name: name, valueType: kind, isGlobal: isGlobal, isDeprecated: isDeprecated)
        }
        return result
    }
}

/// Value syntax per WAI-ARIA 1.2 §6.3 value types (tokens are ASCII case-insensitive, surrounding whitespace
/// ignored).
enum ARIAValueSyntax {
    /// Whether `value` is valid for `type`.
    static func isValid(_ value: String, for type: ARIAAttribute.ValueType) -> Bool {
        let trimmed = value.trimmingASCIIWhitespace()
        let token = trimmed.lowercased()
        switch type {
        case .string: return true
        case .trueFalse: return token == "true" || token == "false"
        case .trueFalseUndefined: return token == "true" || token == "false" || token == "undefined"
        case .tristate: return token == "true" || token == "false" || token == "mixed" || token == "undefined"
        case .idReference: return !trimmed.isEmpty && !trimmed.contains(where: \.isWhitespace)
        case .idReferenceList: return !trimmed.isEmpty
        case .integer: return isInteger(trimmed)
        case .number: return isNumber(trimmed)
        case .token(let values): return values.contains(token)
        case .tokenList(let values):
            let tokens = token.split(whereSeparator: \.isWhitespace)
            return !tokens.isEmpty && tokens.allSatisfy { values.contains(String($0)) }
        }
    }

    /// Optional sign then one or more ASCII digits.
    static func isInteger(_ text: String) -> Bool {
        var scalars = Substring(text)
        if scalars.first == "-" || scalars.first == "+" { scalars = scalars.dropFirst() }
        return !scalars.isEmpty && scalars.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A decimal number: optional sign, digits with an optional fraction (or a fraction alone), optional exponent.
    static func isNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        let mantissaEnd = rest.firstIndex { $0 == "e" || $0 == "E" } ?? rest.endIndex
        let mantissa = rest[..<mantissaEnd]
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.contains(where: { !$0.isEmpty }) else { return false }
        guard parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return false }
        if parts.count == 2 && parts[1].isEmpty { return false }
        if mantissaEnd == rest.endIndex { return true }
        return isInteger(String(rest[rest.index(after: mantissaEnd)...]))
    }
}

extension String {
    /// The string without leading and trailing ASCII whitespace (space, tab, LF, FF, CR).
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
