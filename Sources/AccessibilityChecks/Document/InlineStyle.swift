import Foundation
import PortcullisHTML

/// The declarations of a `style` attribute, parsed as CSS declarations are: `;`-separated `property: value`,
/// property names case-insensitive, `!important` flag, comments dropped. The cascade inside one attribute is
/// kept: an important declaration beats any normal one, and among equals the last wins.
struct InlineStyle {
    /// One declaration.
    struct Declaration: Hashable {
        /// The property, lower-cased.
        let property: String
        /// The value, trimmed, without `!important`.
        let value: String
        /// Whether it was declared `!important`.
        let important: Bool
    }

    /// The declarations in source order.
    let declarations: [Declaration]

    init(_ text: String) {
        var result: [Declaration] = []
        for part in Self.withoutComments(text).split(separator: ";", omittingEmptySubsequences: true) {
            guard let colon = part.firstIndex(of: ":") else { continue }
            let property = part[..<colon].trimmingHTMLWhitespace().lowercased()
            var value = part[part.index(after: colon)...].trimmingHTMLWhitespace()
            var important = false
            if let bang = value.lastIndex(of: "!") {
                let flag = value[value.index(after: bang)...].trimmingHTMLWhitespace().lowercased()
                if flag == "important" {
                    important = true
                    value = value[..<bang].trimmingHTMLWhitespace()
                }
            }
            guard !property.isEmpty, !value.isEmpty else { continue }
            result.append(Declaration(property: property, value: value, important: important))
        }
        declarations = result
    }

    /// The winning declaration of `property`: the last important one, else the last one.
    func declaration(of property: String) -> Declaration? {
        var winner: Declaration?
        for declaration in declarations where declaration.property == property {
            if winner?.important == true && !declaration.important { continue }
            winner = declaration
        }
        return winner
    }

    /// The winning value of `property`.
    func value(of property: String) -> String? { declaration(of: property)?.value }

    /// Whether the declarations move the element far off-screen (`position:absolute|fixed` with a large negative
    /// `top`/`left`), the usual "visually hidden" technique.
    var isPositionedOffScreen: Bool {
        guard let position = value(of: "position")?.lowercased(), position == "absolute" || position == "fixed"
        else { return false }
        return ["top", "left"].contains { side in
            guard let length = value(of: side).flatMap(CSSLength.init) else { return false }
            switch length.unit {
            case "px": return length.value <= -100
            case "em", "rem": return length.value <= -10
            case "%", "vw", "vh": return length.value <= -100
            default: return false
            }
        }
    }

    private static func withoutComments(_ text: String) -> String {
        guard text.contains("/*") else { return text }
        var output = ""
        var rest = Substring(text)
        while let start = rest.range(of: "/*") {
            output += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "*/") else { return output }
            rest = rest[end.upperBound...]
        }
        return output + rest
    }
}

/// A CSS number with its unit (lower-cased; empty for a bare number), as `1.5`, `0.12em`, `20px`, `150%`.
struct CSSLength: Hashable {
    /// The number.
    let value: Double
    /// The unit, lower-case; "" for a unitless number.
    let unit: String

    init?(_ text: String) {
        let trimmed = text.trimmingHTMLWhitespace().lowercased()
        var numberEnd = trimmed.startIndex
        for (offset, character) in trimmed.enumerated() {
            let isSign = (character == "-" || character == "+") && offset == 0
            guard character.isASCII, character.isNumber || character == "." || isSign else { break }
            numberEnd = trimmed.index(after: numberEnd)
        }
        guard let value = Double(trimmed[..<numberEnd]), value.isFinite else { return nil }
        let unit = String(trimmed[numberEnd...])
        guard unit.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "%") }) else { return nil }
        self.value = value
        self.unit = unit
    }

    /// The length in CSS pixels for absolute units, nil for relative ones.
    var pixels: Double? {
        switch unit {
        case "px": return value
        case "pt": return value * 4 / 3
        case "pc": return value * 16
        case "in": return value * 96
        case "cm": return value * 96 / 2.54
        case "mm": return value * 96 / 25.4
        case "q": return value * 96 / 101.6
        default: return nil
        }
    }
}
