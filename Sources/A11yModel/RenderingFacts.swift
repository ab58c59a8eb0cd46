import PortcullisHTML

/// Hidden-ness, focusability and disabled state of every element, computed in one document-order pass
/// (parents come before children in ``DocumentSnapshot/nodes``, so inherited state is read from the parent).
@usableFromInline
struct RenderingFacts {
    /// Per element: hidden from assistive technology (and how sure).
    @usableFromInline var hiddenness: [Hiddenness] = []
    /// Per element: why it is not rendered (display none, visibility hidden, non-rendered element), nil if rendered.
    /// Unlike ``hiddenness`` this ignores `aria-hidden`, which does not remove focusability.
    @usableFromInline var notRendered: [String?] = []
    /// Per element: disabled form control (own `disabled`, a disabled fieldset outside its first legend, a
    /// disabled optgroup).
    @usableFromInline var disabled: [Bool] = []
    /// Per element: inside an `inert` subtree.
    @usableFromInline var inert: [Bool] = []
    /// Per element: the parsed `tabindex`, nil when absent or not a valid integer.
    @usableFromInline var tabindex: [Int?] = []
    /// Per element: focusable.
    @usableFromInline var focusable: [Bool] = []

    // Tag classes are `switch`es, not `Set`s: comparing short strings is much cheaper than hashing them.
    private static func isNeverRendered(_ name: String) -> Bool {
        switch name {
        case "head", "script", "style", "noscript", "template", "title", "meta", "link", "base": true
        default: false
        }
    }

    private static func isFormControl(_ name: String) -> Bool {
        switch name {
        case "button", "input", "select", "textarea", "optgroup", "option": true
        default: false
        }
    }

    init(_ snapshot: DocumentSnapshot, sheet: StyleSheetRules) {
        let count = snapshot.nodes.count
        hiddenness.reserveCapacity(count)
        notRendered.reserveCapacity(count)
        var ariaHidden: [String?] = []
        var displayGone: [String?] = []
        var visibilityHidden: [String?] = []
        var uncertain: [String?] = []
        var inDisabledFieldset: [Bool] = []
        ariaHidden.reserveCapacity(count)
        for (index, node) in snapshot.nodes.enumerated() {
            let parent = node.parent
            let inline = node.attribute("style").map { CSSDeclarations(Substring($0)) }
            // display: none and friends: cannot be undone by descendants.
            var gone = parent.flatMap { displayGone[$0] }
            if gone == nil {
                gone = Self.displayReason(node, index: index, inline: inline, sheet: sheet)
                if gone == nil, let parent { gone = Self.closedContainerReason(index, parent: parent, snapshot) }
            }
            // visibility: inherited, undone by `visibility: visible`.
            var visibility = parent.flatMap { visibilityHidden[$0] }
            let ownVisibility = inline?.visibility ?? (sheet.visibility.isEmpty ? nil : sheet.visibility[index]?.value)
            if let ownVisibility {
                if ownVisibility == "hidden" || ownVisibility == "collapse" {
                    visibility = "visibility: \(ownVisibility)"
                } else if ownVisibility == "visible" {
                    visibility = nil
                }
            }
            var aria = parent.flatMap { ariaHidden[$0] }
            if aria == nil, node.attribute("aria-hidden")?.trimmingHTMLWhitespace().lowercased() == "true" {
                aria = "aria-hidden=\"true\""
            }
            var doubt = parent.flatMap { uncertain[$0] }
            if doubt == nil, !sheet.uncertain.isEmpty, let reason = sheet.uncertain[index] { doubt = reason }
            let renderReason = gone ?? visibility
            displayGone.append(gone)
            ariaHidden.append(aria)
            visibilityHidden.append(visibility)
            uncertain.append(doubt)
            notRendered.append(renderReason)
            if let reason = renderReason ?? aria {
                hiddenness.append(.hidden(reason))
            } else if let doubt {
                hiddenness.append(.uncertain(doubt))
            } else {
                hiddenness.append(.exposed)
            }
            // Disabled and inert.
            let parentInert = parent.map { inert[$0] } ?? false
            inert.append(parentInert || node.hasAttribute("inert"))
            var fieldsetDisabled = parent.map { inDisabledFieldset[$0] } ?? false
            if let parent, snapshot.nodes[parent].name == "fieldset", snapshot.nodes[parent].hasAttribute("disabled"),
                !(node.name == "legend" && Self.firstChild(named: "legend", of: parent, snapshot) == index)
            {
                fieldsetDisabled = true
            }
            inDisabledFieldset.append(fieldsetDisabled)
            var isDisabled = false
            if Self.isFormControl(node.name) {
                isDisabled = node.hasAttribute("disabled") || fieldsetDisabled
                if node.name == "option", let parent, snapshot.nodes[parent].name == "optgroup",
                    snapshot.nodes[parent].hasAttribute("disabled")
                {
                    isDisabled = true
                }
            }
            disabled.append(isDisabled)
            let parsedTabindex = node.attribute("tabindex").flatMap(Self.parseInteger)
            tabindex.append(parsedTabindex)
            let canFocus =
                !inert[index] && !isDisabled && notRendered[index] == nil
                && (parsedTabindex != nil || Self.isNativelyFocusable(index, snapshot))
            focusable.append(canFocus)
        }
    }

    /// Why the element itself is not rendered (not counting ancestors), nil when it is.
    private static func displayReason(
        _ node: DocumentSnapshot.Node,
        index: Int,
        inline: CSSDeclarations?,
        sheet: StyleSheetRules
    ) -> String? {
        if isNeverRendered(node.name) { return "<\(node.name)> is not rendered" }
        if node.hasAttribute("hidden") { return "hidden attribute" }
        if node.name == "input", node.attribute("type")?.trimmingHTMLWhitespace().lowercased() == "hidden" {
            return "input type=hidden"
        }
        if node.name == "dialog", !node.hasAttribute("open") { return "closed <dialog>" }
        if let display = inline?.display {
            return display == "none" ? "inline style display: none" : nil
        }
        if !sheet.display.isEmpty, let display = sheet.display[index], display.value == "none" {
            return "stylesheet display: none"
        }
        return nil
    }

    /// Content of a closed `<details>` other than its first `<summary>`.
    private static func closedContainerReason(_ index: Int, parent: Int, _ snapshot: DocumentSnapshot) -> String? {
        let container = snapshot.nodes[parent]
        guard container.name == "details", !container.hasAttribute("open") else { return nil }
        if snapshot.nodes[index].name == "summary", firstChild(named: "summary", of: parent, snapshot) == index {
            return nil
        }
        return "content of a closed <details>"
    }

    /// The first element child of `parent` named `name`.
    static func firstChild(named name: String, of parent: Int, _ snapshot: DocumentSnapshot) -> Int? {
        for child in snapshot.nodes[parent].children {
            if case .element(let index) = child, snapshot.nodes[index].name == name { return index }
        }
        return nil
    }

    /// Focusable by its nature (before `tabindex`, disabled and rendering are considered).
    private static func isNativelyFocusable(_ index: Int, _ snapshot: DocumentSnapshot) -> Bool {
        let node = snapshot.nodes[index]
        switch node.name {
        case "a", "area": return node.hasAttribute("href")
        case "button", "select", "textarea", "iframe": return true
        case "input": return node.attribute("type")?.trimmingHTMLWhitespace().lowercased() != "hidden"
        case "summary":
            guard let parent = node.parent, snapshot.nodes[parent].name == "details" else { return false }
            return firstChild(named: "summary", of: parent, snapshot) == index
        case "audio", "video": return node.hasAttribute("controls")
        default:
            if let editable = node.attribute("contenteditable") {
                return editable.trimmingHTMLWhitespace().lowercased() != "false"
            }
            return false
        }
    }

    /// HTML's "rules for parsing integers": optional whitespace, sign, digits; trailing text ignored.
    static func parseInteger(_ text: String) -> Int? {
        var scalars = Substring(text).drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }
        var negative = false
        if scalars.first == "-" || scalars.first == "+" {
            negative = scalars.first == "-"
            scalars = scalars.dropFirst()
        }
        let digits = scalars.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        let value = Int(digits.prefix(9)) ?? 0
        return negative ? -value : value
    }
}
