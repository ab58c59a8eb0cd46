public import A11yModel
public import Foundation
public import PortcullisCore
import PortcullisHTML

/// Fails text spacing fixed with `!important` in a `style` attribute below what WCAG 1.4.12 requires users to be
/// able to set (axe `avoid-inline-spacing`): an important inline declaration beats a user's style sheet, so the
/// user cannot widen the spacing. One rule per property, as the ACT rules: letter spacing ≥ 0.12 × font size
/// (24afc2), word spacing ≥ 0.16 × font size (9e45ec), line height ≥ 1.5 × font size (78fd32).
///
/// Applies to an element whose `style` attribute wins the cascade for the property with `!important` and which is
/// the nearest declarer of that property for some visible text (`inherit`/`unset` pass the value down from the
/// parent). `normal`/`initial` fail. The computed length is compared with the font size of each element holding
/// the text (ACT 9e45ec/78fd32 Passed Examples 5 and 7 judge an inherited `2px` against the `10px` text), taken
/// from `style` attributes up the tree (heading defaults included; 16px by default); when a stylesheet may set
/// the font size instead, or the value is not a plain length, the answer needs review. Line height applies only
/// to text that may wrap: text held on one line by `white-space: nowrap` or a fixed inline width wider than the
/// text (estimated generously) drops out; otherwise it is assumed to wrap.
public struct InlineTextSpacingRule: A11yRule {
    /// The property judged and its threshold in font sizes.
    public enum Property: String, Sendable, CaseIterable {
        case letterSpacing = "letter-spacing"
        case wordSpacing = "word-spacing"
        case lineHeight = "line-height"

        /// The smallest passing multiple of the font size.
        var minimum: Double {
            switch self {
            case .letterSpacing: 0.12
            case .wordSpacing: 0.16
            case .lineHeight: 1.5
            }
        }

        /// The rule id.
        public var ruleID: RuleID {
            switch self {
            case .letterSpacing: "a11y.inline-letter-spacing"
            case .wordSpacing: "a11y.inline-word-spacing"
            case .lineHeight: "a11y.inline-line-height"
            }
        }
    }

    /// The property judged.
    public let property: Property

    /// The rule for `property`.
    public init(_ property: Property) {
        self.property = property
    }

    public var rules: [RuleID] { [property.ruleID] }

    private static let passDown: Set<String> = ["inherit", "unset", "revert", "revert-layer"]

    public func evaluate(_ page: A11yPage, at url: URL) -> [Observation] {
        let snapshot = page.snapshot
        let nodes = snapshot.nodes
        var declarations: [Int: InlineStyle.Declaration] = [:]
        for (index, node) in nodes.enumerated() {
            guard let style = node.attribute("style"), style.lowercased().contains(property.rawValue) else { continue }
            if let declaration = InlineStyle(style).declaration(of: property.rawValue),
                !Self.passDown.contains(declaration.value.lowercased())
            {
                declarations[index] = declaration
            }
        }
        guard declarations.values.contains(where: \.important) else { return [] }
        let rendered = RenderedTree.of(page)
        let fonts = FontSizes(page)
        var owner = [Int?](repeating: nil, count: nodes.count)
        // Per declaring element, the elements holding its visible text (ordered, capped: the verdict needs few).
        var holders: [Int: [Int]] = [:]
        for (index, node) in nodes.enumerated() {
            owner[index] = declarations[index] != nil ? index : node.parent.flatMap { owner[$0] }
            guard let current = owner[index], declarations[current]?.important == true, !rendered.invisible[index],
                holders[current, default: []].count < 64
            else { continue }
            let text = node.children.reduce(into: "") { text, child in
                if case .text(let run) = child { text += run.trimmingASCIIWhitespace }
            }
            guard !text.isEmpty else { continue }
            if property == .lineHeight, Self.fitsOnOneLine(node, text: text, fontSize: fonts.size(index)) { continue }
            holders[current, default: []].append(index)
        }
        return holders.keys.sorted().compactMap { index in
            guard let declaration = declarations[index], let texts = holders[index] else { return nil }
            let (outcome, summary) = judge(declaration.value, declarer: index, texts: texts, fonts: fonts)
            return A11yObservation.element(
                property.ruleID,
                outcome,
                page: page,
                index: index,
                url: url,
                summary: summary
            )
        }
    }

    /// Whether the element's own text certainly stays on one line, where line height does not matter (ACT 78fd32
    /// applies to wrapped text only): `white-space: nowrap|pre`, or an inline `width`/`min-width` wider than a
    /// generous estimate of the text (0.7 em per character).
    private static func fitsOnOneLine(_ node: DocumentSnapshot.Node, text: String, fontSize: Double?) -> Bool {
        guard let style = node.attribute("style").map(InlineStyle.init) else { return false }
        if let whiteSpace = style.value(of: "white-space")?.lowercased(), whiteSpace == "nowrap" || whiteSpace == "pre"
        {
            return true
        }
        guard let fontSize else { return false }
        let width = ["width", "min-width"].compactMap { style.value(of: $0).flatMap(CSSLength.init)?.pixels }.max()
        guard let width else { return false }
        return Double(text.count) * 0.7 * fontSize <= width
    }

    /// The verdict for `value` declared on `declarer`, measured against the font size of each element holding the
    /// text it spaces (an inherited length is absolute; a unitless line height scales with each text's font).
    private func judge(_ value: String, declarer: Int, texts: [Int], fonts: FontSizes) -> (Observation.Outcome, String)
    {
        let name = "\(property.rawValue): \(value) !important"
        let lowered = value.lowercased()
        if lowered == "normal" || lowered == "initial" {
            return (.failed, "\(name) fixes the default spacing; users need at least \(property.minimum)em")
        }
        guard let length = CSSLength(value) else {
            return (.needsReview, "\(name): the value cannot be evaluated from markup")
        }
        var ratios: [Double] = []
        for text in texts {
            let ratio: Double?
            switch length.unit {
            case "em": ratio = fonts.scale(from: declarer, to: text).map { length.value * $0 }
            case "%" where property == .lineHeight:
                ratio = fonts.scale(from: declarer, to: text).map { length.value / 100 * $0 }
            case "" where property == .lineHeight || length.value == 0: ratio = length.value
            default: ratio = length.pixels.flatMap { pixels in fonts.size(text).map { pixels / $0 } }
            }
            guard let ratio else {
                return (.needsReview, "\(name): the font size it is relative to is set by a stylesheet or unknown")
            }
            ratios.append(ratio)
        }
        let smallest = ratios.min() ?? 0
        let shown = (smallest * 1000).rounded() / 1000
        if smallest + 1e-9 >= property.minimum {
            return (.passed, "\(name) is \(shown)× the font size")
        }
        return (
            .failed, "\(name) is \(shown)× the font size, below \(property.minimum), and users cannot override it"
        )
    }
}

/// Font sizes in CSS pixels per element from `style` attributes and the user-agent defaults of headings, computed
/// in one pass; nil where a stylesheet may decide it or the value is not a plain length.
struct FontSizes {
    private let sizes: [Double?]
    /// Per element, the nearest ancestor-or-self that changes the font size (the root when none does): two
    /// elements with the same origin have the same font size even when it is unknown.
    private let origins: [Int]
    private static let headingScale: [String: Double] = [
        "h1": 2, "h2": 1.5, "h3": 1.17, "h4": 1, "h5": 0.83, "h6": 0.67,
    ]

    init(_ page: A11yPage) {
        let nodes = page.snapshot.nodes
        var sizes = [Double?](repeating: nil, count: nodes.count)
        var origins = [Int](repeating: 0, count: nodes.count)
        // The browser default, unless a stylesheet may set sizes in ways not followed here.
        let base: Double? = !page.hasStylesheets || page.styleSheetFontSizesAreKnown ? 16 : nil
        for (index, node) in nodes.enumerated() {
            let inherited = node.parent.map { sizes[$0] } ?? base
            var size = inherited.map { value in Self.headingScale[node.name].map { value * $0 } ?? value }
            var changes = Self.headingScale[node.name] != nil
            if ["small", "big", "sub", "sup", "font"].contains(node.name) {
                size = nil
                changes = true
            }
            let style = node.attribute("style").flatMap {
                $0.range(of: "font", options: .caseInsensitive) == nil ? nil : InlineStyle($0)
            }
            if let declared = page.styleSheetFontSize(of: index) {
                size = Self.resolve(declared, inherited: inherited, base: base)
                changes = true
            }
            if style?.value(of: "font") != nil {
                size = nil  // the shorthand sets the size too; not parsed
                changes = true
            }
            if let declared = style?.value(of: "font-size") {
                size = Self.resolve(declared, inherited: inherited, base: base)
                changes = true
            }
            sizes[index] = size
            origins[index] = changes ? index : node.parent.map { origins[$0] } ?? index
        }
        self.sizes = sizes
        self.origins = origins
    }

    /// A `font-size` value in pixels, relative units against the parent's size (or the root's for `rem`); nil
    /// when it cannot be read (keywords, `calc()`).
    static func resolve(_ declared: String, inherited: Double?, base: Double?) -> Double? {
        guard let length = CSSLength(declared) else { return nil }
        switch length.unit {
        case "em": return inherited.map { $0 * length.value }
        case "%": return inherited.map { $0 * length.value / 100 }
        case "rem": return base.map { $0 * length.value }
        default: return length.pixels
        }
    }

    /// The font size of `from` divided by that of `to`: 1 when they share their font size, nil when unknown.
    func scale(from: Int, to: Int) -> Double? {
        if origins[from] == origins[to] { return 1 }
        guard let numerator = sizes[from], let denominator = sizes[to], denominator > 0 else { return nil }
        return numerator / denominator
    }

    /// The font size of `index`, nil when unknown.
    func size(_ index: Int) -> Double? { sizes[index] }
}
