import PortcullisHTML

/// The kind of traversal a text alternative is computed in (accname 1.2 "current node" state).
struct NameTraversal: Hashable {
    /// Inside an `aria-labelledby`/`aria-describedby` traversal: further references are not followed.
    var inReference: Bool
    /// The directly referenced node was hidden: hidden descendants count too.
    var includesHidden: Bool
}

/// A piece of a name: text plus what it depended on.
struct NamePart {
    var text: String
    var uncertain = false
    /// Computed from the subtree alone (no reference followed, no visited node met, no depth cap): reusable for
    /// any other name whose root is outside the subtree.
    var reusable = true

    static let empty = NamePart(text: "")
}

/// accname 1.2 over the page model: recursion is bounded by ``maxDepth`` (deeper content is dropped and the name
/// marked uncertain), references cannot loop (a referenced node's own references are not followed, and the
/// nodes being named are skipped when met again).
extension A11yPage {
    /// How deep a name traversal goes before giving up (hostile nesting).
    static let maxDepth = 256

    /// The accessible name per W3C accname 1.2.
    public func accessibleName(_ index: Int) -> AccessibleName {
        if names.isEmpty { names = Array(repeating: nil, count: count) }
        if let known = names[index] { return known }
        let name = computeName(index)
        names[index] = name
        return name
    }

    /// The accessible description per accname 1.2 (`aria-describedby`, `aria-description`, `title` when the name
    /// did not use it).
    public func accessibleDescription(_ index: Int) -> String {
        if let known = descriptions[index] { return known }
        let node = snapshot.nodes[index]
        var result = ""
        if let references = node.attribute("aria-describedby") {
            result = followReferences(references, root: index, visited: [index]).text
        }
        if result.isEmpty, let description = node.attribute("aria-description") {
            result = Self.normalize(description)
        }
        if result.isEmpty, let title = node.attribute("title"), accessibleName(index).source != .title {
            result = Self.normalize(title)
        }
        descriptions[index] = result
        return result
    }

    private func computeName(_ index: Int) -> AccessibleName {
        let node = snapshot.nodes[index]
        let visited: Set<Int> = [index]
        if let references = node.attribute("aria-labelledby") {
            let part = followReferences(references, root: index, visited: visited)
            if !part.text.isEmpty {
                return AccessibleName(text: part.text, source: .ariaLabelledby, uncertain: part.uncertain)
            }
        }
        if let label = node.attribute("aria-label"), !Self.normalize(label).isEmpty {
            return AccessibleName(text: Self.normalize(label), source: .ariaLabel)
        }
        let role = resolver.roles[index]
        let plain = NameTraversal(inReference: false, includesHidden: false)
        if let native = nativeName(index, root: index, traversal: plain, depth: 0, visited: visited, top: true),
            !native.part.text.isEmpty
        {
            return AccessibleName(text: native.part.text, source: native.source, uncertain: native.part.uncertain)
        }
        if role.map(RoleVocabulary.allowsNameFromContents) == true || (role == nil && node.name == "summary") {
            let part = contents(index, root: index, traversal: plain, depth: 0, visited: visited)
            if !part.text.isEmpty {
                return AccessibleName(text: part.text, source: .contents, uncertain: part.uncertain)
            }
        }
        if let title = node.attribute("title"), !Self.normalize(title).isEmpty {
            return AccessibleName(text: Self.normalize(title), source: .title)
        }
        if ["input", "textarea"].contains(node.name) || role == "textbox" || role == "searchbox" {
            for attribute in ["placeholder", "aria-placeholder"] {
                if let text = node.attribute(attribute), !Self.normalize(text).isEmpty {
                    return AccessibleName(text: Self.normalize(text), source: .placeholder)
                }
            }
        }
        let uncertain = generatedContent.contains(index) && role.map(RoleVocabulary.allowsNameFromContents) == true
        return AccessibleName(text: "", source: .none, uncertain: uncertain)
    }

    /// The texts of the ids in `references`, joined by spaces; each referenced node is computed in a reference
    /// traversal (its own references not followed), hidden descendants included when it is hidden itself.
    private func followReferences(_ references: String, root: Int, visited: Set<Int>) -> NamePart {
        var texts: [String] = []
        var uncertain = false
        for id in references.split(whereSeparator: \.isWhitespace) {
            guard let target = snapshot.index(ofID: String(id)) else { continue }
            if target != root && visited.contains(target) { continue }
            var seen = visited
            seen.insert(target)
            let traversal = NameTraversal(inReference: true, includesHidden: facts.hiddenness[target].isHidden)
            let part =
                target == root
                ? selfReference(root, traversal: traversal, visited: seen)
                : textAlternative(target, root: root, traversal: traversal, depth: 1, visited: seen, referenced: true)
            uncertain = uncertain || part.uncertain
            if !part.text.isEmpty { texts.append(part.text) }
        }
        return NamePart(text: texts.joined(separator: " "), uncertain: uncertain, reusable: false)
    }

    /// A node referencing itself: its name without the reference step (aria-label, native, content).
    private func selfReference(_ index: Int, traversal: NameTraversal, visited: Set<Int>) -> NamePart {
        if let label = snapshot.nodes[index].attribute("aria-label"), !Self.normalize(label).isEmpty {
            return NamePart(text: Self.normalize(label))
        }
        if let native = nativeName(index, root: index, traversal: traversal, depth: 1, visited: visited, top: true),
            !native.part.text.isEmpty
        {
            return native.part
        }
        return contents(index, root: index, traversal: traversal, depth: 1, visited: visited)
    }

    /// Steps 2A–2I for a node met inside a traversal.
    private func textAlternative(
        _ index: Int,
        root: Int,
        traversal: NameTraversal,
        depth: Int,
        visited: Set<Int>,
        referenced: Bool = false
    ) -> NamePart {
        guard depth <= Self.maxDepth else { return NamePart(text: "", uncertain: true, reusable: false) }
        let node = snapshot.nodes[index]
        if ["script", "style", "template", "noscript"].contains(node.name) { return .empty }
        var uncertain = false
        switch facts.hiddenness[index] {
        case .hidden: if !referenced && !traversal.includesHidden { return .empty }
        case .uncertain: uncertain = true
        case .exposed: break
        }
        let memoUsable = !isInSubtree(root, of: index)
        if memoUsable, let known = traversalMemo[traversal]?[index] { return known }
        var part = uncachedTextAlternative(index, root: root, traversal: traversal, depth: depth, visited: visited)
        part.uncertain = part.uncertain || uncertain
        if memoUsable && part.reusable { traversalMemo[traversal, default: [:]][index] = part }
        return part
    }

    private func uncachedTextAlternative(
        _ index: Int,
        root: Int,
        traversal: NameTraversal,
        depth: Int,
        visited: Set<Int>
    ) -> NamePart {
        let node = snapshot.nodes[index]
        if !traversal.inReference, let references = node.attribute("aria-labelledby"),
            references.split(whereSeparator: \.isWhitespace).contains(where: { snapshot.index(ofID: String($0)) != nil }
            )
        {
            let part = followReferences(references, root: root, visited: visited)
            if !part.text.isEmpty { return part }
        }
        if let control = embeddedControlValue(index, root: root, depth: depth, visited: visited) { return control }
        if let label = node.attribute("aria-label"), !Self.normalize(label).isEmpty {
            return NamePart(text: Self.normalize(label))
        }
        // A presentational element (`<img role=presentation alt=…>`) loses its native text alternative.
        if !RoleVocabulary.isPresentational(resolver.roles[index]),
            let native = nativeName(
                index,
                root: root,
                traversal: traversal,
                depth: depth,
                visited: visited,
                top: false
            ),
            !native.part.text.isEmpty
        {
            return native.part
        }
        let part = contents(index, root: root, traversal: traversal, depth: depth, visited: visited)
        if !part.text.isEmpty { return part }
        if let title = node.attribute("title"), !Self.normalize(title).isEmpty {
            return NamePart(text: Self.normalize(title), uncertain: part.uncertain, reusable: part.reusable)
        }
        return part
    }

    /// Step 2E: a control embedded in a label gives its value (textbox text, selected options, range value).
    private func embeddedControlValue(_ index: Int, root: Int, depth: Int, visited: Set<Int>) -> NamePart? {
        let node = snapshot.nodes[index]
        switch resolver.roles[index] {
        case "textbox", "searchbox":
            if node.name == "textarea" { return NamePart(text: Self.normalize(textContent(index))) }
            return NamePart(text: Self.normalize(node.attribute("value") ?? ""))
        case "combobox", "listbox":
            if node.name == "input" { return NamePart(text: Self.normalize(node.attribute("value") ?? "")) }
            let options = snapshot.descendants(of: index).filter {
                snapshot.nodes[$0].name == "option" || resolver.roles[$0] == "option"
            }
            var chosen = options.filter {
                snapshot.nodes[$0].hasAttribute("selected")
                    || snapshot.nodes[$0].attribute("aria-selected")?.lowercased() == "true"
            }
            if chosen.isEmpty, node.name == "select", resolver.roles[index] == "combobox", let first = options.first {
                chosen = [first]
            }
            let texts = chosen.map { Self.normalize(textContent($0)) }.filter { !$0.isEmpty }
            return NamePart(text: texts.joined(separator: " "))
        case "slider", "spinbutton", "progressbar", "scrollbar", "meter":
            let value = node.attribute("aria-valuetext") ?? node.attribute("aria-valuenow") ?? node.attribute("value")
            return NamePart(text: Self.normalize(value ?? ""))
        default:
            return nil
        }
    }

    /// Step 2D: the host language's own text alternative (labels only at the top, for the named element).
    private func nativeName(
        _ index: Int,
        root: Int,
        traversal: NameTraversal,
        depth: Int,
        visited: Set<Int>,
        top: Bool
    ) -> (part: NamePart, source: AccessibleName.Source)? {
        let node = snapshot.nodes[index]
        let type = node.attribute("type")?.trimmingHTMLWhitespace().lowercased() ?? ""
        if top {
            let labelTexts = labels(of: index).map {
                var seen = visited
                seen.insert($0)
                let labelTraversal = NameTraversal(
                    inReference: traversal.inReference,
                    includesHidden: facts.hiddenness[$0].isHidden
                )
                return contents($0, root: root, traversal: labelTraversal, depth: depth + 1, visited: seen)
            }
            let text = labelTexts.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
            if !text.isEmpty {
                return (NamePart(text: text, uncertain: labelTexts.contains(where: \.uncertain)), .nativeLabel)
            }
        }
        switch node.name {
        case "img", "area":
            if let alt = node.attribute("alt") { return (NamePart(text: Self.normalize(alt)), .alt) }
        case "input":
            switch type {
            case "image":
                if let alt = node.attribute("alt") { return (NamePart(text: Self.normalize(alt)), .alt) }
            case "button", "submit", "reset":
                if let value = node.attribute("value"), !Self.normalize(value).isEmpty {
                    return (NamePart(text: Self.normalize(value)), .value)
                }
                if node.attribute("value") == nil, type != "button" {
                    return (NamePart(text: type == "submit" ? "Submit" : "Reset"), .value)
                }
            default: break
            }
        case "optgroup", "option", "track":
            if let label = node.attribute("label"), !Self.normalize(label).isEmpty {
                return (NamePart(text: Self.normalize(label)), .nativeLabel)
            }
        case "table":
            if let caption = RenderingFacts.firstChild(named: "caption", of: index, snapshot) {
                return (
                    contents(caption, root: root, traversal: traversal, depth: depth + 1, visited: visited), .caption
                )
            }
        case "fieldset":
            if let legend = RenderingFacts.firstChild(named: "legend", of: index, snapshot) {
                return (contents(legend, root: root, traversal: traversal, depth: depth + 1, visited: visited), .legend)
            }
        case "figure":
            if let caption = RenderingFacts.firstChild(named: "figcaption", of: index, snapshot) {
                let part = contents(caption, root: root, traversal: traversal, depth: depth + 1, visited: visited)
                return (part, .figcaption)
            }
        case "svg":
            if let title = RenderingFacts.firstChild(named: "title", of: index, snapshot) {
                return (NamePart(text: Self.normalize(textContent(title))), .title)
            }
        default: break
        }
        return nil
    }

    /// Steps 2F–2H: the children's text alternatives in order; block-level children are set apart by spaces.
    private func contents(
        _ index: Int,
        root: Int,
        traversal: NameTraversal,
        depth: Int,
        visited: Set<Int>
    ) -> NamePart {
        guard depth < Self.maxDepth else { return NamePart(text: "", uncertain: true, reusable: false) }
        var text = ""
        var uncertain = false
        var reusable = true
        for child in snapshot.nodes[index].children {
            switch child {
            case .text(let run): text += run
            case .element(let element):
                if visited.contains(element) {
                    reusable = false
                    continue
                }
                let name = snapshot.nodes[element].name
                if name == "br" {
                    text += " "
                    continue
                }
                let part = textAlternative(
                    element,
                    root: root,
                    traversal: traversal,
                    depth: depth + 1,
                    visited: visited
                )
                uncertain = uncertain || part.uncertain
                reusable = reusable && part.reusable
                if Self.blockElements.contains(name) { text += " \(part.text) " } else { text += part.text }
            }
        }
        let generated = generatedContent.contains(index)
        return NamePart(text: Self.normalize(text), uncertain: uncertain || generated, reusable: reusable)
    }

    /// The concatenated text of the subtree (for `<textarea>`, `<option>`, `<svg><title>`), iteratively.
    func textContent(_ index: Int) -> String {
        var result = ""
        var stack: [DocumentSnapshot.Child] = snapshot.nodes[index].children.reversed()
        while let next = stack.popLast() {
            switch next {
            case .text(let text): result += text
            case .element(let child): stack.append(contentsOf: snapshot.nodes[child].children.reversed())
            }
        }
        return result
    }

    /// Collapses whitespace runs to one space and trims.
    static func normalize(_ text: String) -> String {
        text.collapsingWhitespace()
    }

    /// Elements rendered as blocks by default: their text is set apart from their neighbours'.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
        "ul", "caption", "legend", "option", "menu", "search",
    ]
}
