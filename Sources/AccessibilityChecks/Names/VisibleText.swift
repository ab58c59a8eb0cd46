import A11yModel
import PortcullisHTML

/// The text a sighted user sees inside an element, as far as markup tells (the "visible inner text" of ACT):
/// text nodes in document order, block-level elements separated by spaces, skipping elements not rendered
/// (`hidden`, inline `display:none` / `visibility:hidden`, `<script>`, …). `aria-hidden` does not hide text
/// visually, so such text counts. Bounded: a huge subtree costs at most `limit` nodes.
struct VisibleText {
    /// The text, whitespace collapsed.
    var text: String
    /// Whether a stylesheet may hide (or reveal) some of it.
    var uncertain: Bool
    /// Whether an icon (a private-use character, or an element whose class names an icon font) was left out.
    var hadIcons: Bool
    /// Whether the walk stopped at `limit` nodes before the end.
    var truncated: Bool
    /// Whether some descendant carries a `class`, `id` or `style` a stylesheet could use to move or clip it out
    /// of sight (the "visually hidden" pattern keeps text in the accessibility tree but not on screen).
    var styled: Bool

    /// Elements whose boxes start on a new line: their text is separated from its neighbours.
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "legend", "li", "main", "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul",
    ]
    /// Elements never rendered.
    static let unrendered: Set<String> = ["script", "style", "template", "noscript", "head", "title", "datalist"]

    private enum Step {
        case child(DocumentSnapshot.Child)
        case space
    }

    /// The visible text of element `root`.
    init(_ page: A11yPage, _ root: Int, limit: Int = 5_000, skipIcons: Bool = false) {
        var result = ""
        var uncertain = false
        var hadIcons = false
        var styled = false
        var visited = 0
        var stack: [Step] = page.node(root).children.reversed().map { .child($0) }
        while let step = stack.popLast() {
            visited += 1
            if visited > limit { break }
            switch step {
            case .space:
                result += " "
            case .child(.text(let text)):
                guard skipIcons else {
                    result += text
                    continue
                }
                let kept = String(String.UnicodeScalarView(text.unicodeScalars.filter { !Self.isPrivateUse($0) }))
                if kept.unicodeScalars.count != text.unicodeScalars.count { hadIcons = true }
                result += kept
            case .child(.element(let index)):
                let node = page.node(index)
                if Self.isVisuallyHidden(node) { continue }
                if case .uncertain = page.hidden(index) { uncertain = true }
                if node.hasAttribute("class") || node.hasAttribute("id") || node.hasAttribute("style") { styled = true }
                if skipIcons, Self.isIcon(node) {
                    hadIcons = true
                    continue
                }
                let block = Self.blocks.contains(node.name) && !Self.isInline(node)
                if block { stack.append(.space) }
                stack.append(contentsOf: node.children.reversed().map { .child($0) })
                if block { stack.append(.space) }
            }
        }
        text = result.collapsingWhitespace()
        self.uncertain = uncertain
        self.hadIcons = hadIcons
        self.styled = styled
        truncated = visited > limit
    }

    /// Whether markup alone says the element is not rendered.
    static func isVisuallyHidden(_ node: DocumentSnapshot.Node) -> Bool {
        if unrendered.contains(node.name) { return true }
        if let hidden = node.attribute("hidden"), hidden.lowercased() != "until-found" { return true }
        guard let style = node.attribute("style") else { return false }
        let compact = style.lowercased().filter { !$0.isWhitespace }
        return compact.contains("display:none") || compact.contains("visibility:hidden")
    }

    /// Whether an inline style makes a block element inline.
    static func isInline(_ node: DocumentSnapshot.Node) -> Bool {
        guard let style = node.attribute("style") else { return false }
        let compact = style.lowercased().filter { !$0.isWhitespace }
        return compact.contains("display:inline")
    }

    /// Private-use code points: icon fonts draw their glyphs there.
    static func isPrivateUse(_ scalar: Unicode.Scalar) -> Bool {
        (0xE000...0xF8FF).contains(scalar.value) || scalar.value >= 0xF0000
    }

    /// Whether the element is an icon-font glyph holder (`class` naming an icon set, such as `material-icons`,
    /// `fa-…`, `glyphicon`), whose text is a ligature name rather than visible words.
    static func isIcon(_ node: DocumentSnapshot.Node) -> Bool {
        guard let classes = node.attribute("class")?.lowercased() else { return false }
        return classes.split(whereSeparator: \.isWhitespace).contains { token in
            token.contains("icon") || token.hasPrefix("fa-") || token == "fa" || token.hasPrefix("material-symbols")
        }
    }
}
