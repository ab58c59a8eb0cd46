import Foundation
import PortcullisHTML

/// What the page's `<style>` elements say about rendering, per element: a deliberately small CSS reader.
///
/// Only rules that set `display`, `visibility` or generated `content` matter. A selector made of compound
/// selectors (`tag`, `#id`, `.class`, `[attr]`, `[attr="v"]`) joined by descendant combinators is matched for
/// certain; anything else (child/sibling combinators, `*`, pseudo-classes, rules inside `@media`/`@supports`)
/// makes the elements its rightmost compound matches *uncertain*. External stylesheets are not read: rules
/// consult ``A11yPage/hasStylesheets`` for those. Cascade: highest specificity wins, then the later rule; inline
/// styles beat every stylesheet rule (`!important` is ignored).
struct StyleSheetRules {
    /// A winning declaration for one property: its value and where it stood in the cascade.
    struct Decided {
        var value: String
        var specificity: Int
        var order: Int
    }

    /// Per element: the winning `display` from certain rules.
    private(set) var display: [Int: Decided] = [:]
    /// Per element: the winning `visibility` from certain rules.
    private(set) var visibility: [Int: Decided] = [:]
    /// Per element: why a rule the reader cannot decide may hide it.
    private(set) var uncertain: [Int: String] = [:]
    /// Whether some rule generates content (`::before`/`::after` with `content`), which names cannot see.
    private(set) var hasGeneratedContent = false
    /// The elements that may carry generated content.
    private(set) var generatedContent: Set<Int> = []
    /// Font sizes set by simple, unconditional rules, per element (the winning declaration).
    private(set) var fontSize: [Int: Decided] = [:]
    /// Whether some rule sets a font size in a way not followed here (complex selector, `@media`, `font`
    /// shorthand), so font sizes from stylesheets are not known for certain.
    private(set) var fontSizeUncertain = false

    /// Reads every `<style>` of `snapshot`.
    init(_ snapshot: DocumentSnapshot) {
        var order = 0
        var classIndex: [String: [Int]]?
        for style in snapshot.indices(named: "style") {
            var css = ""
            for child in snapshot.nodes[style].children {
                if case .text(let text) = child { css += text }
            }
            for rule in Self.parse(Self.stripComments(css)) {
                order += 1
                apply(rule, order: order, snapshot: snapshot, classIndex: &classIndex)
            }
        }
    }

    /// One style rule: its selector list, declarations, and whether it is conditional (inside an at-rule).
    private struct Rule {
        var selectors: Substring
        var declarations: CSSDeclarations
        var conditional: Bool
    }

    private static func stripComments(_ css: String) -> String {
        guard css.contains("/*") else { return css }
        var result = ""
        var rest = Substring(css)
        while let start = rest.range(of: "/*") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "*/") else { return result }
            rest = rest[end.upperBound...]
        }
        return result + rest
    }

    /// Splits `css` into rules; blocks of at-rules are read as conditional rules, one level deep is enough here.
    /// Scans UTF-8 bytes (the delimiters are ASCII), not `Character`s: pages carry tens of kilobytes of CSS.
    private static func parse(_ css: String) -> [Rule] {
        var rules: [Rule] = []
        var stack: [(prelude: Substring, start: String.Index)] = []
        let bytes = css.utf8
        var preludeStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            if byte == UInt8(ascii: "{") {
                stack.append((css[preludeStart..<index], next))
                preludeStart = next
            } else if byte == UInt8(ascii: "}") {
                if let open = stack.popLast() {
                    let prelude = open.prelude.trimmingHTMLWhitespace()
                    if !prelude.hasPrefix("@") {
                        let body = css[open.start..<index]
                        let conditional = stack.contains { $0.prelude.trimmingHTMLWhitespace().hasPrefix("@") }
                        rules.append(
                            Rule(
                                selectors: Substring(prelude),
                                declarations: CSSDeclarations(body),
                                conditional: conditional
                            )
                        )
                    }
                }
                preludeStart = next
            } else if byte == UInt8(ascii: ";") && stack.isEmpty {
                preludeStart = next  // `@import …;` and the like
            }
            index = next
        }
        return rules
    }

    private mutating func apply(
        _ rule: Rule,
        order: Int,
        snapshot: DocumentSnapshot,
        classIndex: inout [String: [Int]]?
    ) {
        let declarations = rule.declarations
        for selectorText in rule.selectors.split(separator: ",") {
            let text = selectorText.trimmingHTMLWhitespace()
            if declarations.hasContent && (text.contains(":before") || text.contains(":after")) {
                hasGeneratedContent = true
                // Over-approximated: every element the rightmost compound (pseudo-element dropped) matches.
                if let selector = SimpleSelector(text) {
                    for candidate in selector.candidates(in: snapshot, classIndex: &classIndex)
                    where selector.key.matches(snapshot.nodes[candidate]) {
                        generatedContent.insert(candidate)
                    }
                }
            }
            if declarations.fontSize != nil || declarations.hasFontShorthand {
                applyFontSize(
                    declarations,
                    selector: text,
                    conditional: rule.conditional,
                    order: order,
                    snapshot: snapshot,
                    classIndex: &classIndex
                )
            }
            guard declarations.display != nil || declarations.visibility != nil else { continue }
            guard let selector = SimpleSelector(text) else { continue }
            let certain = selector.isCertain && !rule.conditional
            let hides = declarations.hidesByDisplay || declarations.hidesByVisibility
            if !certain && !hides { continue }
            for candidate in selector.candidates(in: snapshot, classIndex: &classIndex) {
                guard selector.key.matches(snapshot.nodes[candidate]) else { continue }
                if !certain {
                    uncertain[candidate] = "a stylesheet rule (\(text)) may hide it"
                    continue
                }
                switch selector.matchesAncestors(of: candidate, in: snapshot) {
                case .no: continue
                case .unknown:
                    if hides { uncertain[candidate] = "a stylesheet rule (\(text)) may hide it" }
                    continue
                case .yes: break
                }
                if let value = declarations.display {
                    Self.record(value, selector.specificity, order, into: &display[candidate])
                }
                if let value = declarations.visibility {
                    Self.record(value, selector.specificity, order, into: &visibility[candidate])
                }
            }
        }
    }

    /// Records a rule's font size on the elements a simple, certain, unconditional selector matches; anything
    /// else marks stylesheet font sizes as uncertain.
    private mutating func applyFontSize(
        _ declarations: CSSDeclarations,
        selector text: String,
        conditional: Bool,
        order: Int,
        snapshot: DocumentSnapshot,
        classIndex: inout [String: [Int]]?
    ) {
        guard let value = declarations.fontSize, !declarations.hasFontShorthand, !conditional,
            let selector = SimpleSelector(text), selector.isCertain
        else {
            fontSizeUncertain = true
            return
        }
        for candidate in selector.candidates(in: snapshot, classIndex: &classIndex)
        where selector.key.matches(snapshot.nodes[candidate]) {
            switch selector.matchesAncestors(of: candidate, in: snapshot) {
            case .no: continue
            case .unknown:
                fontSizeUncertain = true
                continue
            case .yes: Self.record(value, selector.specificity, order, into: &fontSize[candidate])
            }
        }
    }

    private static func record(_ value: String, _ specificity: Int, _ order: Int, into slot: inout Decided?) {
        if let current = slot, current.specificity > specificity { return }
        slot = Decided(value: value, specificity: specificity, order: order)
    }
}

/// A selector as this reader understands it: compound selectors joined by descendant combinators.
struct SimpleSelector {
    /// One compound selector: an optional tag, ids, classes, attribute tests.
    struct Compound {
        var tag: String?
        var ids: [String] = []
        var classes: [String] = []
        var attributes: [(name: String, value: String?)] = []
        /// Whether it had parts the reader ignored (pseudo-classes, `*`, unusual attribute operators).
        var approximate = false

        /// Whether `node` matches every understood part.
        func matches(_ node: DocumentSnapshot.Node) -> Bool {
            if let tag, tag != node.name { return false }
            if !ids.isEmpty, !ids.allSatisfy({ node.attribute("id") == $0 }) { return false }
            if !classes.isEmpty {
                let own = (node.attribute("class") ?? "").split(whereSeparator: \.isWhitespace)
                if !classes.allSatisfy({ own.contains(Substring($0)) }) { return false }
            }
            for attribute in attributes {
                guard let value = node.attribute(attribute.name) else { return false }
                if let wanted = attribute.value, wanted != value { return false }
            }
            return true
        }
    }

    /// The rightmost compound: the element the rule styles.
    let key: Compound
    /// The other compounds, left to right.
    let ancestors: [Compound]
    /// Whether matching is exact (no combinator or part the reader skipped).
    let isCertain: Bool
    /// Specificity folded into one number (ids, classes and attributes, tags).
    let specificity: Int

    /// Parses `text`; nil when it is empty or has nothing to match by.
    init?(_ text: String) {
        var certain = !(text.contains(">") || text.contains("+") || text.contains("~"))
        let normalized = text.replacingOccurrences(of: ">", with: " ").replacingOccurrences(of: "+", with: " ")
            .replacingOccurrences(of: "~", with: " ")
        var compounds = normalized.split(whereSeparator: \.isWhitespace).map(Self.compound)
        guard let last = compounds.popLast() else { return nil }
        if last.approximate || compounds.contains(where: \.approximate) { certain = false }
        key = last
        ancestors = compounds
        isCertain = certain
        var ids = 0
        var classes = 0
        var tags = 0
        for compound in compounds + [last] {
            ids += compound.ids.count
            classes += compound.classes.count + compound.attributes.count
            tags += compound.tag == nil ? 0 : 1
        }
        specificity = ids * 1_000_000 + classes * 1_000 + tags
    }

    private static func compound(_ text: Substring) -> Compound {
        var compound = Compound()
        var index = text.startIndex
        func readName() -> String {
            let start = index
            while index < text.endIndex, !"#.[:".contains(text[index]) { index = text.index(after: index) }
            return text[start..<index].lowercased()
        }
        while index < text.endIndex {
            let character = text[index]
            switch character {
            case "#":
                index = text.index(after: index)
                let start = index
                while index < text.endIndex, !"#.[:".contains(text[index]) { index = text.index(after: index) }
                compound.ids.append(String(text[start..<index]))
            case ".":
                index = text.index(after: index)
                let start = index
                while index < text.endIndex, !"#.[:".contains(text[index]) { index = text.index(after: index) }
                compound.classes.append(String(text[start..<index]))
            case "[":
                guard let close = text[index...].firstIndex(of: "]") else {
                    compound.approximate = true
                    return compound
                }
                let inner = text[text.index(after: index)..<close]
                index = text.index(after: close)
                if let equals = inner.firstIndex(of: "=") {
                    let name = inner[..<equals]
                    if name.last.map({ "~|^$*".contains($0) }) == true {
                        compound.approximate = true
                        compound.attributes.append((name.dropLast().trimmingHTMLWhitespace().lowercased(), nil))
                    } else {
                        var value = inner[inner.index(after: equals)...].trimmingHTMLWhitespace()
                        if value.count >= 2, let first = value.first, first == "\"" || first == "'" {
                            value = String(value.dropFirst().dropLast())
                        }
                        compound.attributes.append((name.trimmingHTMLWhitespace().lowercased(), value))
                    }
                } else {
                    compound.attributes.append((inner.trimmingHTMLWhitespace().lowercased(), nil))
                }
            case ":":
                compound.approximate = true
                return compound
            case "*":
                compound.approximate = true
                index = text.index(after: index)
            default:
                compound.tag = readName()
            }
        }
        return compound
    }

    /// The elements that may match the key compound, found through the snapshot's indexes.
    func candidates(in snapshot: DocumentSnapshot, classIndex: inout [String: [Int]]?) -> [Int] {
        if let id = key.ids.first { return snapshot.byID[id] ?? [] }
        if let tag = key.tag { return snapshot.indices(named: tag) }
        if let name = key.classes.first {
            if classIndex == nil {
                var index: [String: [Int]] = [:]
                for (position, node) in snapshot.nodes.enumerated() {
                    guard let classes = node.attribute("class") else { continue }
                    for token in Set(classes.split(whereSeparator: \.isWhitespace)) {
                        index[String(token), default: []].append(position)
                    }
                }
                classIndex = index
            }
            return classIndex?[name] ?? []
        }
        return Array(snapshot.nodes.indices)
    }

    /// Whether the ancestor compounds match, right to left, among `index`'s ancestors.
    enum Match { case yes, no, unknown }

    /// Matches the descendant chain; gives up (unknown) after a bounded number of ancestors.
    func matchesAncestors(of index: Int, in snapshot: DocumentSnapshot) -> Match {
        var pending = ancestors[...]
        var current = snapshot.nodes[index].parent
        var steps = 0
        while let wanted = pending.last {
            guard let ancestor = current else { return .no }
            steps += 1
            if steps > 4_096 { return .unknown }
            if wanted.matches(snapshot.nodes[ancestor]) { pending = pending.dropLast() }
            current = snapshot.nodes[ancestor].parent
        }
        return .yes
    }
}
