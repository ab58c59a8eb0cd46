import Foundation

/// A CSS selector of the everyday subset, translated to XPath 1.0 so libxml2 can evaluate it: type and universal
/// selectors, `#id`, `.class`, attribute selectors (`[a]`, `[a=v]`, `[a~=v]`, `[a|=v]`, `[a^=v]`, `[a$=v]`,
/// `[a*=v]`), `:first-child`, `:last-child`, `:nth-child(n)`, `:nth-of-type(n)`, the descendant and child
/// combinators, and comma-separated lists. Used for user-written suppressions; anything else is an error that
/// says what is unsupported.
public enum CSSSelector {
    /// The XPath expression selecting what `selector` selects; throws for syntax outside the subset.
    public static func xpath(_ selector: String) throws(HTMLError) -> String {
        let groups = selector.split(separator: ",", omittingEmptySubsequences: false)
        var parts: [String] = []
        for group in groups {
            var parser = Parser(text: Array(group.trimmingHTMLWhitespace().unicodeScalars))
            parts.append(try parser.parseComplex())
        }
        return parts.joined(separator: " | ")
    }

    fileprivate static func failure(_ reason: String) -> HTMLError {
        HTMLError(code: .invalidXPath, reason: "unsupported CSS selector: \(reason)")
    }

    private struct Parser {
        let text: [Unicode.Scalar]
        var position = 0

        init(text: [Unicode.Scalar]) { self.text = text }

        mutating func parseComplex() throws(HTMLError) -> String {
            guard !text.isEmpty else { throw CSSSelector.failure("empty selector") }
            var xpath = "//" + (try parseCompound())
            while position < text.count {
                let hadSpace = skipSpaces()
                guard position < text.count else { break }
                if text[position] == ">" {
                    position += 1
                    skipSpaces()
                    xpath += "/" + (try parseCompound())
                } else if text[position] == "+" || text[position] == "~" {
                    throw CSSSelector.failure("sibling combinator '\(text[position])'")
                } else if hadSpace {
                    xpath += "//" + (try parseCompound())
                } else {
                    throw CSSSelector.failure("unexpected '\(text[position])'")
                }
            }
            return xpath
        }

        @discardableResult
        mutating func skipSpaces() -> Bool {
            let start = position
            while position < text.count, text[position].properties.isWhitespace { position += 1 }
            return position > start
        }

        mutating func parseCompound() throws(HTMLError) -> String {
            var element = "*"
            var sawSomething = false
            var predicates: [String] = []
            if position < text.count, text[position] == "*" {
                position += 1
                sawSomething = true
            } else if let name = identifier() {
                element = name.lowercased()
                sawSomething = true
            }
            loop: while position < text.count {
                switch text[position] {
                case "#":
                    position += 1
                    guard let id = identifier() else { throw CSSSelector.failure("'#' without an id") }
                    predicates.append("@id=\(literal(id))")
                case ".":
                    position += 1
                    guard let name = identifier() else { throw CSSSelector.failure("'.' without a class") }
                    predicates.append("contains(concat(' ', normalize-space(@class), ' '), \(literal(" \(name) ")))")
                case "[":
                    predicates.append(try attribute())
                case ":":
                    predicates.append(try pseudoClass(element: element))
                default:
                    break loop
                }
                sawSomething = true
            }
            guard sawSomething else {
                let found = position < text.count ? "'\(text[position])'" : "the end"
                throw CSSSelector.failure("expected a type, '*', '#', '.', '[' or ':' but found \(found)")
            }
            return element + predicates.map { "[\($0)]" }.joined()
        }

        mutating func identifier() -> String? {
            let start = position
            while position < text.count {
                let scalar = text[position]
                guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
                else { break }
                position += 1
            }
            return position > start ? String(String.UnicodeScalarView(text[start..<position])) : nil
        }

        mutating func attribute() throws(HTMLError) -> String {
            position += 1
            skipSpaces()
            guard let name = identifier()?.lowercased() else { throw CSSSelector.failure("'[' without a name") }
            skipSpaces()
            guard position < text.count else { throw CSSSelector.failure("unclosed '['") }
            if text[position] == "]" {
                position += 1
                return "@\(name)"
            }
            var operation = ""
            while position < text.count, "~|^$*=".unicodeScalars.contains(text[position]) {
                operation.unicodeScalars.append(text[position])
                position += 1
            }
            skipSpaces()
            let value = try attributeValue()
            skipSpaces()
            guard position < text.count, text[position] == "]" else { throw CSSSelector.failure("unclosed '['") }
            position += 1
            let attribute = "@\(name)"
            switch operation {
            case "=": return "\(attribute)=\(literal(value))"
            case "~=": return "contains(concat(' ', normalize-space(\(attribute)), ' '), \(literal(" \(value) ")))"
            case "|=": return "(\(attribute)=\(literal(value)) or starts-with(\(attribute), \(literal(value + "-"))))"
            case "^=": return "starts-with(\(attribute), \(literal(value)))"
            case "$=":
                return
                    "substring(\(attribute), string-length(\(attribute)) - \(value.count - 1))=\(literal(value))"
            case "*=": return "contains(\(attribute), \(literal(value)))"
            default: throw CSSSelector.failure("attribute operator '\(operation)'")
            }
        }

        mutating func attributeValue() throws(HTMLError) -> String {
            guard position < text.count else { throw CSSSelector.failure("attribute value missing") }
            let quote = text[position]
            if quote == "\"" || quote == "'" {
                position += 1
                let start = position
                while position < text.count, text[position] != quote { position += 1 }
                guard position < text.count else { throw CSSSelector.failure("unclosed quote") }
                defer { position += 1 }
                return String(String.UnicodeScalarView(text[start..<position]))
            }
            guard let value = identifier() else { throw CSSSelector.failure("attribute value missing") }
            return value
        }

        mutating func pseudoClass(element: String) throws(HTMLError) -> String {
            position += 1
            guard let name = identifier()?.lowercased() else { throw CSSSelector.failure("':' without a name") }
            switch name {
            case "first-child": return "not(preceding-sibling::*)"
            case "last-child": return "not(following-sibling::*)"
            case "nth-child", "nth-of-type":
                guard position < text.count, text[position] == "(" else {
                    throw CSSSelector.failure(":\(name) needs (n)")
                }
                position += 1
                let start = position
                while position < text.count, ("0"..."9").contains(text[position]) { position += 1 }
                guard position > start, position < text.count, text[position] == ")",
                    let number = Int(String(String.UnicodeScalarView(text[start..<position]))), number > 0
                else { throw CSSSelector.failure(":\(name) takes a positive whole number") }
                position += 1
                let sibling = name == "nth-child" || element == "*" ? "*" : element
                return "count(preceding-sibling::\(sibling))=\(number - 1)"
            default:
                throw CSSSelector.failure("pseudo-class ':\(name)'")
            }
        }

        /// An XPath string literal for `value` (concat() when it holds both quote kinds).
        func literal(_ value: String) -> String {
            if !value.contains("'") { return "'\(value)'" }
            if !value.contains("\"") { return "\"\(value)\"" }
            let pieces = value.split(separator: "'", omittingEmptySubsequences: false).map { "'\($0)'" }
            return "concat(" + pieces.joined(separator: ", \"'\", ") + ")"
        }
    }
}
